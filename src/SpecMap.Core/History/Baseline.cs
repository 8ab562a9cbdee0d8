using System.Globalization;
using LibGit2Sharp;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>
/// Finds the commit a mapping's line numbers belong to (contract §1): `verified_at`, else the commit that wrote the
/// mapping's current content, else HEAD. In staged mode a mapping whose staged content differs from HEAD's was
/// written for the commit being made, so its lines belong to the index.
/// </summary>
internal static class Baseline
{
    // Bounds the walk for "the commit that wrote this content" so a huge history cannot stall a hook. A step is one tree
    // lookup per parent, so the bound is generous; reaching it is reported (SMV0403), never silent.
    internal const int MaxCommitsWalked = 100_000;

    /// <param name="verifiedAt">The mapping's `verified_at`, or null.</param>
    /// <param name="mappingRepoPath">The mapping's path inside the repository, or null when it lives outside.</param>
    /// <param name="index">Staged mode: the index being checked, or null.</param>
    /// <param name="maxCommits">The walk's bound (tests lower it).</param>
    /// <returns>The baseline tree (null when unknown) and a finding: SMV0401 when `verified_at` is not in the
    /// repository, SMV0403 when the walk stopped at its bound, SMV0404 when it stopped where a shallow clone's history ends.</returns>
    public static (ISourceTree? Tree, string? CommitId, Finding? Finding) Find(GitRepository? git, string? verifiedAt, string? mappingRepoPath,
        GitIndexSource? index = null, int maxCommits = MaxCommitsWalked)
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
                    $"verified_at '{verifiedAt.Trim()}' is not a commit in this repository{shallow}; references are checked against the current files only, without history relocation; record a commit of this repository in verified_at, or run `specmap validate --fix` once the references are right"));
            }
            return (commit, commit.CommitId, null);
        }
        var head = repository.Head?.Tip;
        if (index is not null && mappingRepoPath is not null && repository.Index[mappingRepoPath] is { } staged
            && (head is null || BlobAt(head, mappingRepoPath) != staged.Id))
        {
            // Written (or fixed) for the commit being made: its lines are true in what is staged.
            return (index, null, null);
        }
        if (head is null)
        {
            return (null, null, null);
        }
        if (mappingRepoPath is null)
        {
            return (new GitTreeSource(repository, head), head.Sha, null);
        }
        var (writer, stopped) = CommitThatWrote(head, mappingRepoPath, maxCommits);
        var baseline = writer ?? head;
        var finding = stopped
            ? new Finding(RuleIds.HistoryWalkStopped,
                $"the commit that wrote this content of '{mappingRepoPath}' was not found within {maxCommits.ToString("N0", CultureInfo.InvariantCulture)} commits; "
                + $"its line numbers are read at commit {baseline.Sha[..7]}, which may be too recent: record the right commit in verified_at, or run `specmap validate --fix` once the references are right")
            : writer is not null ? ShallowBoundary(git, baseline, mappingRepoPath) : null;
        return (new GitTreeSource(repository, baseline), baseline.Sha, finding);
    }

    /// <summary>SMV0404 when the walk ended because the clone's history does: the content may be older than the clone,
    /// so the commit the lines are read at may be too recent. Null when the walk found the writer.</summary>
    private static Finding? ShallowBoundary(GitRepository git, Commit end, string mappingRepoPath) =>
        git.IsShallow && git.ShallowBoundaries.Contains(end.Sha)
            ? new Finding(RuleIds.ShallowHistory,
                $"history ends at a shallow boundary at commit {end.Sha[..7]}, so the line numbers of '{mappingRepoPath}' are read there though they may belong to an older commit: "
                + "run `git fetch --unshallow` (in CI, check out with full depth), or record the right commit in verified_at")
            : null;

    /// <summary>
    /// The oldest commit in which <paramref name="path"/> had its content at <paramref name="head"/>, reached without
    /// passing a change: the walk follows the first parent, and at a merge whose first parent had other content, the
    /// parent whose blob equals the merge's (the side that wrote it, merged in as it was). A merge that took neither
    /// side's content (a conflict resolved by hand, a squash) wrote it itself. Null when the file is not committed.
    /// </summary>
    /// <returns>The commit, and whether the walk stopped at its bound before finding it.</returns>
    internal static (Commit? Commit, bool Stopped) CommitThatWrote(Commit head, string path, int maxCommits)
    {
        var blob = BlobAt(head, path);
        if (blob is null)
        {
            return (null, false);
        }
        var current = head;
        for (var walked = 0; walked < maxCommits; walked++)
        {
            var next = current.Parents.FirstOrDefault(p => BlobAt(p, path) == blob);
            if (next is null)
            {
                return (current, false);
            }
            current = next;
        }
        return (current, true);
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
