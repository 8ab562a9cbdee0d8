using System.Buffers;

namespace SpecMap.Core.History;

/// <summary>
/// The tokens <see cref="TextDiff.Tokens"/> splits code into (runs of letters, digits and '_'; every other non-blank
/// character alone), as spans of one text, with no string made: what the candidate index counts and a snapshot's bodies
/// share. Line breaks are blanks, so the tokens of a run of whole lines are those <see cref="TextDiff.Tokens"/> makes of
/// the lines. Runs of ASCII word characters are crossed vectorised; a character past ASCII is judged alone.
/// </summary>
internal ref struct CodeTokenSpans
{
    // ASCII letters, digits and '_': the ASCII characters of a word (char.IsLetterOrDigit or '_').
    internal static readonly SearchValues<char> AsciiWordChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private readonly ReadOnlySpan<char> _text;
    private int _at;

    public CodeTokenSpans(ReadOnlySpan<char> text) => _text = text;

    /// <summary>The current token's place in the text.</summary>
    public (int Start, int Length) Current { get; private set; }

    public readonly CodeTokenSpans GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (IsWordChar(c))
            {
                var start = _at;
                _at = EndOfWord(_text, _at + 1);
                Current = (start, _at - start);
                return true;
            }
            _at++;
            if (!char.IsWhiteSpace(c))
            {
                Current = (_at - 1, 1);
                return true;
            }
        }
        return false;
    }

    /// <summary>A character of a word token.</summary>
    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Where the word that goes on at <paramref name="at"/> ends.</summary>
    private static int EndOfWord(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length)
        {
            var run = text[at..].IndexOfAnyExcept(AsciiWordChars);
            if (run < 0)
            {
                return text.Length;
            }
            at += run;
            if (text[at] < 128 || !IsWordChar(text[at]))
            {
                return at;
            }
            at++;
        }
        return at;
    }
}
