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
    public void Write(string text, string? outputPath) => Write(writer => writer.Write(text), outputPath);

    /// <summary>As <see cref="Write(string, string?)"/>, for a result written piece by piece (a large report streams).</summary>
    public void Write(Action<TextWriter> write, string? outputPath)
    {
        if (outputPath is null)
        {
            write(Out);
            Out.Flush();
            return;
        }
        var full = FullPath(outputPath);
        if (IsStreamTarget(full))
        {
            // `-o /dev/null`, `-o /dev/stdout` or a FIFO: write into it. A rename over it would replace the device or
            // pipe with a regular file (as root, /dev/null itself).
            WriteFile(full, FileMode.Open, FileShare.ReadWrite, write);
            return;
        }
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteFile(temp, FileMode.CreateNew, FileShare.None, write);
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

    /// <summary>Files get what a terminal gets: no raw control characters in a Markdown or text report either.</summary>
    private static void WriteFile(string path, FileMode mode, FileShare share, Action<TextWriter> write)
    {
        using var stream = new FileStream(path, mode, FileAccess.Write, share);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        using var safe = new TerminalSafeWriter(writer);
        write(safe);
        safe.Flush();
    }

    /// <summary>
    /// True for an existing path that stat reports with no content: a device, FIFO or socket (or an empty file, for which
    /// writing in place loses nothing). .NET shows no file type on Unix; size 0 is what BoundedFileRead relies on too.
    /// </summary>
    private static bool IsStreamTarget(string full)
    {
        var info = new FileInfo(full);
        return info.Exists && info.Length == 0;
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
