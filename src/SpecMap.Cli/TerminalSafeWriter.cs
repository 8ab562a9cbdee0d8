using System.Buffers;
using System.Globalization;
using System.Text;

namespace SpecMap.Cli;

/// <summary>
/// Writes text with the control characters a mapping may smuggle in (ESC, BEL, NUL, C1 controls, bidi overrides,
/// line separators) shown as `\x1b` or `\u202e`, so no report retitles a terminal, rings it, or reorders what a
/// reviewer reads. Newlines and tabs pass. JSON and SARIF output is unaffected: their serialisers already escape these.
/// </summary>
internal sealed class TerminalSafeWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    /// <summary>The writer underneath, for text that is already escaped and carries the CLI's own colour codes.</summary>
    public TextWriter Inner => inner;

    /// <summary>The writer under any number of escaping wrappers.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalSafeWriter safe ? Unwrap(safe.Inner) : writer;

    public static string Escape(string text)
    {
        // One vectorised scan: a report is usually tens of kilobytes with nothing to escape.
        if (text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return text;
        }
        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            Append(result, c);
        }
        return result.ToString();
    }

    public override void Write(char value)
    {
        if (NeedsEscape(value))
        {
            var escaped = new StringBuilder(6);
            Append(escaped, value);
            inner.Write(escaped.ToString());
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(value is null ? null : Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush() => inner.Flush();

    /// <summary>Every character <see cref="NeedsEscape"/> is true for.</summary>
    private static readonly SearchValues<char> Escaped = EscapedCharacters();

    /// <summary>The blocks <see cref="NeedsEscape"/> picks from (a test checks no character outside them needs it).</summary>
    private static SearchValues<char> EscapedCharacters()
    {
        var escaped = new List<char>();
        foreach (var (first, last) in new[] { ('\0', '\u009F'), ('\u2028', '\u202E'), ('\u2066', '\u2069') })
        {
            for (var c = first; c <= last; c++)
            {
                if (NeedsEscape(c))
                {
                    escaped.Add(c);
                }
            }
        }
        return SearchValues.Create([.. escaped]);
    }

    private static bool NeedsEscape(char c) =>
        c is (< ' ' and not '\n' and not '\r' and not '\t') or '\u007F' or (>= '\u0080' and <= '\u009F')
            or '\u2028' or '\u2029' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static void Append(StringBuilder to, char c)
    {
        if (!NeedsEscape(c))
        {
            to.Append(c);
        }
        else if (c <= '\u00FF')
        {
            to.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
        }
        else
        {
            to.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
    }
}
