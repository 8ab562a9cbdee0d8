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
        var changes = target switch
        {
            GitTreeSource commit => repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, commit.Commit.Tree, NoRenames),
            GitIndexSource => repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, DiffTargets.Index, null, null, NoRenames),
            _ => repository.Info.IsBare
                ? null
                : repository.Diff.Compare<TreeChanges>(baseline.Commit.Tree, DiffTargets.Index | DiffTargets.WorkingDirectory, null, null, NoRenames),
        };
        if (changes is null)
        {
            return new ChangedFiles([], [], []);
        }
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
                        deleted.Add(change.OldPath.Replace('\\', '/'));
                        break;
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
}
