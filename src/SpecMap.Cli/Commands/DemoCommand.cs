using System.CommandLine;

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
        Console.Out.WriteLine("specmap demo: not built yet");
        return keep ? ExitCodes.Clean : ExitCodes.Clean;
    }
}
