using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Outline.Python;

namespace SpecMap.Core.Contracts.Python;

/// <summary>One logical Python line: continuation lines joined, comments dropped, strings kept as written.</summary>
/// <param name="Indent">Columns of leading whitespace of its first physical line (a tab advances to the next multiple of 8).</param>
internal sealed record PythonLine(int Indent, string Text, int StartLine, int EndLine);

/// <summary>
/// Splits Python source into logical lines with the outliner's tokenizer (so every string form, f-strings with nested
/// quotes included, continues a line exactly as CPython does), enough to find class bodies and field statements.
/// </summary>
internal static class PythonLines
{
    public static ImmutableArray<PythonLine> Read(string source)
    {
        var lines = ImmutableArray.CreateBuilder<PythonLine>();
        var text = new StringBuilder();
        PythonToken? first = null;
        var previousEnd = -1;
        var endLine = 0;
        foreach (var token in PythonTokenizer.Tokenize(source))
        {
            if (token.IsSignificant)
            {
                // Whatever stood between two tokens (blanks, a comment, a line break inside brackets) reads as one blank.
                if (first is null)
                {
                    first = token;
                }
                else if (token.Offset > previousEnd)
                {
                    text.Append(' ');
                }
                text.Append(source, token.Offset, token.Length);
                previousEnd = token.Offset + token.Length;
                endLine = token.EndLine;
            }
            else if (token.Kind is PythonTokenKind.Newline or PythonTokenKind.EndMarker && first is { } start)
            {
                lines.Add(new PythonLine(Column(source, start.Offset), text.ToString(), start.Line, endLine));
                text.Clear();
                first = null;
            }
        }
        if (first is { } last)
        {
            lines.Add(new PythonLine(Column(source, last.Offset), text.ToString(), last.Line, endLine));
        }
        return lines.ToImmutable();
    }

    /// <summary>The column of an offset on its physical line, tabs advancing to the next multiple of 8.</summary>
    private static int Column(string source, int offset)
    {
        var lineStart = offset;
        while (lineStart > 0 && source[lineStart - 1] is not ('\n' or '\r'))
        {
            lineStart--;
        }
        var column = 0;
        for (var i = lineStart; i < offset; i++)
        {
            column = source[i] switch
            {
                '\t' => (column / 8 + 1) * 8,
                '\uFEFF' => column,
                _ => column + 1,
            };
        }
        return column;
    }
}
