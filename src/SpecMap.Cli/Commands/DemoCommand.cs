using System.CommandLine;
using SpecMap.Cli.Demo;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap demo`: builds a small repository with a drifted mapping in a temp folder and validates it.</summary>
internal static class DemoCommand
{
    public static Command Create(CommandContext context)
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the demo repository and print where it is." };
        var command = new Command("demo", "Build a small repository whose mapping has drifted, in a temp folder, and validate it.");
        command.Options.Add(keep);
        command.SetAction(parse => Run(context, parse.GetValue(keep)));
        return command;
    }

    private static int Run(CommandContext context, bool keep)
    {
        var root = Path.Combine(Path.GetTempPath(), "specmap-demo-" + Guid.NewGuid().ToString("N")[..8]);
        var output = context.Out;
        try
        {
            DemoRepository.Create(root);
            output.WriteLine($"specmap demo: built {root}");
            output.WriteLine("  commit 1: an example Responses API server and its SPEC_TO_CODE_MAPPING.json (all references true)");
            output.WriteLine("  commit 2: lines inserted in api_server.py, serving_responses.py moved to serving/responses.py,");
            output.WriteLine("            ResponseToolCallDeltaEvent.delta retyped to dict[str, list[...]] (the incident)");
            output.WriteLine();
            output.WriteLine($"$ specmap validate {DemoRepository.MappingPath}");
            // Validated as if run inside the demo repository: its folder is the working directory, the process's stays.
            var exit = ValidateCommand.Run(context with { WorkingDirectory = root },
                ValidateOptions.Default with { Mappings = [DemoRepository.MappingPath] });
            output.WriteLine();
            output.WriteLine(exit == ExitCodes.ErrorsRemain
                ? "specmap found the drift above (exit code 1 in a real run). " + (keep
                    ? "Try --diff or --fix in the demo repository (its path is below)."
                    : "Run 'specmap demo --keep' to keep the demo repository and try --diff or --fix in it.")
                : $"specmap finished with exit code {exit}.");
            DemoProbe.Run(output);
            if (keep)
            {
                output.WriteLine($"The demo repository is kept at {root}");
            }
            return exit == ExitCodes.BadInput ? exit : ExitCodes.Clean;
        }
        finally
        {
            if (!keep && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
