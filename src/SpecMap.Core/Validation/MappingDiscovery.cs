using System.Text.RegularExpressions;
using SpecMap.Core.Config;

namespace SpecMap.Core.Validation;

/// <summary>Finds mapping files by glob (`**/*.specmap.json`) when none is named on the command line.</summary>
internal static class MappingDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", ".venv", "artifacts" };

    /// <returns>Repository-relative paths, sorted.</returns>
    public static IReadOnlyList<string> Find(string root, IEnumerable<string> globs)
    {
        var patterns = globs.Select(Glob.ToRegex).ToList();
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

}
