using System.Text;

namespace SpecMap.Cli.Terminal;

/// <summary>
/// The process's stdout and stderr as plain writers over file descriptors 1 and 2. Not <see cref="Console.Out"/>:
/// on Unix its first write initialises the console, which sends the terminal's keypad-transmit sequence
/// (`ESC[?1h ESC=`) before any output, even with NO_COLOR or for `--version`.
/// </summary>
internal static class ConsoleStreams
{
    private static readonly Lazy<TextWriter> s_out = new(() => Open(1));
    private static readonly Lazy<TextWriter> s_error = new(() => Open(2));

    public static TextWriter Out => s_out.Value;

    public static TextWriter Error => s_error.Value;

    /// <summary>The writer is the process's stdout (through any escaping wrapper) and stdout is a TTY.</summary>
    public static bool IsTerminalOut(TextWriter writer) =>
        s_out.IsValueCreated && ReferenceEquals(TerminalSafeWriter.Unwrap(writer), s_out.Value) && !Console.IsOutputRedirected;

    /// <summary>The writer is the process's stderr (through any escaping wrapper) and stderr is a TTY.</summary>
    public static bool IsTerminalError(TextWriter writer) =>
        s_error.IsValueCreated && ReferenceEquals(TerminalSafeWriter.Unwrap(writer), s_error.Value) && !Console.IsErrorRedirected;

    private static StreamWriter Open(int descriptor) =>
        new(new DescriptorStream(descriptor), new UTF8Encoding(false), bufferSize: 4096) { AutoFlush = true };
}
