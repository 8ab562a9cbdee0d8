using System.CommandLine;
using SpecMap.Core.Outline;
using SpecMap.Core.Output;
using SpecMap.Core.Sources;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap outline FILE... [--format json]`: the declarations specmap sees, to write references with.</summary>
internal static class OutlineCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Python, C# or Markdown files." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("outline", "Print the declarations (or Markdown headings) of source files with their line ranges.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(string[] files, string format)
    {
        if (format is not ("text" or "json"))
        {
            return CommandOutput.Fail($"unknown --format '{format}': use text or json");
        }
        var outlines = new List<SourceOutline>();
        foreach (var file in files)
        {
            if (Directory.Exists(file))
            {
                return CommandOutput.Fail($"{file}: is a directory; name files");
            }
            if (!File.Exists(file))
            {
                return CommandOutput.Fail($"{file}: no such file");
            }
            var outliner = Outliners.Shared.For(file);
            if (outliner is null)
            {
                return CommandOutput.Fail($"{file}: no outliner reads '{Path.GetExtension(file)}' files (Python, C# and Markdown are read)");
            }
            var bytes = File.ReadAllBytes(file);
            var source = SourceDecoding.Decode(file.Replace('\\', '/'), bytes, GitBlobId.Of(bytes));
            if (source.IsBinary)
            {
                return CommandOutput.Fail($"{file}: is a binary file");
            }
            outlines.Add(outliner.Outline(source.Path, source.Text));
        }
        Console.Out.Write(format == "json" ? OutlineFormatter.Json(outlines) : OutlineFormatter.Text(outlines));
        return ExitCodes.Clean;
    }
}
