using System.CommandLine;
using SpecMap.Core.Outline;
using SpecMap.Core.Output;
using SpecMap.Core.Sources;

namespace SpecMap.Cli.Commands;

/// <summary>`specmap outline FILE... [--format json]`: the declarations specmap sees, to write references with.</summary>
internal static class OutlineCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("file") { Arity = ArgumentArity.OneOrMore, Description = "Python, C# or Markdown files." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var command = new Command("outline", "Print the declarations (or Markdown headings) of source files with their line ranges.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parse => Run(context, parse.GetValue(files) ?? [], parse.GetValue(format) ?? "text"));
        return command;
    }

    private static int Run(CommandContext context, string[] files, string format)
    {
        if (format is not ("text" or "json"))
        {
            return context.Fail($"unknown --format '{format}': use text or json");
        }
        var outlines = new List<SourceOutline>();
        foreach (var file in files)
        {
            var full = context.FullPath(file);
            if (Directory.Exists(full))
            {
                return context.Fail($"{file}: is a directory; name files");
            }
            if (!File.Exists(full))
            {
                return context.Fail($"{file}: no such file");
            }
            var outliner = Outliners.Shared.For(file);
            if (outliner is null)
            {
                return context.Fail($"{file}: no outliner reads '{Path.GetExtension(file)}' files (Python, C# and Markdown are read)");
            }
            var bytes = File.ReadAllBytes(full);
            var source = SourceDecoding.Decode(file.Replace('\\', '/'), bytes, GitBlobId.Of(bytes));
            if (source.IsBinary)
            {
                return context.Fail($"{file}: is a binary file");
            }
            if (outliner.WhyNotOutlined(source.Text) is { } why)
            {
                return context.Fail($"{file}: not outlined, because {why}");
            }
            outlines.Add(outliner.Outline(source.Path, source.Text));
        }
        context.Out.Write(format == "json" ? OutlineFormatter.Json(outlines) : OutlineFormatter.Text(outlines));
        return ExitCodes.Clean;
    }
}
