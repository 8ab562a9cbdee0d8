using System.Collections.Immutable;
using SpecMap.Core.Results;

namespace SpecMap.Core.Diagnostics;

/// <summary>What a rule's finding says about the reference it is reported on.</summary>
internal enum ReferenceEffect
{
    /// <summary>Not about where a reference points (shape, configuration, scores, contracts, spec hashes).</summary>
    None,

    /// <summary>The reference does not hold at the checked commit, and no fix can point it elsewhere.</summary>
    Broken,

    /// <summary>The reference moved: its fix points it at the relocated target.</summary>
    Relocated,
}

/// <summary>What the catalog knows of one rule; the one way to build a <see cref="Diagnostic"/> of it.</summary>
/// <param name="Reference">Whether a finding of this rule means the reference's lines are not true at the verified commit.</param>
internal sealed record RuleDescriptor(string Id, string Title, Severity DefaultSeverity, FixSafety Fix, ReferenceEffect Reference = ReferenceEffect.None)
{
    public const string HelpBase = "https://github.com/specmap/specmap/blob/main/docs/rules/";

    public string HelpUri => $"{HelpBase}{Id}.md";

    /// <summary>The category of the ID's range (contract §7): 00xx, 01xx, 02xx, 03xx, 04xx.</summary>
    public string Category => RuleCatalog.CategoryOf(Id);

    /// <summary>A reference problem: the mapping's lines are not all true at the commit verified against while it stays.</summary>
    public bool IsReferenceProblem => Reference != ReferenceEffect.None;

    /// <summary>The fix points the reference at the relocated target (contract §7).</summary>
    public bool IsRelocation => Reference == ReferenceEffect.Relocated;

    /// <summary>A diagnostic of this rule at its default severity (`.specmap.json` may change it later).</summary>
    public Diagnostic Create(string message, MappingLocation location, string pointer, MappingFix? fix = null,
        ImmutableArray<CodeLocation> related = default, ReferenceResult? reference = null) =>
        new(Id, DefaultSeverity, message, location, pointer, fix, related, reference);
}
