using LibGit2Sharp;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>Finds the commit a mapping's line numbers belong to (contract §1): `verified_at`, else the last commit
/// that changed the mapping file, else HEAD.</summary>
internal static class Baseline
{
    // Bounds the walk for "last commit that changed the mapping" so a huge history cannot stall a hook.
    private const int MaxCommitsWalked = 20_000;

    /// <param name="verifiedAt">The mapping's `verified_at`, or null.</param>
    /// <param name="mappingRepoPath">The mapping's path inside the repository, or null when it lives outside.</param>
    /// <returns>The baseline tree (null when unknown) and a finding (SMV0401) when `verified_at` is not in the repository.</returns>
    public static (ISourceTree? Tree, string? CommitId, Finding? Finding) Find(GitRepository? git, string? verifiedAt, string? mappingRepoPath)
    {
        if (git is null)
        {
            return (null, null, null);
        }
        var repository = git.Handle;
        if (!string.IsNullOrWhiteSpace(verifiedAt))
        {
            var commit = git.Commit(verifiedAt.Trim());
            if (commit is null)
            {
                var shallow = git.IsShallow ? " (the clone is shallow: fetch more history, e.g. `git fetch --unshallow`)" : string.Empty;
                return (null, null, new Finding(RuleIds.VerifiedAtUnknown,
                    $"verified_at '{verifiedAt.Trim()}' is not a commit in this repository{shallow}; references are checked against the current files only, without history relocation"));
            }
            return (commit, commit.CommitId, null);
        }
        var head = repository.Head?.Tip;
        if (head is null)
        {
            return (null, null, null);
        }
        var changed = mappingRepoPath is null ? null : LastCommitChanging(repository, head, mappingRepoPath);
        var baseline = changed ?? head;
        return (new GitTreeSource(repository, baseline), baseline.Sha, null);
    }

    /// <summary>The newest first-parent commit whose blob at <paramref name="path"/> differs from its parent's, or null
    /// when the file is not committed.</summary>
    private static Commit? LastCommitChanging(Repository repository, Commit head, string path)
    {
        var current = head;
        var blob = BlobAt(current, path);
        if (blob is null)
        {
            return null;
        }
        for (var walked = 0; walked < MaxCommitsWalked; walked++)
        {
            var parent = current.Parents.FirstOrDefault();
            if (parent is null || BlobAt(parent, path) != blob)
            {
                return current;
            }
            current = parent;
        }
        return current;
    }

    private static ObjectId? BlobAt(Commit commit, string path)
    {
        try
        {
            return commit[path] is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Id : null;
        }
        catch (NotFoundException)
        {
            // The parent of a shallow clone's boundary is missing: stop there.
            return null;
        }
    }
}
