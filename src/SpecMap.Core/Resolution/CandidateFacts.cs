using System.Buffers;
using System.Runtime.InteropServices;
using SpecMap.Core.History;

namespace SpecMap.Core.Resolution;

/// <summary>
/// What <see cref="CandidateIndex"/> takes from one file's text: its distinct identifier words, whether the split can be
/// sure of them, and how often each body token (<see cref="TextDiff.Tokens"/>, hashed as <see cref="LineHashes.Hash"/>)
/// occurs. They depend on the text alone, so they are kept by blob id across runs (<see cref="Caching.CandidateFactsStore"/>)
/// and a warm search reads no candidate file to index it (issue 15: the index read and decoded every changed file).
/// </summary>
/// <param name="Words">The distinct identifier words, in the order they first occur.</param>
/// <param name="Unsure">The text has unicode escapes (C# `\u0041bc`), which can spell an identifier the split does not see.</param>
/// <param name="TokenHashes">The distinct token hashes, with their counts at the same index in <paramref name="TokenCounts"/>.</param>
internal sealed record CandidateFacts(string[] Words, bool Unsure, long[] TokenHashes, int[] TokenCounts)
{
    /// <summary>A binary file or one that is not there: no words, no tokens.</summary>
    public static CandidateFacts Empty { get; } = new([], false, [], []);

    public static CandidateFacts Of(string text)
    {
        var unsure = text.Contains("\\u", StringComparison.Ordinal) || text.Contains("\\U", StringComparison.Ordinal);
        var (hashes, counts) = CountTokens(text);
        return new CandidateFacts(WordsOf(text), unsure, hashes, counts);
    }

    // ASCII letters, digits and '_': the ASCII characters of a word for both splits below (no ASCII character is a mark,
    // a connector other than '_' or a format character), so runs of them are crossed vectorised; a character past ASCII
    // is judged one at a time.
    private static readonly SearchValues<char> AsciiWordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    // The ASCII characters that are not word characters: what lies between words, crossed the same way.
    private static readonly SearchValues<char> AsciiNonWordChars =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !AsciiWordChars.Contains(c))]);

    // The hash of each one-character ASCII token, worked out once.
    private static readonly long[] AsciiCharHashes = [.. Enumerable.Range(0, 128).Select(c => LineHashes.Hash([(char)c]))];

    /// <summary>The distinct runs of identifier characters (<see cref="CandidateIndex.IsIdentifierChar"/>); a string is made
    /// only for a word not seen before in the text.</summary>
    private static string[] WordsOf(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bySpan = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var span = text.AsSpan();
        var at = 0;
        while (NextWord(span, ref at, CandidateIndex.IsIdentifierChar) is var (start, length) && length > 0)
        {
            var word = span.Slice(start, length);
            if (!bySpan.Contains(word))
            {
                var made = word.ToString();
                seen.Add(made);
                words.Add(made);
            }
        }
        return [.. words];
    }

    /// <summary>The tokens of <paramref name="text"/> as <see cref="TextDiff.Tokens"/> splits them (runs of letters, digits
    /// and '_'; every other non-blank character alone; line breaks are blanks, so the split of the whole text is that
    /// of its lines), hashed as <see cref="LineHashes.Hash"/> hashes them, without a string per token.</summary>
    private static (long[] Hashes, int[] Counts) CountTokens(string text)
    {
        var counts = new Dictionary<long, int>();
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var c = span[at];
            if (IsTokenWordChar(c))
            {
                var start = at;
                at = EndOfRun(span, at + 1, IsTokenWordChar);
                Count(counts, LineHashes.Hash(span[start..at]));
                continue;
            }
            if (!char.IsWhiteSpace(c))
            {
                Count(counts, c < 128 ? AsciiCharHashes[c] : LineHashes.Hash(span.Slice(at, 1)));
            }
            at++;
        }
        return ([.. counts.Keys], [.. counts.Values]);
    }

    private static bool IsTokenWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The next maximal run of characters <paramref name="isWordChar"/> accepts at or after <paramref name="at"/>,
    /// which is left after it; (end, 0) when there is none.</summary>
    private static (int Start, int Length) NextWord(ReadOnlySpan<char> span, ref int at, Func<char, bool> isWordChar)
    {
        while (at < span.Length)
        {
            var skip = span[at..].IndexOfAnyExcept(AsciiNonWordChars);
            if (skip < 0)
            {
                break;
            }
            at += skip;
            // Landed on an ASCII word character, or on a character past ASCII, which is judged.
            if (span[at] < 128 || isWordChar(span[at]))
            {
                var start = at;
                at = EndOfRun(span, at + 1, isWordChar);
                return (start, at - start);
            }
            at++;
        }
        at = span.Length;
        return (span.Length, 0);
    }

    /// <summary>Where the run of word characters that goes on at <paramref name="at"/> ends.</summary>
    private static int EndOfRun(ReadOnlySpan<char> span, int at, Func<char, bool> isWordChar)
    {
        while (at < span.Length)
        {
            var run = span[at..].IndexOfAnyExcept(AsciiWordChars);
            if (run < 0)
            {
                return span.Length;
            }
            at += run;
            if (span[at] < 128 || !isWordChar(span[at]))
            {
                return at;
            }
            at++;
        }
        return at;
    }

    private static void Count(Dictionary<long, int> counts, long hash) => CollectionsMarshal.GetValueRefOrAddDefault(counts, hash, out _)++;
}
