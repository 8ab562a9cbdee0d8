using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Outline;
using SpecMap.Core.References;

namespace SpecMap.Core.Results;

/// <summary>Contract §3 `status`.</summary>
internal enum ReferenceStatus
{
    Ok,
    Relocated,
    Lost,
    Ambiguous,
    Invalid,
}

/// <summary>Contract §3 `how`: the way a target was found.</summary>
internal static class HowFound
{
    public const string Exact = "exact";
    public const string Symbol = "symbol";
    public const string Rename = "rename";
    public const string Move = "move";
    public const string Fuzzy = "fuzzy";
    public const string Diff = "diff";
}

/// <summary>Where a reference points now. <see cref="Symbol"/> is the qualified name when a declaration was found.</summary>
internal sealed record ResolvedTarget(string File, int Start, int End, string? Symbol);

/// <summary>A finding about one reference, before it is positioned in the mapping (the engine adds location, severity and fix).</summary>
internal sealed record Finding(string RuleId, string Message, ImmutableArray<CodeLocation> Related = default);

/// <summary>A declaration as the baseline held it.</summary>
/// <param name="Snapshot">How messages name the baseline: "commit 1a2b3c4".</param>
internal sealed record BaselineDeclaration(OutlineSymbol Symbol, string Snapshot);

/// <summary>What resolution says of one reference.</summary>
/// <param name="How">One of <see cref="HowFound"/>, or null when nothing was found.</param>
/// <param name="Confidence">0..1: 1 for exact finds, lower for guesses.</param>
internal sealed record ResolutionOutcome(
    ReferenceStatus Status,
    ResolvedTarget? Target,
    string? How,
    double Confidence,
    ImmutableArray<Finding> Findings)
{
    /// <summary>The declaration a lost lines-only reference covered at the baseline (what a fix pins), else null.</summary>
    public BaselineDeclaration? Baseline { get; init; }

    public static ResolutionOutcome Lost(params Finding[] findings) => new(ReferenceStatus.Lost, null, null, 0, [.. findings]);

    public static ResolutionOutcome Invalid(params Finding[] findings) => new(ReferenceStatus.Invalid, null, null, 0, [.. findings]);
}

/// <summary>One reference with its outcome, as the report lists it.</summary>
/// <param name="ResolvedPath">The repository path the reference was read as (a basename resolved, `docs_root` applied), or null.</param>
internal sealed record ReferenceResult(MappingReference Reference, string? ResolvedPath, ResolutionOutcome Outcome)
{
    public ReferenceStatus Status => Outcome.Status;

    public ResolvedTarget? Target => Outcome.Target;
}
