using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>The files on disk under a repository root. The file list comes from git's index when there is one
/// (so ignored build output does not make basenames ambiguous), plus a walk when the folder is not a repository.</summary>
internal sealed class WorkTreeSource : ISourceTree
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".venv", "__pycache__" };
    private readonly string _root;
    private readonly Lazy<IReadOnlyList<string>> _paths;

    public WorkTreeSource(string root, IEnumerable<string>? trackedPaths = null)
    {
        _root = Path.GetFullPath(root);
        var tracked = trackedPaths?.ToList();
        _paths = new Lazy<IReadOnlyList<string>>(() => tracked is not null ? ExistingSorted(tracked) : Walk());
    }

    /// <summary>Opens the work tree of <paramref name="repository"/>, listing its tracked files.</summary>
    public static WorkTreeSource FromRepository(Repository repository) =>
        new(repository.Info.WorkingDirectory, repository.Index.Select(e => e.Path.Replace('\\', '/')));

    public string Description => "the work tree";

    public string? CommitId => null;

    public IReadOnlyList<string> Paths => _paths.Value;

    public bool Exists(string path) => File.Exists(FullPath(path));

    public SourceFile? Read(string path)
    {
        var full = FullPath(path);
        if (!File.Exists(full))
        {
            return null;
        }
        var bytes = File.ReadAllBytes(full);
        return SourceDecoding.Decode(path, bytes, GitBlobId.Of(bytes));
    }

    public bool IsLinkOutside(string path)
    {
        var info = new FileInfo(FullPath(path));
        if (info.LinkTarget is null)
        {
            return false;
        }
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        return target is null || !IsInside(target);
    }

    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(_root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private string FullPath(string path) => Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));

    private List<string> ExistingSorted(List<string> tracked)
    {
        tracked.Sort(StringComparer.Ordinal);
        return tracked;
    }

    private List<string> Walk()
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (!SkippedFolders.Contains(name) && new DirectoryInfo(entry).LinkTarget is null)
                    {
                        pending.Push(entry);
                    }
                }
                else
                {
                    result.Add(Path.GetRelativePath(_root, entry).Replace(Path.DirectorySeparatorChar, '/'));
                }
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
