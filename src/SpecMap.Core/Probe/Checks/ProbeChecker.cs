using System.Collections.Immutable;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// The probe's checks over streams already read (live or replayed): the spec schemas, the stream rules and the mapping.
/// Pure: no I/O, the same streams give the same report.
/// </summary>
internal static class ProbeChecker
{
    public static ProbeReport Check(IReadOnlyList<ProbeStream> streams, EventSchemas spec, ProbeMappingView? mapping, ProbeOptions options)
    {
        var parsed = streams.Select(ParsedStream.From).ToList();
        var findings = new List<ProbeFinding>();
        foreach (var stream in parsed)
        {
            findings.AddRange(EventSchemaCheck.Check(stream, spec, options));
            findings.AddRange(StreamOrderCheck.Check(stream));
            findings.AddRange(DeltaCheck.Check(stream));
            if (mapping is not null)
            {
                findings.AddRange(MappingCheck.Payloads(stream, mapping));
            }
        }
        if (mapping is not null)
        {
            findings.AddRange(MappingCheck.Coverage(parsed, mapping));
        }
        var order = parsed.Select((s, i) => (s.Scenario, i)).DistinctBy(s => s.Scenario).ToDictionary(s => s.Scenario, s => s.i, StringComparer.Ordinal);
        var sorted = findings
            .Select(f => WithMapping(f, mapping))
            .OrderBy(f => order.TryGetValue(f.Scenario, out var i) ? i : int.MaxValue)
            .ThenBy(f => f.EventIndex ?? int.MaxValue)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Pointer, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ProbeReport([.. streams], sorted, CoverageTable.Build(parsed, spec, mapping));
    }

    /// <summary>Every finding about an event names the event's mapping item and the model's `file:line` when the mapping has them.</summary>
    private static ProbeFinding WithMapping(ProbeFinding finding, ProbeMappingView? mapping) =>
        mapping?.Find(finding.EventType) is { } item
            ? finding with { MappingItem = finding.MappingItem ?? item.ItemPointer, ModelLocation = finding.ModelLocation ?? item.LocationOf(finding.Pointer) }
            : finding;
}
