using System.Collections.Immutable;
using System.CommandLine;
using SpecMap.Core.OpenApi;

namespace SpecMap.Cli.Commands;

/// <summary>
/// `specmap spec-diff OLD NEW [--events a,b] [--endpoints "POST /responses"] [--format text|json]`: the field-level
/// changes between two versions of an OpenAPI document for the stream events (default: every event of
/// `POST /responses`) and the request bodies named. OLD and NEW are file paths or `REV:path` in the current repository.
/// </summary>
internal static class SpecDiffCommand
{
    /// <summary>What one run needs; <see cref="Run(SpecDiffOptions, TextWriter, TextWriter)"/> takes it so tests run it in-process.</summary>
    internal sealed record SpecDiffOptions(string Old, string New, ImmutableArray<string> Events, ImmutableArray<string> Endpoints, string Format, string WorkingDirectory, string? CacheFolder);

    public static Command Create(CommandContext context)
    {
        var older = new Argument<string>("old") { Description = "The older document: a path, or REV:path in the current git repository." };
        var newer = new Argument<string>("new") { Description = "The newer document, the same way." };
        var events = new Option<string?>("--events") { Description = "Comma-separated event names to compare (default: every stream event of POST /responses)." };
        var endpoints = new Option<string?>("--endpoints") { Description = "Comma-separated endpoints whose request bodies to compare, e.g. \"POST /responses\"." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cache = new Option<string?>("--cache") { Description = "Folder for parsed-document caches (default: specmap/cache in the git folder, when there is one)." };
        var command = new Command("spec-diff", "Print the field-level differences between two versions of an OpenAPI document for the mapped items.");
        command.Arguments.Add(older);
        command.Arguments.Add(newer);
        command.Options.Add(events);
        command.Options.Add(endpoints);
        command.Options.Add(format);
        command.Options.Add(cache);
        command.SetAction(parse => Run(
            new SpecDiffOptions(parse.GetValue(older)!, parse.GetValue(newer)!, List(parse.GetValue(events)), List(parse.GetValue(endpoints)),
                parse.GetValue(format)!, context.WorkingDirectory, parse.GetValue(cache)),
            context.Out, context.Error));
        return command;
    }

    /// <summary>Parses <paramref name="args"/> (without the command name) and runs in <paramref name="workingDirectory"/>; parse errors exit 2.</summary>
    internal static int Run(string[] args, string workingDirectory, TextWriter stdout, TextWriter stderr) =>
        SpecMapCli.Run(["spec-diff", .. args], stdout, stderr, workingDirectory);

    internal static int Run(SpecDiffOptions options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var cache = options.CacheFolder is { } folder ? Path.GetFullPath(folder, options.WorkingDirectory) : SpecDocumentLocation.DefaultCacheFolder(options.WorkingDirectory);
            var older = Load(options.Old, options.WorkingDirectory, cache);
            var newer = Load(options.New, options.WorkingDirectory, cache);
            var result = SpecDiff.Compare(older, newer, new SpecDiffScope(options.Events, options.Endpoints));
            stdout.Write(options.Format == "json"
                ? SpecDiffFormatter.Json(result, options.Old, options.New)
                : SpecDiffFormatter.Text(result, options.Old, options.New));
            stdout.Flush();
            return ExitCodes.Clean;
        }
        catch (OpenApiReadException e)
        {
            stderr.WriteLine($"specmap: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"specmap: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    private static OpenApiSpec Load(string location, string workingDirectory, string? cache)
    {
        var document = SpecDocumentLocation.Read(location, workingDirectory);
        return OpenApiLoader.Load(document.Content, document.Name, cache, document.BlobId);
    }

    private static ImmutableArray<string> List(string? commaSeparated) =>
        commaSeparated is null ? [] : [.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
