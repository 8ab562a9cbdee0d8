using System.Globalization;
using System.Text;

namespace SpecMap.Core.Output;

/// <summary>
/// Text made safe for an HTML page: markup characters become entities, and what a reader could not see or that would
/// reorder the line (control characters, bidirectional overrides, lone surrogates) is shown as a `\u` escape, so a hostile
/// mapping or stream string neither runs nor hides. Line feeds and tabs stay (the listings are `pre`).
/// </summary>
internal static class HtmlText
{
    /// <param name="markup">False where no tag may stand (`title`, attribute values): the escape is then plain text.</param>
    public static string Escape(string text, bool markup = true)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\t' => null,
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => null,
                _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]) => null,
                _ when char.IsControl(c) || char.IsSurrogate(c) || IsInvisibleFormat(c) => Visible(c, markup),
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }
            escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
            escaped.Append(replacement);
        }
        return escaped?.ToString() ?? text;
    }

    /// <summary>Bidirectional embeddings, overrides and isolates, and the zero-width characters that hide text.</summary>
    private static bool IsInvisibleFormat(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or >= '\u200B' and <= '\u200F' or '\u2028' or '\u2029' or '\uFEFF';

    private static string Visible(char c, bool markup)
    {
        var code = "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return markup ? "<span class=\"ctl\">" + code + "</span>" : code;
    }
}
