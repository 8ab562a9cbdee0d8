using System.CommandLine;
using SpecMap.Cli.Commands;

namespace SpecMap.Cli;

/// <summary>The whole command line as one function of its arguments, writers, working directory and environment.</summary>
internal static class SpecMapCli
{
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string workingDirectory,
        Func<string, string?>? environment = null)
    {
        stdout = new TerminalSafeWriter(stdout);
        stderr = new TerminalSafeWriter(stderr);
        var context = new CommandContext(stdout, stderr, workingDirectory, environment ?? (_ => null));
        var root = new RootCommand("specmap keeps spec-to-code mapping files honest: it checks every code and doc reference, "
            + "relocates what moved through git history, compares spec fields with model classes, and fixes the mapping.");
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(OutlineCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(SpecDiffCommand.Create(context));
        root.Subcommands.Add(ProbeCommand.Create(context));
        var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print the stack trace.", Recursive = true };
        root.Options.Add(verbose);

        // No response files: `--against @{-1}` is a revision, and a mapping must not make specmap read a named file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"specmap: {error.Message}");
            }
            stderr.WriteLine("Run 'specmap --help' for usage.");
            return ExitCodes.BadInput;
        }
        // Help and --version go to the given writers too.
        return CrashGuard.Run(
            () => parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }),
            stderr, parse.GetValue(verbose));
    }
}
