using System.CommandLine;
using SpecMap.Cli;
using SpecMap.Cli.Commands;

// Thin entry point: build the command tree, map parse errors to exit 2, dispatch.
var root = new RootCommand("specmap keeps spec-to-code mapping files honest: it checks every code and doc reference, "
    + "relocates what moved through git history, compares spec fields with model classes, and fixes the mapping.");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(OutlineCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ProbeCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"specmap: {error.Message}");
    }
    Console.Error.WriteLine("Run 'specmap --help' for usage.");
    return ExitCodes.BadInput;
}
return parse.Invoke();
