using System.Text;

namespace SpecMap.Cli.Commands;

/// <summary>Writes a command's result to stdout or to `--output FILE` (atomically, so readers never see half a report).</summary>
internal static class CommandOutput
{
    public static void Write(string text, string? outputPath)
    {
        if (outputPath is null)
        {
            Console.Out.Write(text);
            Console.Out.Flush();
            return;
        }
        var full = Path.GetFullPath(outputPath);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>One line on stderr and exit 2: never a stack trace.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"specmap: {message}");
        return ExitCodes.BadInput;
    }
}
