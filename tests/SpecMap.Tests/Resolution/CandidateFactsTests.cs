using SpecMap.Core.History;
using SpecMap.Core.Resolution;

namespace SpecMap.Tests.Resolution;

/// <summary>A file's candidate facts are exactly the plain splits they stand for: its distinct identifier words in order
/// of first occurrence, and the counts of <see cref="TextDiff.Tokens"/> of its lines, on texts mixing ASCII with letters,
/// marks, connectors and format characters past ASCII.</summary>
public sealed class CandidateFactsTests
{
    [Fact]
    public void Facts_equal_the_plain_word_split_and_the_counted_diff_tokens()
    {
        var random = new Random(15);
        string[] pieces = ["a", "Z", "_", "9", " ", "\t", "\n", "\r\n", "(", ".", "=", "é", "ß", "\u0301", "\u203F", "\u00AD",
            "\u200D", "\u2028", "\u00A0", "λ", "Ω", "١", "😀", "\\u0041", "//", "\""];
        for (var n = 0; n < 3000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => pieces[random.Next(pieces.Length)]));
            var facts = CandidateFacts.Of(text);
            Assert.Equal(PlainWords(text), facts.Words);
            var expected = TextDiff.Tokens(SpecMap.Core.Sources.TextLines.Split(text)).GroupBy(LineHashes.Hash)
                .ToDictionary(g => g.Key, g => g.Count());
            var actual = facts.TokenHashes.Zip(facts.TokenCounts).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void Facts_of_every_source_file_of_this_repository_equal_the_plain_splits()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(PlainWords(text), CandidateFacts.Of(text).Words);
        }
    }

    [Fact]
    public void The_ascii_fast_path_of_IsIdentifierChar_agrees_with_the_unicode_categories_on_every_char()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            var byCategory = char.IsLetterOrDigit(c) || c == '_' || char.GetUnicodeCategory(c) is
                System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.Format;
            Assert.True(byCategory == CandidateIndex.IsIdentifierChar(c), $"U+{(int)c:X4}");
        }
    }

    private static string[] PlainWords(string text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                var word = text[start..at];
                start = -1;
                if (seen.Add(word))
                {
                    words.Add(word);
                }
            }
        }
        return [.. words];
    }
}
