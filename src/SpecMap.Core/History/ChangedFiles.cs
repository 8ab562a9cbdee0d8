using LibGit2Sharp;
using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>
/// Which files differ between the baseline commit and the target snapshot, without rename detection
/// (LibGit2Sharp's whole-tree rename detection takes seconds on large diffs; <see cref="RenameFinder"/> pairs
/// only the files a reference needs). Computed once per mapping, lazily.
/// </summary>
internal sealed class ChangedFiles
{
    private static readonly CompareOptions NoRenames = new() { Similarity = SimilarityOptions.None, IncludeUnmodified = false };

    public ChangedFiles(IReadOnlyCollection<string> added, IReadOnlyCollection<string> deleted, IReadOnlyCollection<string> modified)
    {
        Added = [.. added.Order(StringComparer.Ordinal)];
        Deleted = [.. deleted.Order(StringComparer.Ordinal)];
        Modified = [.. modified.Order(StringComparer.Ordinal)];
    }

    /// <summary>Files in the target that the baseline lacks.</summary>
    public IReadOnlyList<string> Added { get; }

    /// <summary>Files of the baseline that the target lacks.</summary>
    public IReadOnlyList<string> Deleted { get; }

    /// <summary>Files in both whose content differs.</summary>
    public IReadOnlyList<string> Modified { get; }

    /// <summary>Added and modified files: where a symbol that left its file can have gone.</summary>
    public IEnumerable<string> AddedOrModified => Added.Concat(Modified).Order(StringComparer.Ordinal);

    /// <summary>The changes from <paramref name="baseline"/> to <paramref name="target"/>.</summary>
    public static ChangedFiles Compute(GitRepository git, GitTreeSource baseline, ISourceTree target)
    {
        var repository = git.Handle;
        switch (target)
        {
            case GitTreeSource commit:
                return FromDiff(repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, commit.Commit.Tree, NoRenames), _ => true);
            case GitIndexSource:
                return FromDiff(repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, DiffTargets.Index, null, null, NoRenames), _ => true);
            default:
                if (repository.Info.IsBare)
                {
                    return new ChangedFiles([], [], []);
                }
                try
                {
                    // A file a sparse checkout left out of the cone is not on disk but not deleted: the target still reads it.
                    return FromDiff(repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory, null, null, NoRenames),
                        path => !target.Exists(path));
                }
                catch (Exception e) when (e is LibGit2SharpException or IOException or UnauthorizedAccessException)
                {
                    // libgit2 gives up on the whole diff at the first work-tree file it cannot read (LockedFileException
                    // for EACCES), even one no reference names: compare here instead, leaving out what cannot be read.
                    return ByContent(baseline, target);
                }
        }
    }

    private static ChangedFiles FromDiff(TreeChanges changes, Func<string, bool> isGone)
    {
        using (changes)
        {
            var added = new List<string>();
            var deleted = new List<string>();
            var modified = new List<string>();
            foreach (var change in changes)
            {
                var path = change.Path.Replace('\\', '/');
                switch (change.Status)
                {
                    case ChangeKind.Added:
                    case ChangeKind.Copied:
                        added.Add(path);
                        break;
                    case ChangeKind.Deleted:
                    {
                        var gone = change.OldPath.Replace('\\', '/');
                        if (isGone(gone))
                        {
                            deleted.Add(gone);
                        }
                        break;
                    }
                    case ChangeKind.Renamed:
                        deleted.Add(change.OldPath.Replace('\\', '/'));
                        added.Add(path);
                        break;
                    case ChangeKind.Modified:
                    case ChangeKind.TypeChanged:
                        modified.Add(path);
                        break;
                    default:
                        break;
                }
            }
            return new ChangedFiles(added, deleted, modified);
        }
    }

    /// <summary>The changes found by reading every file of both sides (blob ids compared); a work-tree file that cannot
    /// be read is in no list.</summary>
    private static ChangedFiles ByContent(GitTreeSource baseline, ISourceTree target)
    {
        var added = new List<string>();
        var deleted = new List<string>();
        var modified = new List<string>();
        var before = baseline.Paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in before)
        {
            if (!target.Exists(path))
            {
                deleted.Add(path);
            }
            else if (target.Read(path) is { } file && file.BlobId != baseline.BlobId(path))
            {
                modified.Add(path);
            }
        }
        foreach (var path in target.Paths)
        {
            if (!before.Contains(path) && target.Exists(path) && target.Read(path) is not null)
            {
                added.Add(path);
            }
        }
        return new ChangedFiles(added, deleted, modified);
    }
}
