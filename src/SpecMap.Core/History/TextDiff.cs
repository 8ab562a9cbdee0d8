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
    public static double DiffedSimilarity(IReadOnlyList<string> left, IReadOnlyList<string> right) => DiffedSimilarity(left, right, atLeast: 0);

    /// <summary><see cref="DiffedSimilarity(IReadOnlyList{string}, IReadOnlyList{string})"/> when it is at least
    /// <paramref name="atLeast"/>, else some score below it: the diff stops once the score can no longer reach it
    /// (a caller that only keeps scores above a minimum pays for the edits up to it, not for every edit).</summary>
    public static double DiffedSimilarity(IReadOnlyList<string> left, IReadOnlyList<string> right, double atLeast)
    {
        var total = left.Count + right.Count;
        if (total == 0)
        {
            return 1;
        }
        // The fewest common lines a score of atLeast needs, rounded down a line further: no rounding can cut a score
        // that reaches it.
        var least = atLeast <= 0 ? 0 : Math.Max(0, (int)Math.Floor(atLeast * total / 2) - 1);
        return CommonCount(left, right, least) is { } common ? 2.0 * common / total : 0;
    }

    /// <summary>
    /// How many lines the longest common subsequence of the two lists holds: what the line diff keeps, by the greedy
    /// forward pass of Myers' algorithm over line ids, which finds the shortest edit script's length without building
    /// it (issue 15: DiffPlex joined, split and re-hashed the lines and built the whole script, 9% of a relocation run).
    /// An empty list, or one with a line the diff would split (a line break in it) or an empty line, goes to DiffPlex
    /// itself, which counts -1 common lines when only the right list is empty: a score below every threshold either way,
    /// kept so that no score moves.
    /// </summary>
    public static int CommonCount(IReadOnlyList<string> left, IReadOnlyList<string> right) => CommonCount(left, right, least: 0)!.Value;

    /// <summary><see cref="CommonCount(IReadOnlyList{string}, IReadOnlyList{string})"/>, or null when it is below
    /// <paramref name="least"/> (DiffPlex's answers are always given).</summary>
    private static int? CommonCount(IReadOnlyList<string> left, IReadOnlyList<string> right, int least)
    {
        if (left.Count == 0 || right.Count == 0 || !AreWholeLines(left) || !AreWholeLines(right))
        {
            var result = Differ.Instance.CreateLineDiffs(Join(left), Join(right), ignoreWhitespace: false);
            return left.Count - result.DiffBlocks.Sum(d => d.DeleteCountA);
        }
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = Ids(left, ids);
        var b = Ids(right, ids);
        // The common start and end are kept by any shortest script; only the middle is searched.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }
        var end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)])
        {
            end++;
        }
        return MiddleCommon(a.AsSpan(start, a.Length - start - end), b.AsSpan(start, b.Length - start - end), least - start - end) is { } middle
            ? start + end + middle
            : null;
    }

    private static bool AreWholeLines(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.AsSpan().ContainsAny('\r', '\n'))
            {
                return false;
            }
        }
        return true;
    }

    private static int[] Ids(IReadOnlyList<string> lines, Dictionary<string, int> ids)
    {
        var of = new int[lines.Count];
        for (var i = 0; i < of.Length; i++)
        {
            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, lines[i], out var exists);
            if (!exists)
            {
                id = ids.Count - 1;
            }
            of[i] = id;
        }
        return of;
    }

    /// <summary>The common subsequence's length: (n + m - d) / 2 for the fewest insertions and deletions d, found by
    /// following each diagonal's furthest reach for d = 0, 1, … (Myers 1986, section 2); null once d shows it is below
    /// <paramref name="least"/>.</summary>
    private static int? MiddleCommon(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int least)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var most = least <= 0 ? max : max - (2 * least);
        if (most < 0)
        {
            return null;
        }
        if (n == 0 || m == 0)
        {
            return 0;
        }
        var reach = System.Buffers.ArrayPool<int>.Shared.Rent((2 * max) + 3);
        try
        {
            // reach[max + 1 + k]: the furthest x on diagonal k = x - y.
            reach[max + 2] = 0;
            for (var d = 0; d <= most; d++)
            {
                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && reach[max + k] < reach[max + k + 2]) ? reach[max + k + 2] : reach[max + k] + 1;
                    var y = x - k;
                    while (x < n && y < m && a[x] == b[y])
                    {
                        x++;
                        y++;
                    }
                    reach[max + k + 1] = x;
                    if (x >= n && y >= m)
                    {
                        return (n + m - d) / 2;
                    }
                }
            }
            return null;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(reach);
        }
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
