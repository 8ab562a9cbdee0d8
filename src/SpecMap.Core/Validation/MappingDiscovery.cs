using System.Text.RegularExpressions;

namespace SpecMap.Core.Validation;

/// <summary>Finds mapping files by glob (`**/*.specmap.json`) when none is named on the command line.</summary>
internal static class MappingDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".venv", "artifacts" };

    /// <returns>Repository-relative paths, sorted.</returns>
    public static IReadOnlyList<string> Find(string root, IEnumerable<string> globs)
    {
        var patterns = globs.Select(GlobToRegex).ToList();
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub)) && new DirectoryInfo(sub).LinkTarget is null)
                {
                    pending.Push(sub);
                }
            }
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                // `*.specmap.json` also matches the configuration file `.specmap.json`, which is not a mapping.
                if (Path.GetFileName(file) != Config.ConfigLoader.FileName && patterns.Exists(p => p.IsMatch(relative)))
                {
                    found.Add(relative);
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>`**/` matches any folders (or none), `*` anything but '/', `?` one char.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var pattern = Regex.Escape(glob.Replace('\\', '/').TrimStart('/'))
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}
