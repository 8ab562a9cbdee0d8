using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Results;

/// <summary>Spec coverage (SMV0204): how many spec sections of `docs_root` some item references.</summary>
internal sealed record SpecCoverage(int Sections, int Covered)
{
    public double Ratio => Sections == 0 ? 1.0 : (double)Covered / Sections;
}

/// <summary>The result for one mapping file.</summary>
/// <param name="VerifiedAt">The commit the mapping's lines belong to (contract §1), or null when unknown.</param>
/// <param name="Against">The commit checked against, or null for the work tree / index.</param>
internal sealed record MappingReport(
    MappingDocument Document,
    string? VerifiedAt,
    string? Against,
    ImmutableArray<ReferenceResult> References,
    ImmutableArray<Diagnostic> Diagnostics,
    SpecCoverage? Coverage = null)
{
    public string Path => Document.DisplayPath;
}

/// <summary>Everything one `specmap validate` run found, sorted for deterministic output.</summary>
/// <param name="Setup">Diagnostics about the run itself rather than one mapping (the configuration file), located in that file.</param>
internal sealed record ValidationReport(ImmutableArray<MappingReport> Mappings, ImmutableArray<Diagnostic> Setup = default)
{
    public ImmutableArray<Diagnostic> SetupDiagnostics => Setup.IsDefault ? [] : Setup;

    /// <summary>The repository the run checked, as fixes need it (so `--fix` does not open it again).</summary>
    public RepositoryFacts Repository { get; init; } = RepositoryFacts.None;

    public IEnumerable<Diagnostic> AllDiagnostics => SetupDiagnostics.Concat(Mappings.SelectMany(m => m.Diagnostics));

    public int Count(Severity severity) => AllDiagnostics.Count(d => d.Severity == severity);

    public bool HasErrors => AllDiagnostics.Any(d => d.Severity == Severity.Error);
}
