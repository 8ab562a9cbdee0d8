using LibGit2Sharp;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Validation;

/// <summary>The repository a run reads (if any) and the snapshot it checks. Disposes the LibGit2Sharp handle.</summary>
internal sealed class RepositorySession : IDisposable
{
    private RepositorySession(string root, Repository? repository, ISourceTree target, bool staged)
    {
        Root = root;
        Repository = repository;
        Target = target;
        Staged = staged;
    }

    /// <summary>The work tree's root (for a bare repository: the git folder), full path.</summary>
    public string Root { get; }

    public Repository? Repository { get; }

    public ISourceTree Target { get; }

    public bool Staged { get; }

    /// <exception cref="ValidationSetupException">No such folder, not a repository where one is needed, unknown revision.</exception>
    public static RepositorySession Open(ValidationRequest request)
    {
        var start = Path.GetFullPath(request.Repo ?? ".", request.WorkingDirectory);
        if (!Directory.Exists(start))
        {
            throw new ValidationSetupException($"repository folder '{request.Repo ?? start}' does not exist");
        }
        var gitFolder = Repository.Discover(start);
        if (gitFolder is null)
        {
            if (request.Staged || request.Against is not null)
            {
                throw new ValidationSetupException($"'{start}' is not inside a git repository; --staged and --against need one");
            }
            return new RepositorySession(start, null, new WorkTreeSource(start), staged: false);
        }
        Repository repository;
        try
        {
            repository = request.Staged && request.IndexFile is not null
                ? new Repository(gitFolder, new RepositoryOptions { IndexPath = request.IndexFile })
                : new Repository(gitFolder);
        }
        catch (LibGit2SharpException e)
        {
            throw new ValidationSetupException($"cannot open the git repository at '{gitFolder}': {e.Message}");
        }
        var root = repository.Info.WorkingDirectory is { } workDir ? Path.GetFullPath(workDir) : Path.GetFullPath(repository.Info.Path);
        root = root.TrimEnd(Path.DirectorySeparatorChar);
        try
        {
            if (request.Against is not null)
            {
                var commit = repository.Lookup<Commit>(request.Against)
                    ?? throw new ValidationSetupException($"--against: '{request.Against}' is not a commit in {root}");
                return new RepositorySession(root, repository, new GitTreeSource(repository, commit), staged: false);
            }
            if (repository.Info.IsBare)
            {
                throw new ValidationSetupException($"'{root}' is a bare repository: name a commit with --against");
            }
            ISourceTree target = request.Staged ? new GitIndexSource(repository) : WorkTreeSource.FromRepository(repository);
            return new RepositorySession(root, repository, target, request.Staged);
        }
        catch
        {
            repository.Dispose();
            throw;
        }
    }

    /// <summary>The mapping's path inside the repository ('/' separated), or null when it lives outside.</summary>
    public string? RepositoryPathOf(string fullPath)
    {
        if (Repository is null || Repository.Info.IsBare)
        {
            return null;
        }
        var relative = Path.GetRelativePath(Root, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    public void Dispose() => Repository?.Dispose();
}
