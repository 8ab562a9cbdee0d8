using System.Globalization;
using System.Text;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Renders applied edits as a unified diff `git apply` accepts: `a/PATH b/PATH`, 3 lines of context, line endings
/// kept inside the lines (CRLF files diff as CRLF), and "\ No newline at end of file" where the file ends without one.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <param name="path">The repository-relative path, '/' separated.</param>
    /// <param name="edits">Sorted, non-overlapping edits of <paramref name="oldText"/>.</param>
    public static string Render(string path, string oldText, IReadOnlyList<MappingEdit> edits)
    {
        if (edits.Count == 0)
        {
            return string.Empty;
        }
        var oldLines = SplitLines(oldText);
        var starts = new int[oldLines.Count + 1];
        for (var i = 0; i < oldLines.Count; i++)
        {
            starts[i + 1] = starts[i] + oldLines[i].Length;
        }
        var blocks = Blocks(edits, starts, oldLines.Count);
        var output = new StringBuilder();
        output.Append("diff --git a/").Append(path).Append(" b/").Append(path).Append('\n')
            .Append("--- a/").Append(path).Append('\n')
            .Append("+++ b/").Append(path).Append('\n');
        var delta = 0;
        var b = 0;
        while (b < blocks.Count)
        {
            // A hunk holds the blocks whose context would touch.
            var last = b;
            while (last + 1 < blocks.Count && blocks[last + 1].FirstLine - blocks[last].LastLine - 1 <= 2 * Context)
            {
                last++;
            }
            var from = Math.Max(0, blocks[b].FirstLine - Context);
            var to = Math.Min(oldLines.Count - 1, blocks[last].LastLine + Context);
            var body = new StringBuilder();
            int oldCount = 0, newCount = 0, hunkDelta = 0;
            var line = from;
            for (var k = b; k <= last; k++)
            {
                var block = blocks[k];
                for (; line < block.FirstLine; line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', oldLines[line]);
                }
                var blockOld = oldText[starts[block.FirstLine]..starts[block.LastLine + 1]];
                var shifted = block.Edits.Select(e => e with { Offset = e.Offset - starts[block.FirstLine] }).ToList();
                var newLines = SplitLines(MappingFixer.Apply(blockOld, shifted));
                // An edit at a line's end (a key inserted after `"$schema": …,`) leaves that line as it was: the lines
                // old and new share at the block's start and end are context, not removed and added again.
                var oldBlockCount = block.LastLine - block.FirstLine + 1;
                var same = 0;
                while (same < oldBlockCount && same < newLines.Count && oldLines[line + same] == newLines[same])
                {
                    same++;
                }
                var sameAtEnd = 0;
                while (sameAtEnd < oldBlockCount - same && sameAtEnd < newLines.Count - same
                    && oldLines[block.LastLine - sameAtEnd] == newLines[^(sameAtEnd + 1)])
                {
                    sameAtEnd++;
                }
                for (var kept = 0; kept < same; kept++, line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', oldLines[line]);
                }
                for (; line <= block.LastLine - sameAtEnd; line++, oldCount++)
                {
                    AppendLine(body, '-', oldLines[line]);
                }
                foreach (var added in newLines.Skip(same).Take(newLines.Count - same - sameAtEnd))
                {
                    AppendLine(body, '+', added);
                    newCount++;
                }
                for (; line <= block.LastLine; line++, oldCount++, newCount++)
                {
                    AppendLine(body, ' ', oldLines[line]);
                }
                hunkDelta += newLines.Count - (block.LastLine - block.FirstLine + 1);
            }
            for (; line <= to; line++, oldCount++, newCount++)
            {
                AppendLine(body, ' ', oldLines[line]);
            }
            output.Append("@@ -").Append(Range(from + 1, oldCount)).Append(" +").Append(Range(from + 1 + delta, newCount)).Append(" @@\n")
                .Append(body);
            delta += hunkDelta;
            b = last + 1;
        }
        return output.ToString();
    }

    private sealed record Block(int FirstLine, int LastLine, List<MappingEdit> Edits);

    /// <summary>Groups edits by the old lines they touch; edits on one line (or on touching lines) form one block.</summary>
    private static List<Block> Blocks(IReadOnlyList<MappingEdit> edits, int[] starts, int lineCount)
    {
        var blocks = new List<Block>();
        foreach (var edit in edits)
        {
            var first = LineOf(starts, lineCount, edit.Offset);
            var last = edit.Length == 0 ? first : LineOf(starts, lineCount, edit.Offset + edit.Length - 1);
            if (blocks.Count > 0 && first <= blocks[^1].LastLine)
            {
                var previous = blocks[^1];
                previous.Edits.Add(edit);
                blocks[^1] = previous with { LastLine = Math.Max(previous.LastLine, last) };
            }
            else
            {
                blocks.Add(new Block(first, last, [edit]));
            }
        }
        return blocks;
    }

    private static int LineOf(int[] starts, int lineCount, int offset)
    {
        var index = Array.BinarySearch(starts, 0, lineCount, offset);
        var line = index >= 0 ? index : ~index - 1;
        return Math.Clamp(line, 0, Math.Max(lineCount - 1, 0));
    }

    /// <summary>Lines with their terminators; git ends lines at '\n' only, so a '\r' stays part of the line.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    private static void AppendLine(StringBuilder body, char marker, string line)
    {
        body.Append(marker).Append(line);
        if (!line.EndsWith('\n'))
        {
            body.Append("\n\\ No newline at end of file\n");
        }
    }

    private static string Range(int start, int count) => count == 1
        ? start.ToString(CultureInfo.InvariantCulture)
        : $"{(count == 0 ? start - 1 : start).ToString(CultureInfo.InvariantCulture)},{count.ToString(CultureInfo.InvariantCulture)}";
}
