
namespace SpecMap.Core.Sources;

/// <summary>The repository a run reads (if any), opened once, and the snapshot it checks. Disposes the git handle.</summary>
internal sealed class RepositorySession : IDisposable
{
    private RepositorySession(string root, GitRepository? git, ISourceTree target, bool staged)
    {
        Root = root;
        Git = git;
        Target = target;
        Staged = staged;
        Facts = new RepositoryFacts(git is { IsBare: false } ? root : null, git?.HeadCommitId, staged);
    }

    /// <summary>The work tree's root (for a bare repository: the git folder), full path.</summary>
    public string Root { get; }

    /// <summary>The git repository, or null when the folder is not in one.</summary>
    public GitRepository? Git { get; }

    public ISourceTree Target { get; }

    public bool Staged { get; }

    /// <summary>What the fixes of this run need to know of the repository, read while it was open.</summary>
    public RepositoryFacts Facts { get; }

    /// <param name="workingDirectory">Where a relative <paramref name="repo"/> is read from.</param>
    /// <param name="repo">`--repo`, or null for the repository holding the working directory.</param>
    /// <param name="against">`--against REV`, or null.</param>
    /// <param name="staged">`--staged`: check the index.</param>
    /// <param name="indexFile">Staged mode: the index to read instead of `.git/index`, or null.</param>
    /// <exception cref="ValidationSetupException">No such folder, not a repository where one is needed, unknown revision.</exception>
    public static RepositorySession Open(string workingDirectory, string? repo, string? against, bool staged, string? indexFile)
    {
        var start = Path.GetFullPath(repo ?? ".", workingDirectory);
        if (!Directory.Exists(start))
        {
            throw new ValidationSetupException($"repository folder '{repo ?? start}' does not exist; pass an existing folder with --repo");
        }
        var gitFolder = GitRepository.Discover(start);
        if (gitFolder is null)
        {
            if (staged || against is not null)
            {
                throw new ValidationSetupException($"'{start}' is not inside a git repository; --staged and --against need one");
            }
            return new RepositorySession(start, null, new WorkTreeSource(start), staged: false);
        }
        GitRepository git;
        try
        {
            git = GitRepository.Open(gitFolder, staged ? indexFile : null);
        }
        catch (GitException e)
        {
            throw new ValidationSetupException($"cannot open the git repository at '{gitFolder}': {e.Message}");
        }
        var root = git.Root;
        try
        {
            if (against is not null)
            {
                var shallow = git.IsShallow ? " (the clone is shallow: run `git fetch --unshallow` if the commit is older)" : string.Empty;
                var commit = git.Commit(against)
                    ?? throw new ValidationSetupException($"--against: '{against}' is not a commit in {root}; name a commit, branch or tag that exists there{shallow}");
                return new RepositorySession(root, git, commit, staged: false);
            }
            if (git.IsBare)
            {
                throw new ValidationSetupException($"'{root}' is a bare repository: name a commit with --against");
            }
            ISourceTree target = staged ? git.Index() : git.WorkTree();
            return new RepositorySession(root, git, target, staged);
        }
        catch
        {
            git.Dispose();
            throw;
        }
    }

    /// <summary>The mapping's path inside the repository ('/' separated), or null when it lives outside.</summary>
    public string? RepositoryPathOf(string fullPath)
    {
        if (Git is null || Git.IsBare)
        {
            return null;
        }
        var relative = Path.GetRelativePath(Root, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>A bare repository checked against a commit has no files on disk: the mappings are found in the commit's
    /// tree, as repository paths under <see cref="Root"/>. Null otherwise (discover on disk).</summary>
    public IReadOnlyList<string>? MappingsInCommit(IEnumerable<string> globs)
    {
        if (Git is not { IsBare: true } || Target is not GitTreeSource tree)
        {
            return null;
        }
        var patterns = globs.Select(Config.Glob.ToRegex).ToList();
        return [.. tree.Paths.Where(p => p[(p.LastIndexOf('/') + 1)..] != Config.ConfigLoader.FileName && patterns.Exists(r => r.IsMatch(p)))];
    }

    /// <summary>The bytes of a mapping found by <see cref="MappingsInCommit"/> (full path under the bare root), or null.</summary>
    public byte[]? CommittedMappingBytes(string fullPath)
    {
        if (Git is not { IsBare: true } || Target is not GitTreeSource tree)
        {
            return null;
        }
        var relative = Path.GetRelativePath(Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');
        // The tree's own read: it takes the bytes its content check has just read, with one object read.
        return tree.Exists(relative) && tree.Problem(relative) is null ? tree.ReadBytes(relative) : null;
    }

    public void Dispose() => Git?.Dispose();
}
