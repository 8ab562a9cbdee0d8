using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Probe;

/// <summary>How one scenario went, for reports: where its stream came from, what status, how many events, what broke.</summary>
/// <param name="Status">The HTTP status (null on replay, or when no answer came).</param>
/// <param name="StreamChecked">False for a scenario that expects no stream (an expected 400): it is judged by its status.</param>
internal sealed record ScenarioSummary(
    string Name,
    string? Description,
    string Source,
    int? Status,
    int ExpectStatus,
    int Events,
    string? TransportError,
    bool StreamChecked);

/// <summary>A whole `specmap probe` run as the formatters see it: the checks' report and the run's context.</summary>
/// <param name="Target">The base URL probed, or the replayed folder.</param>
/// <param name="Spec">The spec document's display name, or null when run without one (no schema checks).</param>
/// <param name="Mapping">The mapping read (to place mapping findings on its lines), or null.</param>
internal sealed record ProbeResult(
    string Target,
    bool Replay,
    string? Spec,
    MappingDocument? Mapping,
    ImmutableArray<ScenarioSummary> Scenarios,
    ProbeReport Report)
{
    /// <summary>An error finding, or a scenario whose request or stream broke (wrong status, timeout, cut stream).</summary>
    public bool Failed => Report.HasErrors || Scenarios.Any(s => s.TransportError is not null);

    public int Count(Severity severity) => Report.Findings.Count(f => f.Severity == severity);

    /// <summary>Findings in report order: by scenario, then event, then rule, so every format lists them the same way.</summary>
    public IEnumerable<ProbeFinding> OrderedFindings() => Report.Findings
        .OrderBy(f => f.Scenario, StringComparer.Ordinal)
        .ThenBy(f => f.EventIndex ?? -1)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.Pointer, StringComparer.Ordinal)
        .ThenBy(f => f.Message, StringComparer.Ordinal);

    public ProbeStream? StreamOf(ProbeFinding finding) => Report.Streams.FirstOrDefault(s => s.Scenario == finding.Scenario);

    /// <summary>
    /// Where a finding points, as a path and 1-based line: the recording's line of the event (replay), the mapping
    /// item's line (mapping findings), else the scenario's name (a live stream has no file).
    /// </summary>
    public (string Path, int Line) LocationOf(ProbeFinding finding)
    {
        var stream = StreamOf(finding);
        if (stream is not null && (finding.Line ?? (finding.EventIndex is { } index && index < stream.Events.Length ? stream.Events[index].Line : null)) is { } line)
        {
            return (Replay ? stream.Source : LiveName(stream.Scenario), line);
        }
        if (Mapping is not null && finding.MappingItem is { } pointer && Mapping.At(pointer) is { } node)
        {
            return (Mapping.DisplayPath, Mapping.LocationOf(node.Start).Line);
        }
        return stream is not null ? (Replay ? stream.Source : LiveName(stream.Scenario), 1) : (Mapping?.DisplayPath ?? Target, 1);
    }

    /// <summary>A live stream's name in locations: what `--record` would save it as.</summary>
    public static string LiveName(string scenario) => scenario + ".sse";
}
