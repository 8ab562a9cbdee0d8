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

    /// <summary>The distinct runs of identifier characters (<see cref="CandidateIndex.IsIdentifierChar"/>); a string is made
    /// only for a word not seen before in the text.</summary>
    private static string[] WordsOf(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bySpan = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var start = -1;
        for (var at = 0; at <= text.Length; at++)
        {
            var part = at < text.Length && CandidateIndex.IsIdentifierChar(text[at]);
            if (part && start < 0)
            {
                start = at;
            }
            else if (!part && start >= 0)
            {
                var word = text.AsSpan(start, at - start);
                start = -1;
                if (!bySpan.Contains(word))
                {
                    var made = word.ToString();
                    seen.Add(made);
                    words.Add(made);
                }
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
        var word = -1;
        for (var at = 0; at <= text.Length; at++)
        {
            var c = at < text.Length ? text[at] : ' ';
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word = word < 0 ? at : word;
                continue;
            }
            if (word >= 0)
            {
                Count(counts, LineHashes.Hash(text.AsSpan(word, at - word)));
                word = -1;
            }
            if (!char.IsWhiteSpace(c))
            {
                Count(counts, LineHashes.Hash(text.AsSpan(at, 1)));
            }
        }
        return ([.. counts.Keys], [.. counts.Values]);
    }

    private static void Count(Dictionary<long, int> counts, long hash) => counts[hash] = counts.GetValueOrDefault(hash) + 1;
}
