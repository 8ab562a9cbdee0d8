using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>What is staged in the index: the content the next commit will hold (the pre-commit case).</summary>
internal sealed class GitIndexSource : ISourceTree
{
    private readonly Repository _repository;
    private readonly Dictionary<string, IndexEntry> _entries;

    public GitIndexSource(Repository repository)
    {
        _repository = repository;
        _entries = repository.Index.ToDictionary(e => e.Path.Replace('\\', '/'), StringComparer.Ordinal);
    }

    public string Description => "the index";

    public string? CommitId => null;

    public IReadOnlyList<string> Paths => [.. _entries.Keys.Order(StringComparer.Ordinal)];

    public bool Exists(string path) => _entries.ContainsKey(path);

    public SourceFile? Read(string path)
    {
        if (!_entries.TryGetValue(path, out var entry) || entry.Mode == Mode.SymbolicLink)
        {
            return null;
        }
        var blob = _repository.Lookup<Blob>(entry.Id);
        return blob is null ? null : SourceDecoding.Decode(path, GitTreeSource.ReadAll(_repository, blob), blob.Sha);
    }

    public PathProblem? Problem(string path)
    {
        if (TreeLinks.Problem(path, LinkTarget) is { } linkProblem)
        {
            return linkProblem;
        }
        if (!_entries.TryGetValue(path, out var entry) || _repository.Lookup<Blob>(entry.Id) is not { } blob)
        {
            return null;
        }
        // The size from the object header, as a commit's tree reads it: Blob.Size inflates the whole blob.
        var size = _repository.ObjectDatabase.RetrieveObjectMetadata(blob.Id).Size;
        return size > SourceLimits.MaxFileBytes
            ? PathProblem.NotChecked(SourceLimits.TooLarge(size))
            : SourceDecoding.ContentProblem(GitTreeSource.ReadAll(_repository, blob));
    }

    private string? LinkTarget(string prefix) =>
        _entries.TryGetValue(prefix, out var entry) && entry.Mode == Mode.SymbolicLink
            ? _repository.Lookup<Blob>(entry.Id)?.GetContentText().Trim()
            : null;
}
