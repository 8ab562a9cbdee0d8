using SpecMap.Core.History;

namespace SpecMap.Core.Resolution;

/// <summary>
/// Splits a stretch of a file's text into the tokens of <see cref="TextDiff.Tokens"/> straight from the text
/// (<see cref="CodeTokenSpans"/>), and shares equal tokens: a body is compared by its tokens' values only, so one string
/// per distinct token will do. Issue 15: one string per token and per line was
/// most of a 10,000-reference run's live memory and of its garbage. Not thread-safe; one per snapshot.
/// </summary>
internal sealed class BodyTokens
{
    // The pool only spares strings; emptied when full, so the identifiers of thousands of files do not pile up.
    private const int MaxPooled = 1 << 16;

    private readonly HashSet<string> _pool = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public BodyTokens() => _lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The tokens of <c>text[from..to]</c> (<see cref="CodeTokenSpans"/>).</summary>
    public List<string> Of(string text, int from, int to)
    {
        var tokens = new List<string>();
        var stretch = text.AsSpan(from, to - from);
        foreach (var (start, length) in new CodeTokenSpans(stretch))
        {
            tokens.Add(Shared(stretch.Slice(start, length)));
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
