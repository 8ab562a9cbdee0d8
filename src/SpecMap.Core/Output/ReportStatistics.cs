using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>Diagnostics counted by severity, and how many carry a fix.</summary>
internal sealed record DiagnosticCounts(int Errors, int Warnings, int Infos, int Fixable)
{
    public static DiagnosticCounts Of(IEnumerable<Diagnostic> diagnostics)
    {
        int errors = 0, warnings = 0, infos = 0, fixable = 0;
        foreach (var diagnostic in diagnostics)
        {
            errors += diagnostic.Severity == Severity.Error ? 1 : 0;
            warnings += diagnostic.Severity == Severity.Warning ? 1 : 0;
            infos += diagnostic.Severity == Severity.Info ? 1 : 0;
            fixable += diagnostic.Fix is null ? 0 : 1;
        }
        return new DiagnosticCounts(errors, warnings, infos, fixable);
    }

    /// <summary>The reported severities, most severe first, as every format lists them.</summary>
    public static ImmutableArray<Severity> Severities { get; } = [Severity.Error, Severity.Warning, Severity.Info];

    public int Of(Severity severity) => severity switch
    {
        Severity.Error => Errors,
        Severity.Warning => Warnings,
        Severity.Info => Infos,
        _ => 0,
    };
}

/// <summary>References counted in all and by status (every status, zeros included, in <see cref="ReferenceStatus"/> order).</summary>
internal sealed record ReferenceCounts(int Total, ImmutableArray<(ReferenceStatus Status, int Count)> ByStatus)
{
    public static ReferenceCounts Of(IReadOnlyCollection<ReferenceResult> references) => new(
        references.Count,
        [.. Enum.GetValues<ReferenceStatus>().Select(status => (status, references.Count(r => r.Status == status)))]);

    public int Of(ReferenceStatus status) => ByStatus.Single(s => s.Status == status).Count;
}

/// <summary>The figures of one mapping file.</summary>
internal sealed record MappingStatistics(MappingReport Mapping, ReferenceCounts References, DiagnosticCounts Diagnostics);

/// <summary>
/// The figures every format shows, computed once from a <see cref="ValidationReport"/>: formatters render them and
/// count nothing themselves, so the text summary, the JSON summary, SARIF's run properties, the Markdown table,
/// GitHub's notice and the Prometheus series cannot disagree.
/// </summary>
/// <param name="Coverage">Spec coverage summed over the mappings that have one, or null when none has.</param>
/// <param name="PerMapping">One entry per mapping, in the report's order.</param>
internal sealed record ReportStatistics(
    int Mappings,
    ReferenceCounts References,
    DiagnosticCounts Diagnostics,
    SpecCoverage? Coverage,
    ImmutableArray<MappingStatistics> PerMapping)
{
    public static ReportStatistics Of(ValidationReport report)
    {
        var coverages = report.Mappings.Where(m => m.Coverage is not null).Select(m => m.Coverage!).ToList();
        return new ReportStatistics(
            report.Mappings.Length,
            ReferenceCounts.Of([.. report.Mappings.SelectMany(m => m.References)]),
            DiagnosticCounts.Of(report.AllDiagnostics),
            coverages.Count == 0 ? null : new SpecCoverage(coverages.Sum(c => c.Sections), coverages.Sum(c => c.Covered)),
            [.. report.Mappings.Select(m => new MappingStatistics(m, ReferenceCounts.Of(m.References), DiagnosticCounts.Of(m.Diagnostics)))]);
    }

    /// <summary>References the resolver relocated (the text summary's "N relocated").</summary>
    public int Relocated => References.Of(ReferenceStatus.Relocated);
}
