using System.Collections.Immutable;
using System.CommandLine;
using SpecMap.Core.Config;
using SpecMap.Core.Fixes;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Outline;
using SpecMap.Core.Scaffold;
using SpecMap.Core.SpecChecks;
using SpecMap.Core.Sources;

namespace SpecMap.Cli.Commands;

/// <summary>
/// `specmap init [--spec FILE] [--filter PREFIX...] [--repo DIR] [-o FILE] [--update]`: a mapping scaffolded from the
/// OpenAPI document and the code (see <see cref="MappingScaffolder"/>). Without `-o` the mapping goes to stdout; `-o`
/// never overwrites a file; `--update` adds what the mapping at `-o` (default: SPEC_TO_CODE_MAPPING.json at the
/// repository root) lacks, format-preserving and atomically.
/// </summary>
internal static class InitCommand
{
    public const string DefaultMapping = "SPEC_TO_CODE_MAPPING.json";

    internal sealed record InitOptions(string? Spec, ImmutableArray<string> Filter, string? Repo, string? Output, bool Update);

    public static Command Create(CommandContext context)
    {
        var spec = new Option<string?>("--spec") { Description = "The OpenAPI document (YAML or JSON; default: the mapping's spec with --update, else .specmap.json's)." };
        var filter = new Option<string[]>("--filter")
        {
            Description = "Track only paths under this prefix, e.g. /responses (repeatable; default: the mapping's spec.paths, else the whole spec).",
            AllowMultipleArgumentsPerToken = false,
        };
        var repo = new Option<string?>("--repo") { Description = "The repository (default: the git top-level of the current directory)." };
        var output = new Option<string?>("--output", "-o") { Description = $"Write the mapping to this file (never over an existing one); with --update, the mapping to add to (default: {DefaultMapping})." };
        var update = new Option<bool>("--update") { Description = "Add the items the existing mapping lacks, leaving everything it has byte for byte." };
        // `specmap init --update map.json` reads as `validate map.json` does: the mapping may be named without -o.
        var mapping = new Argument<string?>("mapping")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The mapping to write, or with --update to add to (the same as -o).",
        };
        var command = new Command("init", "Scaffold a mapping from the OpenAPI document and the code: one item per endpoint, request parameter and stream event.");
        command.Arguments.Add(mapping);
        foreach (var option in new Option[] { spec, filter, repo, output, update })
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            var (named, written) = (parse.GetValue(mapping), parse.GetValue(output));
            if (named is not null && written is not null && named != written)
            {
                return context.Fail($"init: the mapping is named twice ('{named}' and -o '{written}'); give it once");
            }
            return Run(context, new InitOptions(parse.GetValue(spec), [.. parse.GetValue(filter) ?? []], parse.GetValue(repo), named ?? written, parse.GetValue(update)));
        });
        return command;
    }

    internal static int Run(CommandContext context, InitOptions options)
    {
        RepositorySession session;
        try
        {
            session = RepositorySession.Open(context.WorkingDirectory, options.Repo, null, staged: false, indexFile: null);
        }
        catch (ValidationSetupException e)
        {
            return context.Fail(e.Message);
        }
        using (session)
        {
            var root = session.Root;
            var output = options.Output is { } o ? context.FullPath(o) : options.Update ? Path.Combine(root, DefaultMapping) : null;
            if (output is not null && Directory.Exists(output))
            {
                return context.Fail($"{options.Output}: is a directory; name the mapping file");
            }
            MappingDocument? existing = null;
            if (options.Update)
            {
                if (!File.Exists(output))
                {
                    return context.Fail($"{Display(output!, context)}: no such mapping to update; run 'specmap init -o {Display(output!, context)}' to create one");
                }
                try
                {
                    existing = MappingLoader.Load(output!, Display(output!, context), _ => false);
                }
                catch (MappingReadException e) when (e.Location is { } at)
                {
                    return context.Fail($"{at.Path}:{at.Line}:{at.Column}: {e.Message}; nothing was changed");
                }
                catch (MappingReadException e)
                {
                    return context.Fail($"{e.Message}; nothing was changed");
                }
            }
            else if (output is not null && File.Exists(output))
            {
                return context.Fail($"{Display(output, context)}: exists; use --update to add what it lacks, or name another file");
            }

            var named = existing is null ? null : SpecSource.Find(existing, null, []);
            SpecMapConfig config;
            try
            {
                config = ConfigLoader.Load(null, root).Config;
            }
            catch (ValidationSetupException e)
            {
                return context.Fail(e.Message);
            }
            // A spec given here is read from the working directory; one named by the mapping or the config, from the root.
            var (location, baseFolder) = options.Spec is { } given ? (given, context.WorkingDirectory)
                : named is not null ? (named.Location, root)
                : config.SpecOpenApi is { } configured ? (configured, root)
                : (null, root);
            if (location is null)
            {
                return context.Fail("no spec: name the OpenAPI document with --spec FILE (or in .specmap.json's spec.openapi)");
            }
            OpenApiSpec spec;
            string specLocation;
            try
            {
                var document = SpecDocumentLocation.Read(location, baseFolder);
                spec = OpenApiLoader.Load(document.Content, document.Name, SpecDocumentLocation.DefaultCacheFolder(root), document.BlobId);
                specLocation = MappingPath(Path.GetFullPath(location, baseFolder), root, location);
            }
            catch (OpenApiReadException e)
            {
                return context.Fail(e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return context.Fail($"{location}: {e.Message}");
            }
            var paths = !options.Filter.IsDefaultOrEmpty ? options.Filter
                : named is not null && !named.Paths.IsDefaultOrEmpty ? named.Paths
                : options.Spec is null && !config.SpecPaths.IsDefaultOrEmpty ? config.SpecPaths
                : [];
            if (SpecChecker.Tracked(spec, paths).Count == 0)
            {
                return context.Fail($"--filter {string.Join(", ", paths)}: no path of {location} is under it (its paths: {string.Join(", ", spec.Endpoints.Select(e => e.Path).Distinct().Take(5))}{(spec.Endpoints.Length > 5 ? ", ..." : string.Empty)})");
            }

            using var outliners = new Outliners();
            var scaffold = MappingScaffolder.Build(new ScaffoldRequest(session.Target, outliners, spec, specLocation, paths));
            try
            {
                return existing is null ? WriteNew(context, scaffold, output) : Update(context, existing, scaffold, spec, output!, addSpec: named is null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnparsableWriteException or ChangedMeanwhileException)
            {
                return context.Fail($"{Display(output!, context)}: {e.Message}; nothing was changed");
            }
        }
    }

    private static int WriteNew(CommandContext context, MappingScaffold scaffold, string? output)
    {
        var text = ScaffoldJson.Document(scaffold);
        if (output is null)
        {
            context.Out.Write(text);
            context.Out.Flush();
        }
        else
        {
            CreateAtomically(output, text);
        }
        Note(context, $"{Counts(scaffold.Items)}{(output is null ? string.Empty : $" written to {Display(output, context)}")}");
        return ExitCodes.Clean;
    }

    /// <summary>A new file written whole or not at all: a temp file in the same folder, flushed, then moved to a name that must
    /// still be free (a file created meanwhile is never overwritten). The text is read back as JSON first.</summary>
    private static void CreateAtomically(string path, string text)
    {
        JsonTreeReader.Parse(text);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.specmap-{Guid.NewGuid().ToString("N")[..8]}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static int Update(CommandContext context, MappingDocument existing, MappingScaffold scaffold, OpenApiSpec spec, string output, bool addSpec)
    {
        var (text, added) = ScaffoldUpdate.Apply(existing, scaffold, spec, addSpec);
        if (text == existing.Text)
        {
            Note(context, $"{Display(output, context)}: nothing to add (every item of the tracked spec is mapped)");
            return ExitCodes.Clean;
        }
        AtomicFile.Write(output, text, expectedContent: existing.Text);
        Note(context, $"{Display(output, context)}: added {Counts(added)}");
        return ExitCodes.Clean;
    }

    private static void Note(CommandContext context, string message)
    {
        if (!context.Style.Quiet)
        {
            context.Error.WriteLine($"specmap: {message}");
        }
    }

    /// <summary>`21 items (17 with code: 15 by type literal, ...; 4 not found)`.</summary>
    private static string Counts(IReadOnlyCollection<ScaffoldItem> items)
    {
        var found = items.Where(i => i.Confidence != ScaffoldConfidence.None).GroupBy(i => i.Confidence).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} by {g.Key}");
        var missing = items.Count(i => i.Confidence == ScaffoldConfidence.None);
        return $"{items.Count} item{(items.Count == 1 ? string.Empty : "s")} ({string.Join(", ", found.Append($"{missing} not found"))})";
    }

    /// <summary>The spec as the mapping names it: repository-relative with `/` when inside the repository, else the full path.</summary>
    private static string MappingPath(string full, string root, string written)
    {
        if (!File.Exists(full))
        {
            return written;
        }
        var relative = Path.GetRelativePath(root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative.Replace('\\', '/');
    }

    private static string Display(string full, CommandContext context)
    {
        var relative = Path.GetRelativePath(context.WorkingDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) ? full : relative.Replace('\\', '/');
    }
}
