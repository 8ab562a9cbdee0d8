using System.Text;
using DiffPlex;

namespace SpecMap.Core.Spec;

/// <summary>A short, one-line word diff for messages: `- "a string." + "an array of strings."`.</summary>
internal static class WordDiff
{
    private const int MaxChanges = 3;
    private const int MaxWords = 8;

    public static string Summarise(string oldText, string newText)
    {
        // One word per line turns DiffPlex's line diff into a word diff without its chunkers' punctuation splitting.
        var oldWords = string.Join('\n', Words(oldText));
        var newWords = string.Join('\n', Words(newText));
        var result = Differ.Instance.CreateLineDiffs(oldWords, newWords, ignoreWhitespace: false);
        var parts = new List<string>();
        foreach (var block in result.DiffBlocks.Take(MaxChanges))
        {
            var part = new StringBuilder();
            if (block.DeleteCountA > 0)
            {
                part.Append("- ").Append(Quote(result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)));
            }
            if (block.InsertCountB > 0)
            {
                part.Append(part.Length > 0 ? " " : string.Empty).Append("+ ")
                    .Append(Quote(result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)));
            }
            parts.Add(part.ToString());
        }
        var more = result.DiffBlocks.Count - MaxChanges;
        return string.Join(", ", parts) + (more > 0 ? $" (and {more} more change{(more == 1 ? string.Empty : "s")})" : string.Empty);
    }

    private static string[] Words(string text) => text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static string Quote(IEnumerable<string> words)
    {
        var list = words.ToList();
        var shown = string.Join(' ', list.Take(MaxWords)) + (list.Count > MaxWords ? " …" : string.Empty);
        return $"\"{shown}\"";
    }
}
