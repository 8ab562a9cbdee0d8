using System.CommandLine;
using SpecMap.Cli.Demo;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap demo`: builds a small repository with a drifted mapping in a temp folder and validates it.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "Keep the demo repository and print where it is." };
        var command = new Command("demo", "Build a small repository whose mapping has drifted, in a temp folder, and validate it.");
        command.Options.Add(keep);
        command.SetAction(parse => Run(parse.GetValue(keep)));
        return command;
    }

    private static int Run(bool keep)
    {
        var root = Path.Combine(Path.GetTempPath(), "specmap-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            DemoRepository.Create(root);
            Console.Out.WriteLine($"specmap demo: built {root}");
            Console.Out.WriteLine("  commit 1: an example Responses API server and its SPEC_TO_CODE_MAPPING.json (all references true)");
            Console.Out.WriteLine("  commit 2: lines inserted in api_server.py, serving_responses.py moved to serving/responses.py,");
            Console.Out.WriteLine("            ResponseToolCallDeltaEvent.delta retyped to dict[str, list[...]] (the incident)");
            Console.Out.WriteLine();
            Console.Out.WriteLine($"$ specmap validate {DemoRepository.MappingPath}");
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(root);
            int exit;
            try
            {
                exit = ValidateCommand.Run(new ValidateOptions([DemoRepository.MappingPath], null, null, false, false, false, "text", null, false, null));
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
            Console.Out.WriteLine();
            Console.Out.WriteLine(exit == ExitCodes.ErrorsRemain
                ? "specmap found the drift above (exit code 1 in a real run). Try --diff or --fix in the demo repository (run with --keep)."
                : $"specmap finished with exit code {exit}.");
            DemoProbe.Run(Console.Out);
            if (keep)
            {
                Console.Out.WriteLine($"The demo repository is kept at {root}");
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
