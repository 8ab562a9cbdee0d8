namespace SpecMap.Core.Json;

/// <summary>Turns char offsets into 1-based line and column; the one place 0-based becomes 1-based.</summary>
internal sealed class LineTable
{
    private readonly int[] _lineStarts;

    public LineTable(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }
        _lineStarts = [.. starts];
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>Number of line starts: the lines of the text, plus one when it ends with a line break.</summary>
    public int StartCount => _lineStarts.Length;

    /// <summary>The char offset where 1-based <paramref name="line"/> begins.</summary>
    public int StartOf(int line) => _lineStarts[line - 1];
}
