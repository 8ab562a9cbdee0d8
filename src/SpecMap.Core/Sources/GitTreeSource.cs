using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>The tree of one commit, read in-process; works in bare repositories.</summary>
internal sealed class GitTreeSource : ISourceTree
{
    private readonly Repository _repository;
    private readonly Commit _commit;
    private readonly Lazy<Dictionary<string, TreeEntry>> _entries;
    // Each lookup by path walks the trees from the root, and a path is looked up many times (its checks, its link
    // prefixes, its blob id, its content): once per path is enough (issue 15).
    private readonly Dictionary<string, TreeEntry?> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PathProblem?> _problems = new(StringComparer.Ordinal);
    // The content check of a path reads its blob, and the read of its text follows: the bytes of the last check wait
    // for it, so a blob is inflated once, not twice (13% of a warm no-drift run's instructions).
    private (string Path, byte[] Bytes)? _checked;
    private bool _backslashNames;

    public GitTreeSource(Repository repository, Commit commit)
    {
        _repository = repository;
        _commit = commit;
        _entries = new Lazy<Dictionary<string, TreeEntry>>(ListEntries);
    }

    public string Description => $"commit {_commit.Sha[..7]}";

    public string? CommitId => _commit.Sha;

    public Commit Commit => _commit;

    public IReadOnlyList<string> Paths => [.. _entries.Value.Keys.Order(StringComparer.Ordinal)];

    public bool Exists(string path) => Entry(path) is { TargetType: TreeEntryTargetType.Blob };

    /// <summary>The blob id of the path, or null; cheap (no content read).</summary>
    public string? BlobId(string path) => Entry(path) is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Sha : null;

    /// <summary>The size in bytes of the path's blob, read from the object header without the content; null when no blob.</summary>
    public long? BlobSize(string path) =>
        Entry(path) is { TargetType: TreeEntryTargetType.Blob } entry ? _repository.ObjectDatabase.RetrieveObjectMetadata(entry.Target.Id).Size : null;

    /// <summary>The raw bytes of the path's blob (not decoded: a spec document's parser reads bytes), or null when no blob.</summary>
    public byte[]? ReadBytes(string path) =>
        Entry(path) is { TargetType: TreeEntryTargetType.Blob } entry && entry.Mode != Mode.SymbolicLink ? Content(path, (Blob)entry.Target) : null;

    public SourceFile? Read(string path)
    {
        var entry = Entry(path);
        if (entry is not { TargetType: TreeEntryTargetType.Blob } || entry.Mode == Mode.SymbolicLink || entry.Mode == Mode.GitLink)
        {
            return null;
        }
        var blob = (Blob)entry.Target;
        return SourceDecoding.Decode(path, Content(path, blob), blob.Sha);
    }

    /// <summary>The blob's bytes: those the path's content check has just read, else read now.</summary>
    private byte[] Content(string path, Blob blob)
    {
        var bytes = _checked is { } last && last.Path == path ? last.Bytes : ReadAll(_repository, blob);
        _checked = null;
        return bytes;
    }

    public PathProblem? Problem(string path)
    {
        if (!_problems.TryGetValue(path, out var problem))
        {
            problem = FindProblem(path);
            _problems[path] = problem;
        }
        return problem;
    }

    private PathProblem? FindProblem(string path)
    {
        if (TreeLinks.Problem(path, LinkTarget) is { } linkProblem)
        {
            return linkProblem;
        }
        if (Entry(path) is not { TargetType: TreeEntryTargetType.Blob } entry)
        {
            return null;
        }
        var size = _repository.ObjectDatabase.RetrieveObjectMetadata(entry.Target.Id).Size;
        return size > SourceLimits.MaxFileBytes
            ? PathProblem.NotChecked(SourceLimits.TooLarge(size))
            : ContentProblem(path, (Blob)entry.Target);
    }

    private PathProblem? ContentProblem(string path, Blob blob)
    {
        var bytes = ReadAll(_repository, blob);
        _checked = (path, bytes);
        return SourceDecoding.ContentProblem(bytes);
    }

    private string? LinkTarget(string prefix) =>
        Entry(prefix) is { Mode: Mode.SymbolicLink, Target: Blob link } ? link.GetContentText().Trim() : null;

    private TreeEntry? Entry(string path)
    {
        if (!_byPath.TryGetValue(path, out var entry))
        {
            // Once every file is listed (a scan over all paths), a listed file needs no walk from the root; the walk
            // stays for folders, unlisted paths, and a tree whose names hold a backslash (the listing's keys replace it).
            entry = _entries.IsValueCreated && !_backslashNames && _entries.Value.TryGetValue(path, out var listed) ? listed : _commit[path];
            _byPath[path] = entry;
        }
        return entry;
    }

    /// <summary><see cref="ReadAll(Blob)"/> with one object read (<see cref="BlobReader"/>).</summary>
    internal static byte[] ReadAll(Repository repository, Blob blob) =>
        BlobReader.ReadAll(repository, blob.Id, SourceLimits.MaxFileBytes) ?? ReadAll(blob);

    /// <summary>The blob's bytes; a blob over <see cref="SourceLimits.MaxFileBytes"/> reads as empty (Problem says why).</summary>
    internal static byte[] ReadAll(Blob blob)
    {
        if (blob.Size > SourceLimits.MaxFileBytes)
        {
            return [];
        }
        using var stream = blob.GetContentStream();
        // Straight into an array of the known size (a MemoryStream copies it once more).
        var bytes = new byte[blob.Size];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private Dictionary<string, TreeEntry> ListEntries()
    {
        var result = new Dictionary<string, TreeEntry>(StringComparer.Ordinal);
        var pending = new Stack<Tree>();
        pending.Push(_commit.Tree);
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop())
            {
                if (entry.TargetType == TreeEntryTargetType.Tree)
                {
                    pending.Push((Tree)entry.Target);
                }
                else if (entry.TargetType == TreeEntryTargetType.Blob)
                {
                    _backslashNames |= entry.Path.Contains('\\', StringComparison.Ordinal);
                    result[entry.Path.Replace('\\', '/')] = entry;
                }
            }
        }
        return result;
    }
}
