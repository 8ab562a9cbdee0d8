using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecMap.Core.References;

/// <summary>A line range as written; <see cref="IsValid"/> is false for `42-7` or line 0.</summary>
internal readonly record struct LineRange(int Start, int End)
{
    public bool IsValid => Start >= 1 && End >= Start;

    public override string ToString() => Start == End
        ? Start.ToString(CultureInfo.InvariantCulture)
        : $"{Start.ToString(CultureInfo.InvariantCulture)}-{End.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>The parts of `PATH[:LINE[-END]][#SYMBOL]` (contract §1), before any lookup in a repository.</summary>
/// <param name="Ranges">Empty, one range, or several for a list of lines (`2517, 2530, 2618`).</param>
/// <param name="Fragment">Text after `#`: a symbol for code, a heading slug for Markdown.</param>
internal sealed partial record CompactReference(string Path, IReadOnlyList<LineRange> Ranges, string? Fragment)
{
    /// <summary>Extensions of files people reference; other dotted words (`response.created`) are only paths when the file exists.</summary>
    // A HashSet, not a FrozenSet: a run looks up a few hundred extensions, and freezing costs more than it saves then.
    private static readonly HashSet<string> KnownExtensions = new(
    [
        "py", "pyi", "pyx", "cs", "csx", "fs", "vb", "md", "markdown", "mdx", "rst", "adoc", "txt", "json", "jsonc",
        "yaml", "yml", "toml", "ini", "cfg", "xml", "csproj", "props", "targets", "sln", "js", "mjs", "cjs", "ts", "tsx",
        "jsx", "go", "rs", "java", "kt", "kts", "scala", "rb", "php", "c", "h", "cc", "cpp", "cxx", "hpp", "hh", "m", "mm",
        "swift", "sh", "bash", "zsh", "ps1", "proto", "sql", "graphql", "gql", "html", "htm", "css", "scss", "vue", "svelte",
        "lua", "r", "jl", "ex", "exs", "erl", "hs", "ml", "dart", "zig", "nim", "ipynb", "cshtml", "razor", "xaml", "gradle",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool IsKnownExtension(string extension) => KnownExtensions.Contains(extension.TrimStart('.'));

    public bool IsMarkdown => Path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || Path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase)
        || Path.EndsWith(".mdx", StringComparison.OrdinalIgnoreCase);

    public bool HasKnownExtension
    {
        get
        {
            var name = Path[(Path.LastIndexOf('/') + 1)..];
            var dot = name.LastIndexOf('.');
            return dot > 0 && IsKnownExtension(name[(dot + 1)..]);
        }
    }

    /// <summary>
    /// Parses a string that may be a reference. Null for URLs, prose and anything not shaped like a path;
    /// the caller still decides whether a path without a known extension names a file.
    /// </summary>
    public static CompactReference? TryParse(string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || value.Length > 1000 || value.Contains("://", StringComparison.Ordinal)
            || value.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var match = Shape().Match(value);
        if (!match.Success)
        {
            return null;
        }
        var path = match.Groups["path"].Value.Replace('\\', '/');
        if (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name.Length == 0 || !name.Any(char.IsLetter))
        {
            return null;
        }
        var ranges = new List<LineRange>();
        if (match.Groups["lines"].Success && !TryParseLines(match.Groups["lines"].Value, ranges))
        {
            return null;
        }
        string? fragment = match.Groups["frag"].Success ? match.Groups["frag"].Value.Trim()
            : match.Groups["sym"].Success ? match.Groups["sym"].Value.Trim() : null;
        // GitHub's line anchors (`file.py#L10-L20`) are lines, not symbols.
        if (fragment is not null && ranges.Count == 0 && GitHubLines().Match(fragment) is { Success: true } github)
        {
            var start = int.Parse(github.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = github.Groups[2].Success ? int.Parse(github.Groups[2].Value, CultureInfo.InvariantCulture) : start;
            ranges.Add(new LineRange(start, end));
            fragment = null;
        }
        if (fragment is { Length: 0 })
        {
            fragment = null;
        }
        return new CompactReference(path, ranges, fragment);
    }

    /// <summary>Parses `12`, `12-40`, `L12-L40`, `12–40` (en dash), or a list `2517, 2530, 2618-2620`.</summary>
    public static bool TryParseLines(string text, List<LineRange> ranges)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = OneRange().Match(part);
            if (!match.Success)
            {
                return false;
            }
            if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                return false;
            }
            var end = start;
            if (match.Groups[2].Success && !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out end))
            {
                return false;
            }
            ranges.Add(new LineRange(start, end));
        }
        return ranges.Count > 0;
    }

    // PATH has no spaces, colons (except a drive letter), '#', or wildcard characters. After the colon come lines, or
    // a symbol (`serving_responses.py:_build_response_created_event`, a shape teams write for `#symbol`).
    [GeneratedRegex(@"^(?<path>(?:[A-Za-z]:[\\/])?[^\s:#?*""<>|]+)(?::(?<lines>\s*L?\d+(?:\s*[-–]\s*L?\d+)?(?:\s*,\s*L?\d+(?:\s*[-–]\s*L?\d+)?)*)\s*|:(?<sym>[A-Za-z_][\w.]*(?:\([^()]*\))?))?(?:#(?<frag>.*))?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^L?(\d+)(?:\s*[-–]\s*L?(\d+))?$")]
    private static partial Regex OneRange();

    [GeneratedRegex(@"^L(\d+)(?:-L?(\d+))?$")]
    private static partial Regex GitHubLines();
}
