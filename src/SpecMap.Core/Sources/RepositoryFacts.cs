namespace SpecMap.Core.Sources;

/// <summary>What writing fixes needs to know of the repository a run checked, read while the run had it open.</summary>
/// <param name="WorkTreeRoot">The work tree's root, or null outside a repository (or in a bare one).</param>
/// <param name="HeadCommitId">The commit HEAD pointed at, or null (no repository, or no commit yet).</param>
/// <param name="Staged">The run checked the index (the pre-commit case).</param>
internal sealed record RepositoryFacts(string? WorkTreeRoot, string? HeadCommitId, bool Staged)
{
    /// <summary>A run outside any repository.</summary>
    public static RepositoryFacts None { get; } = new(null, null, false);
}
