namespace SpecMap.Core.Outline.Markdown;

/// <summary>Character offsets where each line begins (`\n`, `\r\n` and a lone `\r` end a line, as in CommonMark).</summary>
internal sealed class LineStarts
{
    private readonly int[] _starts;

    private LineStarts(int[] starts) => _starts = starts;

    /// <summary>Number of lines; a final line break does not start another line.</summary>
    public int Count { get; private init; }

    public static LineStarts Of(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            if (text[i] is '\n' or '\r')
            {
                starts.Add(i + 1);
            }
        }
        var count = starts[^1] == text.Length ? starts.Count - 1 : starts.Count;
        return new LineStarts([.. starts]) { Count = count };
    }

    /// <summary>The 1-based line holding the character at <paramref name="offset"/>.</summary>
    public int LineOf(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    /// <summary>The text of 1-based <paramref name="line"/> without its line break.</summary>
    public ReadOnlySpan<char> Line(string text, int line)
    {
        var start = _starts[line - 1];
        var end = line < _starts.Length ? _starts[line] : text.Length;
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
