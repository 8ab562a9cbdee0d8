using LibGit2Sharp;
using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>One version of a file found in history: the newest commit (of those walked) that holds it, its blob and bytes.</summary>
internal sealed record FileVersion(string CommitId, string BlobId, byte[] Content);

/// <summary>
/// Looks through the versions a file had in a repository's history for one whose content passes a test (the spec pin:
/// a sha256 of the text). Each distinct blob is read once; commits are walked newest first, so a recent pin is found
/// after a few steps. The walk is bounded so a huge history cannot stall a hook; not finding a version is an answer.
/// </summary>
internal static class FileVersions
{
    internal const int MaxCommitsWalked = 20_000;

    /// <summary>The commit the walk of <see cref="Find"/> starts from (<paramref name="startCommit"/>, else HEAD), or null.</summary>
    public static string? StartOf(GitRepository git, string? startCommit)
    {
        try
        {
            return (startCommit is null ? git.Handle.Head?.Tip : git.Handle.Lookup<Commit>(startCommit))?.Sha;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>
    /// A version found before (by a cached <see cref="Find"/>): <paramref name="path"/> at <paramref name="commitId"/>,
    /// when that is still the blob <paramref name="blobId"/>; null when the commit or blob is gone or differs. One tree
    /// lookup and one blob read, no walk.
    /// </summary>
    public static FileVersion? At(GitRepository git, string commitId, string path, string blobId)
    {
        try
        {
            return git.Handle.Lookup<Commit>(commitId)?[path] is { TargetType: TreeEntryTargetType.Blob } entry && entry.Mode != Mode.SymbolicLink && entry.Target.Sha == blobId
                ? new FileVersion(commitId, blobId, GitTreeSource.ReadAll(git.Handle, (Blob)entry.Target))
                : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <param name="startCommit">The commit to walk back from (the tree checked), or null for HEAD.</param>
    /// <param name="matches">Told the bytes of each distinct version of <paramref name="path"/>, newest first.</param>
    public static FileVersion? Find(GitRepository git, string path, string? startCommit, Func<byte[], bool> matches, int maxCommits = MaxCommitsWalked)
    {
        var repository = git.Handle;
        Commit? start;
        try
        {
            start = startCommit is null ? repository.Head?.Tip : repository.Lookup<Commit>(startCommit);
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
        if (start is null)
        {
            return null;
        }
        var seen = new HashSet<ObjectId>();
        var filter = new CommitFilter { IncludeReachableFrom = start, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        var walked = 0;
        try
        {
            foreach (var commit in repository.Commits.QueryBy(filter))
            {
                if (++walked > maxCommits)
                {
                    return null;
                }
                if (commit[path] is not { TargetType: TreeEntryTargetType.Blob } entry || entry.Mode == Mode.SymbolicLink || !seen.Add(entry.Target.Id))
                {
                    continue;
                }
                var bytes = GitTreeSource.ReadAll(repository, (Blob)entry.Target);
                if (matches(bytes))
                {
                    return new FileVersion(commit.Sha, entry.Target.Sha, bytes);
                }
            }
        }
        catch (NotFoundException)
        {
            // A shallow clone's boundary: the older history is not here.
        }
        return null;
    }
}
