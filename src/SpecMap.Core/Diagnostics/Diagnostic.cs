using System.Collections.Immutable;
using SpecMap.Core.Results;

namespace SpecMap.Core.Diagnostics;

/// <summary>A 1-based position inside a mapping file (column counts UTF-16 code units).</summary>
internal sealed record MappingLocation(string Path, int Line, int Column);

/// <summary>A place in the repository a diagnostic relates to (SARIF related locations).</summary>
internal sealed record CodeLocation(string File, int Start, int End);

/// <summary>One replacement inside the mapping text: <see cref="OldText"/> at char <see cref="Offset"/> becomes <see cref="NewText"/>.</summary>
internal sealed record MappingEdit(string Pointer, int Offset, string OldText, string NewText)
{
    public int Length => OldText.Length;
}

/// <summary>What `--fix` would change for one diagnostic.</summary>
internal sealed record MappingFix(string Description, FixSafety Safety, ImmutableArray<MappingEdit> Edits, double Confidence = 1.0);

/// <summary>One finding, positioned in the mapping file.</summary>
/// <param name="Reference">The reference the finding is about, with its outcome (set where the diagnostic is made), or null
/// when it is about no single reference. Formats take the target from here: the parts of a line list share one pointer.</param>
internal sealed record Diagnostic(
    string Id,
    Severity Severity,
    string Message,
    MappingLocation Location,
    string Pointer,
    MappingFix? Fix = null,
    ImmutableArray<CodeLocation> Related = default,
    ReferenceResult? Reference = null)
{
    public ImmutableArray<CodeLocation> RelatedLocations => Related.IsDefault ? [] : Related;
}
