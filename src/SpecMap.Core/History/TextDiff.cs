using DiffPlex;

namespace SpecMap.Core.History;

/// <summary>Line diffs (DiffPlex, Myers): maps old line numbers to new ones and scores how alike two texts are.</summary>
internal static class TextDiff
{
    /// <summary>For each old line (0-based) its new index, or -1 when the line was deleted or changed.</summary>
    public static int[] LineMap(IReadOnlyList<string> oldLines, IReadOnlyList<string> newLines)
    {
        var map = new int[oldLines.Count];
        Array.Fill(map, -1);
        var result = Differ.Instance.CreateLineDiffs(Join(oldLines), Join(newLines), ignoreWhitespace: false);
        int a = 0, b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA && a < map.Length)
            {
                map[a++] = b++;
            }
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }
        while (a < map.Length)
        {
            map[a++] = b++;
        }
        return map;
    }

    /// <summary>Maps the 1-based range [start, end] through <paramref name="map"/>: the new range spanned by the
    /// surviving lines and the fraction that survived; null when no line survived.</summary>
    public static (int Start, int End, double Kept)? MapRange(int[] map, int start, int end)
    {
        int first = -1, last = -1, kept = 0;
        for (var line = Math.Max(start, 1); line <= Math.Min(end, map.Length); line++)
        {
            var mapped = map[line - 1];
            if (mapped < 0)
            {
                continue;
            }
            kept++;
            if (first < 0)
            {
                // A changed first line still belongs to the range: extend back by the lines lost before it.
                first = Math.Max(0, mapped - (line - start));
            }
            last = mapped + 1;
        }
        if (kept == 0)
        {
            return null;
        }
        var lastOld = Math.Min(end, map.Length);
        for (var line = lastOld; line >= start; line--)
        {
            if (map[line - 1] >= 0)
            {
                last = map[line - 1] + 1 + (lastOld - line);
                break;
            }
        }
        return (first + 1, Math.Max(first + 1, last), kept / (double)(end - start + 1));
    }

    /// <summary>How alike two texts are, 0..1: twice the common lines (longest common subsequence, whitespace-trimmed,
    /// blank lines ignored) over the total. Both inputs are already <see cref="Normalise"/>d.</summary>
    public static double Similarity(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Count + right.Count > 0 && UpperBound(left, right) == 0 ? 0 : DiffedSimilarity(left, right);

    /// <summary><see cref="Similarity"/> by the full diff, for a caller that has already checked a bound (<see
    /// cref="UpperBound"/> or one of its own): the bound is not computed a second time.</summary>
    public static double DiffedSimilarity(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count + right.Count == 0)
        {
            return 1;
        }
        var result = Differ.Instance.CreateLineDiffs(Join(left), Join(right), ignoreWhitespace: false);
        var common = left.Count - result.DiffBlocks.Sum(d => d.DeleteCountA);
        return 2.0 * common / (left.Count + right.Count);
    }

    /// <summary>A cheap bound on <see cref="Similarity"/> (common lines as multisets, order ignored; never below the
    /// true bound, see <see cref="LineHashes"/>).</summary>
    public static double UpperBound(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count + b.Count == 0 ? 1 : 2.0 * LineHashes.Common(LineHashes.Of(a), LineHashes.Of(b)) / (a.Count + b.Count);

    /// <summary>Trimmed, non-blank lines: indentation and blank-line changes do not make code different.</summary>
    public static List<string> Normalise(IReadOnlyList<string> lines)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                result.Add(trimmed);
            }
        }
        return result;
    }

    /// <summary>The code's tokens (words and single punctuation marks): similarity over tokens survives reformatting
    /// (a block body turned into an expression body, wrapped lines).</summary>
    public static List<string> Tokens(IEnumerable<string> lines)
    {
        var tokens = new List<string>();
        foreach (var line in lines)
        {
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (char.IsLetterOrDigit(c) || c == '_')
                {
                    var start = i;
                    while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_'))
                    {
                        i++;
                    }
                    tokens.Add(line[start..i]);
                }
                else
                {
                    tokens.Add(c.ToString());
                    i++;
                }
            }
        }
        return tokens;
    }

    private static string Join(IReadOnlyList<string> lines) => lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
}
