using System.Runtime.CompilerServices;

namespace SpecMap.Core.History;

/// <summary>
/// A list of lines (or tokens) as a sorted array of their hashes, for the cheap similarity bounds: the common part of two
/// multisets is one merge of two sorted arrays, with no dictionary built per comparison (issue 15: the bounds of a
/// relocation search compare one body with hundreds of candidates). Equal strings hash alike, so the count is never
/// below the true one: a collision (64 bits: about one in 10^15 comparisons of 100-line files) can only raise a bound.
/// </summary>
internal static class LineHashes
{
    // Keyed by the list itself: a body or a file's lines is compared many times while it lives in a cache.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, long[]> Known = new();

    /// <summary>The sorted hashes of <paramref name="lines"/>, made once per list (a list is not changed once compared).</summary>
    public static long[] Of(IReadOnlyList<string> lines)
    {
        if (Known.TryGetValue(lines, out var known) && known.Length == lines.Count)
        {
            return known;
        }
        var hashes = new long[lines.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Hash(lines[i]);
        }
        Array.Sort(hashes);
        Known.AddOrUpdate(lines, hashes);
        return hashes;
    }

    /// <summary>64-bit FNV-1a over the characters: stable, and collisions too rare to reorder a ranking.</summary>
    public static long Hash(string line) => Hash(line.AsSpan());

    /// <inheritdoc cref="Hash(string)"/>
    public static long Hash(ReadOnlySpan<char> line)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in line)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        return (long)hash;
    }

    /// <summary>The sorted hashes of the text's <see cref="TextDiff.Normalise"/>d lines (trimmed, blank ones left out),
    /// as <see cref="Of"/> would make them from <c>Normalise(TextLines.Split(text))</c>, without a string per line: a file
    /// compared only by its bound never needs its lines.</summary>
    public static long[] OfNormalisedLines(string text)
    {
        var hashes = new List<long>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // Every \n and \r ends a line (a \r\n leaves an empty line between them, which is blank and left out).
            if (i == text.Length || text[i] == '\n' || text[i] == '\r')
            {
                var line = text.AsSpan(start, i - start).Trim();
                if (line.Length > 0)
                {
                    hashes.Add(Hash(line));
                }
                start = i + 1;
            }
        }
        var sorted = hashes.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>How many times <paramref name="hash"/> occurs in the sorted <paramref name="hashes"/>.</summary>
    public static int Count(long[] hashes, long hash)
    {
        var at = Array.BinarySearch(hashes, hash);
        if (at < 0)
        {
            return 0;
        }
        int first = at, last = at;
        while (first > 0 && hashes[first - 1] == hash)
        {
            first--;
        }
        while (last < hashes.Length - 1 && hashes[last + 1] == hash)
        {
            last++;
        }
        return last - first + 1;
    }

    /// <summary>How many elements the two multisets share (at least the true number; see the type's remarks).</summary>
    public static int Common(long[] left, long[] right)
    {
        int i = 0, j = 0, common = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                common++;
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return common;
    }
}
