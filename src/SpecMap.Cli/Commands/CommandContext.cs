using System.Text;
using SpecMap.Cli.Terminal;

namespace SpecMap.Cli.Commands;

/// <summary>
/// What a command may touch of the outside world: its two writers, the folder relative paths are read from, and the
/// environment. Given to every command, so tests run whole command lines in-process and nothing changes the process's
/// current directory.
/// </summary>
/// <param name="Environment">Reads an environment variable (null when unset).</param>
internal sealed record CommandContext(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<string, string?> Environment)
{
    /// <summary>Colour, progress and quiet, decided once the command line is parsed; plain until then.</summary>
    public OutputStyle Style { get; set; } = OutputStyle.Plain;

    /// <summary>stdout under the escaping <see cref="Out"/>: for text already escaped that carries the CLI's own colour codes.</summary>
    public TextWriter RawOut { get; init; } = TerminalSafeWriter.Unwrap(Out);

    /// <summary>stderr under the escaping <see cref="Error"/>: for the progress line, which rewrites itself with `\r`.</summary>
    public TextWriter RawError { get; init; } = TerminalSafeWriter.Unwrap(Error);

    /// <summary>A path as the user wrote it, made absolute against the working directory.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Writes a command's result to stdout or to `--output FILE` (atomically, so readers never see half a report).</summary>
    public void Write(string text, string? outputPath)
    {
        if (outputPath is null)
        {
            Out.Write(text);
            Out.Flush();
            return;
        }
        var full = FullPath(outputPath);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            // Files get what a terminal gets: no raw control characters in a Markdown or text report either.
            File.WriteAllText(temp, TerminalSafeWriter.Escape(text), new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Why `--output PATH` cannot be written (a directory, say), checked before any work; null when it can.</summary>
    public string? OutputProblem(string? outputPath) =>
        outputPath is null ? null
        : outputPath.Length == 0 ? "--output: the path is empty; name a file"
        : Directory.Exists(FullPath(outputPath)) ? $"--output: '{outputPath}' is a directory; name a file to write the report to"
        : null;

    /// <summary>One line on stderr and exit 2: never a stack trace.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"specmap: {message}");
        return ExitCodes.BadInput;
    }
}
