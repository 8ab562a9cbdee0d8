namespace SpecMap.Core.Sources;

/// <summary>
/// Finds the git folder of the repository holding a folder, as git does: walking up, each folder is tried as a git
/// folder itself (a bare repository, or a path inside `.git`), then its `.git` (a folder, or a `gitdir:` file as
/// worktrees and submodules have). Done here rather than by LibGit2Sharp's Repository.Discover, which returns null
/// under NativeAOT.
/// </summary>
internal static class GitDiscovery
{
    private const string GitDirPrefix = "gitdir:";

    /// <returns>The git folder, full path ending in a separator; null when no folder above is in a repository.</returns>
    public static string? Find(string start)
    {
        for (var folder = Path.GetFullPath(start); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (IsGitFolder(folder))
            {
                return WithSeparator(folder);
            }
            var dotGit = Path.Combine(folder, ".git");
            if (Directory.Exists(dotGit) && IsGitFolder(dotGit))
            {
                return WithSeparator(dotGit);
            }
            if (File.Exists(dotGit) && LinkedGitFolder(folder, dotGit) is { } linked && IsGitFolder(linked))
            {
                return WithSeparator(linked);
            }
        }
        return null;
    }

    /// <summary>A git folder holds HEAD and objects/ and refs/ (a linked worktree's: HEAD and a `commondir` file).</summary>
    private static bool IsGitFolder(string folder) =>
        File.Exists(Path.Combine(folder, "HEAD"))
        && (File.Exists(Path.Combine(folder, "commondir"))
            || (Directory.Exists(Path.Combine(folder, "objects")) && Directory.Exists(Path.Combine(folder, "refs"))));

    /// <summary>The folder a `.git` file names with `gitdir: PATH` (relative to the folder holding the file).</summary>
    private static string? LinkedGitFolder(string folder, string dotGitFile)
    {
        string firstLine;
        try
        {
            firstLine = File.ReadLines(dotGitFile).FirstOrDefault() ?? string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (!firstLine.StartsWith(GitDirPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var target = firstLine[GitDirPrefix.Length..].Trim();
        return target.Length == 0 ? null : Path.GetFullPath(target, folder);
    }

    private static string WithSeparator(string folder) =>
        folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
}
