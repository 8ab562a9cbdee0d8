using System.Text.RegularExpressions;

namespace SpecMap.Core.Config;

/// <summary>The glob dialect of `.specmap.json` (`**/`, `*`, `?`), matched against repository paths with `/`.</summary>
internal static class Glob
{
    /// <summary>`**/` matches any folders (or none), `*` anything but '/', `?` one char.</summary>
    public static Regex ToRegex(string glob)
    {
        var pattern = Regex.Escape(glob.Replace('\\', '/').TrimStart('/'))
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{pattern}$", RegexOptions.CultureInvariant);
    }
}
