namespace SpecMap.Core.Sources;

/// <summary>
/// Resolves a repository path on disk one component at a time, as the kernel would, but refusing every step that
/// leaves the work tree: `..` above the root, and symbolic links (of folders too) whose target lies outside. Links
/// that stay inside are followed. Nothing is opened: only links are read (readlink), so no FIFO or device blocks.
/// </summary>
internal static class WorkTreePath
{
    /// <returns>The full path with every link inside resolved, or the problem that stops it.</returns>
    public static (string? FullPath, PathProblem? Problem) Resolve(string root, string path)
    {
        var resolved = new List<string>();
        var pending = new LinkedList<string>(path.Split('/'));
        var hops = 0;
        while (pending.First is { } first)
        {
            var part = first.Value;
            pending.RemoveFirst();
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (resolved.Count == 0)
                {
                    return (null, PathProblem.Outside("leaves the repository"));
                }
                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            if (string.Equals(part, ".git", StringComparison.OrdinalIgnoreCase))
            {
                return (null, PathProblem.Outside("points into .git, which is git's own store and never a target"));
            }
            var candidate = Join(root, resolved, part);
            string? target;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return (null, PathProblem.NotChecked($"'{string.Join('/', resolved.Append(part))}' cannot be read ({e.Message.TrimEnd('.')})"));
            }
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++hops > SourceLimits.MaxLinkHops)
            {
                return (null, PathProblem.NotChecked($"it passes through more than {SourceLimits.MaxLinkHops} symbolic links"));
            }
            var linkName = string.Join('/', resolved.Append(part));
            var full = Path.GetFullPath(target, Join(root, resolved, string.Empty));
            var relative = Path.GetRelativePath(root, full);
            if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                return (null, PathProblem.Outside(linkName == path.Trim('/')
                    ? "is a symbolic link to a place outside the repository"
                    : $"passes through the symbolic link '{linkName}' to a place outside the repository"));
            }
            // Continue from the root with the link's target in place of the link.
            resolved.Clear();
            var parts = relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar);
            for (var i = parts.Length - 1; i >= 0; i--)
            {
                pending.AddFirst(parts[i]);
            }
        }
        return (Join(root, resolved, string.Empty).TrimEnd(Path.DirectorySeparatorChar), null);
    }

    private static string Join(string root, List<string> parts, string last) =>
        Path.Combine([root, .. parts, last]);
}
