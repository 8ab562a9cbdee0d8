using SpecMap.Core.History;

namespace SpecMap.Core.Resolution;

/// <summary>
/// Splits a stretch of a file's text into the tokens of <see cref="TextDiff.Tokens"/> (runs of letters, digits and '_';
/// every other non-blank character alone) straight from the text, and shares equal tokens: a body is compared by its
/// tokens' values only, so one string per distinct token will do. Issue 15: one string per token and per line was
/// most of a 10,000-reference run's live memory and of its garbage. Not thread-safe; one per snapshot.
/// </summary>
internal sealed class BodyTokens
{
    // The pool only spares strings; emptied when full, so the identifiers of thousands of files do not pile up.
    private const int MaxPooled = 1 << 16;

    private readonly HashSet<string> _pool = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public BodyTokens() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tokens of <c>text[from..to]</c>. Line breaks are blanks, so the tokens of a run of whole lines are those
    /// <see cref="TextDiff.Tokens"/> makes of the lines.</summary>
    public List<string> Of(string text, int from, int to)
    {
        var tokens = new List<string>();
        var word = -1;
        for (var at = from; at <= to; at++)
        {
            var c = at < to ? text[at] : ' ';
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word = word < 0 ? at : word;
                continue;
            }
            if (word >= 0)
            {
                tokens.Add(Shared(text.AsSpan(word, at - word)));
                word = -1;
            }
            if (!char.IsWhiteSpace(c))
            {
                tokens.Add(Shared(text.AsSpan(at, 1)));
            }
        }
        return tokens;
    }

    private string Shared(ReadOnlySpan<char> token)
    {
        if (_lookup.TryGetValue(token, out var shared))
        {
            return shared;
        }
        if (_pool.Count >= MaxPooled)
        {
            _pool.Clear();
        }
        shared = token.ToString();
        _pool.Add(shared);
        return shared;
    }
}
