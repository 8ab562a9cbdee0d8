using System.Text;
using System.Text.RegularExpressions;
using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>The files on disk under a repository root. The file list comes from git's index when there is one
/// (so ignored build output does not make basenames ambiguous), plus a walk when the folder is not a repository.
/// Every path is resolved inside the root (<see cref="WorkTreePath"/>) and read within <see cref="SourceLimits"/>.</summary>
internal sealed partial class WorkTreeSource : ISourceTree
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".venv", "__pycache__" };
    private readonly string _root;
    private readonly Lazy<IReadOnlyList<string>> _paths;
    private readonly Func<string, byte[]?>? _outsideSparseCone;
    private (string Path, byte[]? Bytes, PathProblem? Problem) _last = (string.Empty, null, null);

    /// <param name="outsideSparseCone">In a sparse checkout: the staged bytes of a tracked file not on disk, or null.</param>
    public WorkTreeSource(string root, IEnumerable<string>? trackedPaths = null, Func<string, byte[]?>? outsideSparseCone = null)
    {
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var tracked = trackedPaths?.ToList();
        _paths = new Lazy<IReadOnlyList<string>>(() => tracked is not null ? ExistingSorted(tracked) : Walk());
        _outsideSparseCone = outsideSparseCone;
    }

    /// <summary>Opens the work tree of <paramref name="repository"/>, listing its tracked files. In a sparse checkout the
    /// files outside the cone are read from the index, not reported deleted.</summary>
    public static WorkTreeSource FromRepository(Repository repository)
    {
        var sparse = repository.Config.Get<bool>("core.sparseCheckout")?.Value == true || SparseInWorktreeConfig(repository.Info.Path);
        return new WorkTreeSource(repository.Info.WorkingDirectory, repository.Index.Select(e => e.Path.Replace('\\', '/')),
            sparse ? path => repository.Index[path] is { } entry && repository.Lookup<Blob>(entry.Id) is { } blob ? GitTreeSource.ReadAll(repository, blob) : null : null);
    }

    /// <summary>`git sparse-checkout` writes its flag to the work tree's own `config.worktree` (extensions.worktreeConfig),
    /// which libgit2 does not read.</summary>
    private static bool SparseInWorktreeConfig(string gitFolder)
    {
        var (bytes, _) = BoundedFileRead.Read(Path.Combine(gitFolder, "config.worktree"));
        return bytes is not null && SparseFlag().IsMatch(Encoding.UTF8.GetString(bytes));
    }

    [GeneratedRegex(@"^\s*sparsecheckout\s*=\s*(?:true|yes|on|1)\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SparseFlag();

    public string Description => "the work tree";

    public string? CommitId => null;

    public IReadOnlyList<string> Paths => _paths.Value;

    public bool Exists(string path)
    {
        if (string.Equals(_last.Path, path, StringComparison.Ordinal))
        {
            return _last.Bytes is not null;
        }
        var (full, problem) = WorkTreePath.Resolve(_root, path);
        return problem is null && full is not null && !Directory.Exists(full)
            && (File.Exists(full) || (_outsideSparseCone is not null && _outsideSparseCone(path) is not null));
    }

    public SourceFile? Read(string path) =>
        Load(path).Bytes is { } bytes ? SourceDecoding.Decode(path, bytes, GitBlobId.Of(bytes)) : null;

    public PathProblem? Problem(string path)
    {
        var (_, bytes, problem) = Load(path);
        return problem ?? (bytes is null ? null : SourceDecoding.ContentProblem(bytes));
    }

    /// <summary>The file's bytes (null when there is none) or why it is not read; the last answer is kept, as the
    /// resolver asks Problem, Exists and Read of one path in a row.</summary>
    private (string Path, byte[]? Bytes, PathProblem? Problem) Load(string path)
    {
        if (string.Equals(_last.Path, path, StringComparison.Ordinal))
        {
            return _last;
        }
        var (full, problem) = WorkTreePath.Resolve(_root, path);
        byte[]? bytes = null;
        if (full is not null)
        {
            if (Directory.Exists(full))
            {
                bytes = null;
            }
            else
            {
                (bytes, problem) = BoundedFileRead.Read(full);
                if (bytes is null && problem is null && _outsideSparseCone is not null)
                {
                    bytes = _outsideSparseCone(path);
                }
            }
        }
        return _last = (path, bytes, problem);
    }

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
