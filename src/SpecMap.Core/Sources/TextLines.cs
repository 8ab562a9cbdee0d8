namespace SpecMap.Core.Sources;

/// <summary>Line handling shared by every reader: \n, \r\n and lone \r all end a line.</summary>
internal static class TextLines
{
    public static int Count(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var span = text.AsSpan();
        // Vectorised: every \n ends a line, and so does every \r not followed by \n (a \r\n is counted at its \n).
        var count = span.Count('\n');
        if (span.Contains('\r'))
        {
            count += span.Count('\r') - span.Count("\r\n");
        }
        var last = text[^1];
        return last is '\n' or '\r' ? count : count + 1;
    }

    /// <summary>The lines without their terminators (a final newline does not add an empty line).</summary>
    public static string[] Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }
        return [.. lines];
    }

    /// <summary>Where each line of <see cref="Split"/> starts in <paramref name="text"/>: line <c>i</c> is
    /// <c>Split(text)[i]</c> from <c>starts[i]</c> up to its terminator.</summary>
    public static int[] Starts(string text)
    {
        var starts = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            starts.Add(start);
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            if (end < 0)
            {
                break;
            }
            end += start;
            start = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }
        return [.. starts];
    }

    /// <summary>Strips a UTF-8 BOM that survived decoding.</summary>
    public static string WithoutBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
