using System.Collections.Immutable;
using System.Text;

namespace SpecMap.Core.Contracts.Python;

/// <summary>One logical Python line: continuation lines joined, comments dropped, strings kept as written.</summary>
/// <param name="Indent">Columns of leading whitespace of its first physical line (a tab advances to the next multiple of 8).</param>
internal sealed record PythonLine(int Indent, string Text, int StartLine, int EndLine);

/// <summary>
/// Splits Python source into logical lines the way the tokenizer does (brackets and backslashes continue a line,
/// strings may span lines), enough to find class bodies and field statements without a full parser.
/// </summary>
internal static class PythonLines
{
    public static ImmutableArray<PythonLine> Read(string source)
    {
        var lines = ImmutableArray.CreateBuilder<PythonLine>();
        var text = new StringBuilder();
        var line = 1;
        var start = 1;
        var depth = 0;
        var indent = 0;
        var atLineStart = true;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (atLineStart)
            {
                indent = 0;
                while (i < source.Length && source[i] is ' ' or '\t' or '\f')
                {
                    indent = source[i] == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
                    i++;
                }
                atLineStart = false;
                start = line;
                continue;
            }
            switch (c)
            {
                case '#':
                    while (i < source.Length && source[i] != '\n' && source[i] != '\r')
                    {
                        i++;
                    }
                    continue;
                case '\\' when i + 1 < source.Length && source[i + 1] is '\n' or '\r':
                    i += source[i + 1] == '\r' && i + 2 < source.Length && source[i + 2] == '\n' ? 3 : 2;
                    line++;
                    text.Append(' ');
                    continue;
                case '\n' or '\r':
                    i += c == '\r' && i + 1 < source.Length && source[i + 1] == '\n' ? 2 : 1;
                    if (depth > 0)
                    {
                        line++;
                        text.Append(' ');
                        continue;
                    }
                    Emit(lines, text, indent, start, line);
                    line++;
                    atLineStart = true;
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"' or '\'':
                    i = ReadString(source, i, text, ref line);
                    continue;
            }
            text.Append(c);
            i++;
        }
        Emit(lines, text, indent, start, line);
        return lines.ToImmutable();
    }

    /// <summary>Copies a string literal (any quote style) into <paramref name="text"/>; returns the index after it.</summary>
    private static int ReadString(string source, int i, StringBuilder text, ref int line)
    {
        var quote = source[i];
        var triple = i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote;
        var width = triple ? 3 : 1;
        text.Append(source, i, width);
        i += width;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                text.Append(c).Append(source[i + 1]);
                line += source[i + 1] == '\n' ? 1 : 0;
                i += 2;
                continue;
            }
            if (c == quote && (!triple || (i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote)))
            {
                text.Append(source, i, width);
                return i + width;
            }
            if (c == '\n')
            {
                if (!triple)
                {
                    // An unterminated single-quoted string ends at the line's end (a syntax error; keep going).
                    return i;
                }
                line++;
            }
            text.Append(c);
            i++;
        }
        return i;
    }

    private static void Emit(ImmutableArray<PythonLine>.Builder lines, StringBuilder text, int indent, int start, int end)
    {
        var value = text.ToString().Trim();
        text.Clear();
        if (value.Length > 0)
        {
            lines.Add(new PythonLine(indent, value, start, end));
        }
    }
}
