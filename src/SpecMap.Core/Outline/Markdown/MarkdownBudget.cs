using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SpecMap.Core.Outline.Markdown;

/// <summary>
/// Keeps Markdown outlining linear. Markdig is superlinear on some shapes (thousands of duplicate headings: its slug
/// de-duplication; runs of `[a](`; lists nested deeply) and throws past 127 levels of nesting. Text of such a shape is
/// outlined by a line scanner instead: ATX headings outside fenced code, GitHub slugs de-duplicated with a counter.
/// </summary>
internal static class MarkdownBudget
{
    private const int MaxMarkdigChars = 512 * 1024;
    private const int MaxHeadingLines = 2000;
    private const int MaxBrackets = 20_000;
    private const int MaxIndentOrQuote = 64;

    /// <summary>Whether <paramref name="text"/> is of a shape Markdig reads in linear time.</summary>
    public static bool FitsMarkdig(string text)
    {
        if (text.Length > MaxMarkdigChars)
        {
            return false;
        }
        int headings = 0, brackets = 0, lineStart = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                if (text[i] is '[' or '(' or '<' or '*' or '_' or '`')
                {
                    brackets++;
                }
                continue;
            }
            var lead = 0;
            while (lineStart + lead < i && text[lineStart + lead] is ' ' or '\t' or '>' or '-' or '*' or '+')
            {
                lead++;
            }
            if (lead > MaxIndentOrQuote)
            {
                return false;
            }
            if (lineStart + lead < i && text[lineStart + lead] == '#')
            {
                headings++;
            }
            lineStart = i + 1;
        }
        return headings <= MaxHeadingLines && brackets <= MaxBrackets;
    }

    /// <summary>The ATX headings of <paramref name="text"/>, one pass; sections end before the next heading of the same
    /// or a higher level.</summary>
    public static ImmutableArray<OutlineSymbol> ScanHeadings(string text)
    {
        var lines = Sources.TextLines.Split(text);
        var found = new List<(int Line, int Level, string Name)>();
        string? fence = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].TrimStart(' ');
            if (lines[n].Length - line.Length > 3)
            {
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = fence is null ? line[..3] : line.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }
            var level = 0;
            while (fence is null && level < line.Length && line[level] == '#')
            {
                level++;
            }
            if (level is >= 1 and <= 6 && (line.Length == level || line[level] is ' ' or '\t'))
            {
                found.Add((n + 1, level, line[level..].Trim().TrimEnd('#').Trim()));
            }
        }
        var symbols = ImmutableArray.CreateBuilder<OutlineSymbol>(found.Count);
        var slugs = new Dictionary<string, int>(StringComparer.Ordinal);
        // Ends computed from the back: the next heading at each level or above, kept per level.
        var ends = new int[found.Count];
        var nextAtOrAbove = new int[7];
        Array.Fill(nextAtOrAbove, lines.Length + 1);
        for (var i = found.Count - 1; i >= 0; i--)
        {
            var end = nextAtOrAbove[found[i].Level] - 1;
            while (end > found[i].Line && string.IsNullOrWhiteSpace(lines[end - 1]))
            {
                end--;
            }
            ends[i] = Math.Max(found[i].Line, end);
            for (var level = found[i].Level; level <= 6; level++)
            {
                nextAtOrAbove[level] = found[i].Line;
            }
        }
        for (var i = 0; i < found.Count; i++)
        {
            var (line, level, name) = found[i];
            symbols.Add(new OutlineSymbol(SymbolKinds.Heading, name, Slug(name, slugs), line, line, ends[i], Level: level));
        }
        return symbols.MoveToImmutable();
    }

    /// <summary>GitHub's anchor: lower case, letters, digits, `-` and `_` kept, spaces to `-`; repeats get `-1`, `-2`.</summary>
    private static string Slug(string name, Dictionary<string, int> seen)
    {
        var slug = new StringBuilder(name.Length);
        foreach (var c in name.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString();
        if (!seen.TryGetValue(text, out var count))
        {
            seen[text] = 0;
            return text;
        }
        string candidate;
        do
        {
            count++;
            candidate = $"{text}-{count}";
        }
        while (seen.ContainsKey(candidate));
        seen[text] = count;
        seen[candidate] = 0;
        return candidate;
    }
}
