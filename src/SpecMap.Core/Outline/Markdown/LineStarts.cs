using SpecMap.Core.Json;

namespace SpecMap.Core.Outline.Markdown;

/// <summary>The lines of a Markdown text (`\n`, `\r\n` and a lone `\r` end a line, as in CommonMark), over the shared <see cref="LineTable"/>.</summary>
internal sealed class LineStarts
{
    private readonly LineTable _table;

    private LineStarts(LineTable table, int count)
    {
        _table = table;
        Count = count;
    }

    /// <summary>Number of lines; a final line break does not start another line.</summary>
    public int Count { get; }

    public static LineStarts Of(string text)
    {
        var table = new LineTable(text);
        var count = table.StartOf(table.StartCount) == text.Length ? table.StartCount - 1 : table.StartCount;
        return new LineStarts(table, count);
    }

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset) => _table.Position(offset).Line;

    /// <summary>The text of 1-based <paramref name="line"/> without its line break.</summary>
    public ReadOnlySpan<char> Line(string text, int line)
    {
        var start = _table.StartOf(line);
        var end = line < _table.StartCount ? _table.StartOf(line + 1) : text.Length;
        while (end > start && text[end - 1] is '\n' or '\r')
        {
            end--;
        }
        return text.AsSpan(start, end - start);
    }

    /// <summary>The last line before <paramref name="before"/> that is not blank, but not below <paramref name="floor"/>.</summary>
    public int LastNonBlankBefore(string text, int before, int floor)
    {
        var line = Math.Min(before - 1, Count);
        while (line > floor && Line(text, line).IsWhiteSpace())
        {
            line--;
        }
        return line;
    }
}
