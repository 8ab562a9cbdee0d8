namespace SpecMap.Core.Sources;

/// <summary>
/// The path checks of the git snapshots (a commit's tree, the index), where a symbolic link is a blob holding its
/// target: it is never followed, and never read as content. A path through or to a link leaving the repository is
/// SMV0003; through or to one inside, not checked (git would need a work tree to follow it).
/// </summary>
internal static class TreeLinks
{
    /// <param name="linkTarget">The link target stored at a path prefix when that prefix is a symbolic link, else null.</param>
    public static PathProblem? Problem(string path, Func<string, string?> linkTarget)
    {
        var parts = path.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (string.Equals(parts[i], ".git", StringComparison.OrdinalIgnoreCase))
            {
                return PathProblem.Outside("points into .git, which is git's own store and never a target");
            }
            var prefix = string.Join('/', parts, 0, i + 1);
            if (linkTarget(prefix) is not { } target)
            {
                continue;
            }
            var last = i == parts.Length - 1;
            if (!LinkStaysInside(prefix, target))
            {
                return PathProblem.Outside(last
                    ? "is a symbolic link to a place outside the repository"
                    : $"passes through the symbolic link '{prefix}' to a place outside the repository");
            }
            return PathProblem.NotChecked(last
                ? $"it is a symbolic link (to '{target}'), and links in a git snapshot are not followed"
                : $"it passes through the symbolic link '{prefix}' (to '{target}'), and links in a git snapshot are not followed");
        }
        return null;
    }

    /// <summary>Whether a link at <paramref name="path"/> to <paramref name="target"/> resolves inside the repository.</summary>
    public static bool LinkStaysInside(string path, string target)
    {
        if (target.StartsWith('/') || target.StartsWith('\\') || (target.Length > 1 && target[1] == ':'))
        {
            return false;
        }
        var depth = path.Count(c => c == '/');
        foreach (var part in target.Replace('\\', '/').Split('/'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0)
            {
                return false;
            }
        }
        return true;
    }
}
