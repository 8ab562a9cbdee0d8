using LibGit2Sharp;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;

namespace SpecMap.Core.History;

/// <summary>Placeholder: finds the commit a mapping's line numbers belong to (contract §1). The history change fills it in.</summary>
internal static class Baseline
{
    /// <param name="verifiedAt">The mapping's `verified_at`, or null.</param>
    /// <param name="mappingRepoPath">The mapping's path inside the repository, or null when it lives outside.</param>
    /// <returns>The baseline tree (null when unknown) and a finding (SMV0401) when `verified_at` is not in the repository.</returns>
    public static (ISourceTree? Tree, string? CommitId, Finding? Finding) Find(Repository? repository, string? verifiedAt, string? mappingRepoPath) =>
        (null, null, null);
}
