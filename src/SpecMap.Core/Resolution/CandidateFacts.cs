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
        var unsure = HasUnicodeEscape(text);
        var (hashes, counts) = CountTokens(text);
        return new CandidateFacts(WordsOf(text), unsure, hashes, counts);
    }

    /// <summary>Whether a `\u` or `\U` occurs: one search for backslashes instead of two for the pairs.</summary>
    private static bool HasUnicodeEscape(string text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOf('\\'); at >= 0; at = rest.IndexOf('\\'))
        {
            if (at + 1 < rest.Length && rest[at + 1] is 'u' or 'U')
            {
                return true;
            }
            rest = rest[(at + 1)..];
        }
        return false;
    }

    // ASCII letters, digits and '_' are the ASCII characters of an identifier too (no ASCII character is a mark, a
    // connector other than '_' or a format character), so runs of them are crossed vectorised; a character past ASCII
    // is judged one at a time.
    private static readonly SearchValues<char> AsciiWordChars = CodeTokenSpans.AsciiWordChars;

    // The ASCII characters that are not word characters: what lies between words, crossed the same way.
    private static readonly SearchValues<char> AsciiNonWordChars =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !AsciiWordChars.Contains(c))]);

    // The hash of each one-character ASCII token, worked out once.
    private static readonly long[] AsciiCharHashes = [.. Enumerable.Range(0, 128).Select(c => LineHashes.Hash([(char)c]))];

    /// <summary>The distinct runs of identifier characters (<see cref="CandidateIndex.IsIdentifierChar"/>); a string is made
    /// only for a word not seen before in the text.</summary>
    private static string[] WordsOf(string text)
    {
        var words = new DistinctWords();
        var span = text.AsSpan();
        var at = 0;
        while (NextWord(span, ref at) is var (start, length) && length > 0)
        {
            words.Add(span.Slice(start, length));
        }
        return [.. words.InOrder];
    }

    /// <summary>
    /// The distinct words of one text in order of first occurrence, looked up by span in an open-addressed table with
    /// their hashes beside them: a file's every word occurrence is one probe (a HashSet's alternate lookup was 70% of
    /// the split's cost), and a string is made only for a new word.
    /// </summary>
    private sealed class DistinctWords
    {
        private string?[] _slots = new string?[256];
        private int[] _hashes = new int[256];

        public List<string> InOrder { get; } = [];

        public void Add(ReadOnlySpan<char> word)
        {
            var hash = Hash(word);
            var mask = _slots.Length - 1;
            for (var i = hash & mask; ; i = (i + 1) & mask)
            {
                if (_slots[i] is not { } slot)
                {
                    var made = word.ToString();
                    _slots[i] = made;
                    _hashes[i] = hash;
                    InOrder.Add(made);
                    if (InOrder.Count * 2 > _slots.Length)
                    {
                        Grow();
                    }
                    return;
                }
                if (_hashes[i] == hash && slot.AsSpan().SequenceEqual(word))
                {
                    return;
                }
            }
        }

        private void Grow()
        {
            var slots = new string?[_slots.Length * 2];
            var hashes = new int[slots.Length];
            var mask = slots.Length - 1;
            for (var old = 0; old < _slots.Length; old++)
            {
                if (_slots[old] is not { } word)
                {
                    continue;
                }
                var i = _hashes[old] & mask;
                while (slots[i] is not null)
                {
                    i = (i + 1) & mask;
                }
                slots[i] = word;
                hashes[i] = _hashes[old];
            }
            (_slots, _hashes) = (slots, hashes);
        }

        // FNV-1a, kept non-negative so it masks straight to a slot.
        private static int Hash(ReadOnlySpan<char> word)
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }
            return (int)(hash & 0x7fffffff);
        }
    }

    /// <summary>The tokens of <paramref name="text"/> (<see cref="CodeTokenSpans"/>), hashed as <see cref="LineHashes.Hash"/>
    /// hashes them, without a string per token.</summary>
    private static (long[] Hashes, int[] Counts) CountTokens(string text)
    {
        var counts = new Dictionary<long, int>();
        // One-character ASCII tokens (punctuation, most of them) are counted by character and hashed once at the end.
        Span<int> single = stackalloc int[128];
        single.Clear();
        var span = text.AsSpan();
        foreach (var (start, length) in new CodeTokenSpans(span))
        {
            if (length == 1 && span[start] < 128)
            {
                single[span[start]]++;
                continue;
            }
            CollectionsMarshal.GetValueRefOrAddDefault(counts, LineHashes.Hash(span.Slice(start, length)), out _)++;
        }
        for (var c = 0; c < single.Length; c++)
        {
            if (single[c] > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, AsciiCharHashes[c], out _) += single[c];
            }
        }
        return ([.. counts.Keys], [.. counts.Values]);
    }

    /// <summary>The next maximal run of identifier characters at or after <paramref name="at"/>, which is left after it;
    /// (end, 0) when there is none.</summary>
    private static (int Start, int Length) NextWord(ReadOnlySpan<char> span, ref int at)
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
            if (span[at] < 128 || CandidateIndex.IsIdentifierChar(span[at]))
            {
                var start = at;
                at = EndOfWord(span, at + 1);
                return (start, at - start);
            }
            at++;
        }
        at = span.Length;
        return (span.Length, 0);
    }

    /// <summary>Where the identifier that goes on at <paramref name="at"/> ends.</summary>
    private static int EndOfWord(ReadOnlySpan<char> span, int at)
    {
        while (at < span.Length)
        {
            var run = span[at..].IndexOfAnyExcept(AsciiWordChars);
            if (run < 0)
            {
                return span.Length;
            }
            at += run;
            if (span[at] < 128 || !CandidateIndex.IsIdentifierChar(span[at]))
            {
                return at;
            }
            at++;
        }
        return at;
    }
}
