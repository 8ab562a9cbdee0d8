namespace SpecMap.Cli.Terminal;

/// <summary>
/// How a command may decorate what a person reads, decided once after parsing: colour on stdout (text format only),
/// a progress line on stderr, and how much to say. Machine formats never see any of it.
/// </summary>
/// <param name="Colour">ANSI colour in the text report on stdout.</param>
/// <param name="Progress">A progress line on stderr while the references are checked (stderr is a terminal, not --quiet).</param>
/// <param name="Quiet">`-q`: no progress and no notes on stderr; the report and errors only.</param>
internal sealed record OutputStyle(bool Colour, bool Progress, bool Quiet)
{
    public static OutputStyle Plain { get; } = new(false, false, false);

    /// <param name="colour">`--color`: auto, always or never (`--no-color` is never).</param>
    public static OutputStyle Decide(string colour, bool quiet, TerminalFacts terminal, Func<string, string?> environment)
    {
        // NO_COLOR (https://no-color.org) and TERM=dumb turn colour off unless asked for on the command line.
        var plainTerminal = environment("NO_COLOR") is { Length: > 0 } || environment("TERM") == "dumb";
        var useColour = colour switch
        {
            "always" => true,
            "never" => false,
            _ => terminal.OutIsTerminal && !plainTerminal,
        };
        return new OutputStyle(useColour, terminal.ErrorIsTerminal && !quiet, quiet);
    }
}
