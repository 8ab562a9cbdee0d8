using System.Diagnostics;
using SpecMap.Core.Validation;

namespace SpecMap.Cli.Terminal;

/// <summary>
/// One line on stderr that rewrites itself (`\r`) while the references are checked, at most ten times a second, and
/// is wiped when done: a long history walk shows it is alive, and nothing remains in the scrollback.
/// </summary>
internal sealed class ProgressLine(TextWriter stderr) : IProgress<ValidationProgress>, IDisposable
{
    private readonly Stopwatch _sinceLast = new();
    private int _width;

    public void Report(ValidationProgress value)
    {
        if (_sinceLast.IsRunning && _sinceLast.ElapsedMilliseconds < 100 && value.Done < value.Total)
        {
            return;
        }
        _sinceLast.Restart();
        var text = $"specmap: checking {TerminalSafeWriter.Escape(value.MappingPath)}: {value.Done} of {value.Total} references";
        stderr.Write("\r" + text.PadRight(_width));
        stderr.Flush();
        _width = Math.Max(_width, text.Length);
    }

    public void Dispose()
    {
        if (_width > 0)
        {
            stderr.Write("\r" + new string(' ', _width) + "\r");
            stderr.Flush();
        }
    }
}
