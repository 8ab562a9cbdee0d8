namespace SpecMap.Cli.Terminal;

/// <summary>Whether stdout and stderr are a person's terminal (a TTY); tests pass true to stand in for one.</summary>
internal sealed record TerminalFacts(bool OutIsTerminal, bool ErrorIsTerminal)
{
    public static TerminalFacts None { get; } = new(false, false);

    /// <summary>The process's own streams (isatty, no console initialisation).</summary>
    public static TerminalFacts OfProcess() => new(!Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
