using System.CommandLine;
using SpecMap.Cli.Commands;
using SpecMap.Cli.Help;
using SpecMap.Cli.Terminal;

namespace SpecMap.Cli;

/// <summary>The whole command line as one function of its arguments, writers, working directory and environment.</summary>
internal static class SpecMapCli
{
    /// <param name="terminal">Whether stdout and stderr are a TTY (default: neither, as for pipes and tests).</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory,
        Func<string, string?>? environment = null, TerminalFacts? terminal = null)
    {
        stdout = new TerminalSafeWriter(stdout);
        stderr = new TerminalSafeWriter(stderr);
        var context = new CommandContext(stdout, stderr, workingDirectory, environment ?? (_ => null));
        var root = new RootCommand("specmap keeps spec-to-code mapping files honest: it checks every code and doc reference, "
            + "relocates what moved through git history, compares spec fields with model classes, and fixes the mapping.");
        // The usage lines say `specmap`, not the host's name (`dotnet specmap.dll`, testhost in tests).
        root.HelpName = "specmap";
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(OutlineCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(SpecDiffCommand.Create(context));
        root.Subcommands.Add(ProbeCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Say more; on an internal error, print the stack trace.", Recursive = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no notes on stderr: the report and errors only.", Recursive = true };
        var colour = new Option<string>("--color")
        {
            Description = "Colour the text report: auto (a terminal, no NO_COLOR), always or never.",
            DefaultValueFactory = _ => "auto",
            Recursive = true,
        };
        colour.AcceptOnlyFromAmong("auto", "always", "never");
        var noColour = new Option<bool>("--no-color") { Description = "Never colour (as --color never).", Recursive = true };
        foreach (var option in new Option[] { verbose, quiet, colour, noColour })
        {
            root.Options.Add(option);
        }
        CommandHelp.Configure(root);

        // A bare `specmap` is a usage error, as in ruff (exit 2): the help goes to stderr, so `specmap $EMPTY` in a
        // script fails instead of passing with a page of help on stdout.
        if (args.Count == 0)
        {
            root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
            return ExitCodes.BadInput;
        }

        // No response files: `--against @{-1}` is a revision, and a mapping must not make specmap read a named file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var usage = $"Run '{CommandHelp.PathOf(parse.CommandResult.Command, root)} --help' for usage.";
        if (Suggestions.UnknownToken(parse, root) is { } unknown)
        {
            stderr.WriteLine($"specmap: {unknown}");
            stderr.WriteLine(usage);
            return ExitCodes.BadInput;
        }
        // A help page is shown even when the command's required arguments are missing (`outline --help`).
        if (parse.Errors.Count > 0 && parse.Action is not CommandHelp.HelpWithSections)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"specmap: {error.Message}");
            }
            stderr.WriteLine(usage);
            return ExitCodes.BadInput;
        }
        context.Style = OutputStyle.Decide(parse.GetValue(noColour) ? "never" : parse.GetValue(colour) ?? "auto", parse.GetValue(quiet),
            terminal ?? TerminalFacts.None, context.Environment);
        // Help and --version go to the given writers too.
        return CrashGuard.Run(
            () => parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }),
            stderr, parse.GetValue(verbose));
    }
}
