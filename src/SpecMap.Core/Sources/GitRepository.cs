using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>
/// One open git repository: the only door to LibGit2Sharp outside History/. Hands out the snapshots a run reads
/// (commit trees, the index, the work tree) and the few facts about the repository the engine needs.
/// </summary>
internal sealed class GitRepository : IDisposable
{
    private readonly Repository _repository;
    private IReadOnlySet<string>? _shallowBoundaries;

    // libgit2 re-hashes every object it reads to check its id (SHA-1 with collision detection): a quarter of a large run's
    // CPU (issue 15). git itself does not on a read; corruption still shows as a zlib or object-format error.
    static GitRepository() => GlobalSettings.SetStrictHashVerification(false);

    private GitRepository(Repository repository) => _repository = repository;

    /// <summary>The LibGit2Sharp handle, for the history walks and diffs in History/.</summary>
    internal Repository Handle => _repository;

    /// <summary>The work tree's root (for a bare repository: the git folder), full path without a trailing separator.</summary>
    public string Root => Path.GetFullPath(_repository.Info.WorkingDirectory ?? _repository.Info.Path).TrimEnd(Path.DirectorySeparatorChar);

    public bool IsBare => _repository.Info.IsBare;

    public bool IsShallow => _repository.Info.IsShallow;

    /// <summary>The commits at which a shallow clone's history is cut (git's `shallow` file): their parents are not in
    /// the clone. Empty when the clone is complete.</summary>
    public IReadOnlySet<string> ShallowBoundaries => _shallowBoundaries ??= ReadShallowBoundaries();

    /// <summary>The commit HEAD points at, or null (no commit yet).</summary>
    public string? HeadCommitId => _repository.Head?.Tip?.Sha;

    /// <summary>The git folder of the repository holding <paramref name="start"/>, or null when it is in none.</summary>
    public static string? Discover(string start) => GitDiscovery.Find(start);

    /// <param name="indexFile">The index to read instead of the repository's own (git's GIT_INDEX_FILE), or null.</param>
    /// <exception cref="GitException">The repository cannot be opened.</exception>
    public static GitRepository Open(string gitFolder, string? indexFile = null)
    {
        try
        {
            return new GitRepository(indexFile is null
                ? new Repository(gitFolder)
                : new Repository(gitFolder, new RepositoryOptions { IndexPath = indexFile }));
        }
        catch (LibGit2SharpException e)
        {
            throw new GitException(e.Message);
        }
    }

    /// <summary>Creates an empty repository with a work tree at <paramref name="root"/> and opens it.</summary>
    public static GitRepository Init(string root) => new(new Repository(Repository.Init(root)));

    /// <summary>The tree of the commit <paramref name="revision"/> names, or null when it names none (unknown, malformed,
    /// or an ambiguous abbreviation: all equally unusable).</summary>
    public GitTreeSource? Commit(string revision)
    {
        try
        {
            return _repository.Lookup<Commit>(revision) is { } commit ? new GitTreeSource(_repository, commit) : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    /// <summary>What is staged.</summary>
    public GitIndexSource Index() => new(_repository);

    /// <summary>The files on disk, listed from the index.</summary>
    public WorkTreeSource WorkTree() => WorkTreeSource.FromRepository(_repository);

    /// <summary>The staged bytes of <paramref name="path"/>, or null when the index does not hold it.</summary>
    public byte[]? StagedBytes(string path) =>
        _repository.Index[path] is { } entry && _repository.Lookup<Blob>(entry.Id) is { } blob ? GitTreeSource.ReadAll(_repository, blob) : null;

    /// <summary>Stages every change in the work tree and commits it (the demo builds its history this way).</summary>
    /// <returns>The new commit's id.</returns>
    public string CommitAll(string message, string name, string email, DateTimeOffset when)
    {
        Commands.Stage(_repository, "*");
        var signature = new Signature(name, email, when);
        return _repository.Commit(message, signature, signature).Sha;
    }

    public void Dispose() => _repository.Dispose();

    private HashSet<string> ReadShallowBoundaries()
    {
        if (!IsShallow)
        {
            return [];
        }
        // A linked worktree's git folder names the shared one in `commondir`, which holds `shallow`.
        var gitFolder = _repository.Info.Path;
        var (common, _) = BoundedFileRead.Read(Path.Combine(gitFolder, "commondir"));
        if (common is not null && System.Text.Encoding.UTF8.GetString(common).Trim() is { Length: > 0 } relative)
        {
            gitFolder = Path.GetFullPath(relative, gitFolder);
        }
        var (bytes, _) = BoundedFileRead.Read(Path.Combine(gitFolder, "shallow"));
        return bytes is null
            ? []
            : [.. System.Text.Encoding.ASCII.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}

/// <summary>Git refused an operation (a repository that cannot be opened, a malformed revision); the message says why.</summary>
internal sealed class GitException(string message) : Exception(message);
