using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Config;

/// <summary>
/// Reads `.specmap.json` (contract §6; keys in docs/configuration.md). JSON with comments is allowed. Unknown keys, unknown
/// diagnostic IDs and bad values are reported as SMV0004 located in the file and the setting falls back to its default;
/// a file that is not JSON, or a missing `--config` file, stops the run (<see cref="ValidationSetupException"/>).
/// </summary>
internal static class ConfigLoader
{
    public const string FileName = ".specmap.json";

    private static readonly string[] TopLevelKeys = ["$schema", "mappings", "severity", "rename_confidence_threshold", "spec"];
    private static readonly string[] SpecKeys = ["heading_level", "docs_root", "doc_glob", "openapi", "paths"];

    /// <param name="explicitPath">`--config FILE` (full path), or null for <see cref="FileName"/> at the repository root.</param>
    /// <returns>The configuration and diagnostics about it (unknown keys or IDs), located in the config file.</returns>
    /// <exception cref="ValidationSetupException">The named file is missing, or the file is not a JSON object.</exception>
    public static (SpecMapConfig Config, ImmutableArray<Diagnostic> Diagnostics) Load(string? explicitPath, string repositoryRoot)
    {
        var path = explicitPath ?? Path.Combine(repositoryRoot, FileName);
        var display = DisplayPath(path, repositoryRoot);
        if (!File.Exists(path))
        {
            return explicitPath is null
                ? (SpecMapConfig.Default, [])
                : throw new ValidationSetupException($"--config: '{explicitPath}' does not exist");
        }
        // Bounded: a FIFO or device is never opened, a giant file not read (Sources/BoundedFileRead).
        var (bytes, problem) = Sources.BoundedFileRead.Read(path);
        if (problem is not null || bytes is null)
        {
            throw new ValidationSetupException($"{display}: {problem?.Reason ?? "cannot be read"}");
        }
        return Parse(Sources.TextLines.WithoutBom(new UTF8Encoding(false).GetString(bytes)), display);
    }

    /// <summary>Reads configuration text; <paramref name="displayPath"/> names the file in diagnostics.</summary>
    /// <exception cref="ValidationSetupException">The text is not JSON or not an object.</exception>
    public static (SpecMapConfig Config, ImmutableArray<Diagnostic> Diagnostics) Parse(string text, string displayPath)
    {
        // File.ReadAllText drops a BOM; a string from elsewhere may still carry one.
        var bomLength = text.StartsWith('\uFEFF') ? 1 : 0;
        var lines = new LineTable(text);
        JsonValueNode root;
        try
        {
            root = JsonShift.By(JsonTreeReader.Parse(text[bomLength..]), bomLength);
        }
        catch (JsonSyntaxException e)
        {
            throw new ValidationSetupException($"{displayPath}({e.Line},{e.Column}): invalid JSON in the configuration: {e.Message}");
        }
        if (root is not JsonObjectNode obj)
        {
            var (line, column) = lines.Position(root.Start);
            throw new ValidationSetupException($"{displayPath}({line},{column}): the configuration must be a JSON object");
        }
        var reader = new Reader(displayPath, lines);
        return (reader.Read(obj), reader.Diagnostics.ToImmutable());
    }

    private static string DisplayPath(string fullPath, string repositoryRoot)
    {
        var relative = Path.GetRelativePath(repositoryRoot, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative)
            .Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>One pass over the configuration object, collecting SMV0004 findings.</summary>
    private sealed class Reader(string displayPath, LineTable lines)
    {
        public ImmutableArray<Diagnostic>.Builder Diagnostics { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

        public SpecMapConfig Read(JsonObjectNode root)
        {
            var config = SpecMapConfig.Default;
            foreach (var member in root.Members)
            {
                var pointer = JsonPointer.Append(string.Empty, member.Name);
                switch (member.Name)
                {
                    case "$schema":
                        break;
                    case "mappings":
                        config = config with { Mappings = ReadMappings(member.Value, pointer) ?? config.Mappings };
                        break;
                    case "severity":
                        config = config with { Severities = ReadSeverities(member.Value, pointer) };
                        break;
                    case "rename_confidence_threshold":
                        config = config with { RenameConfidenceThreshold = ReadThreshold(member.Value, pointer) ?? config.RenameConfidenceThreshold };
                        break;
                    case "spec":
                        config = ReadSpec(member.Value, pointer, config);
                        break;
                    default:
                        UnknownKey(member, pointer, TopLevelKeys);
                        break;
                }
            }
            return config;
        }

        private ImmutableArray<string>? ReadMappings(JsonValueNode value, string pointer)
        {
            if (value is not JsonArrayNode array || array.Items.Any(i => i is not JsonStringNode { Value.Length: > 0 }))
            {
                Report(value, pointer, "'mappings' must be an array of globs such as \"**/SPEC_TO_CODE_MAPPING.json\"; the default globs are used");
                return null;
            }
            return array.Items.Length == 0 ? null : [.. array.Items.Cast<JsonStringNode>().Select(s => s.Value.Trim())];
        }

        private ImmutableDictionary<string, Severity> ReadSeverities(JsonValueNode value, string pointer)
        {
            var severities = ImmutableDictionary.CreateBuilder<string, Severity>(StringComparer.Ordinal);
            if (value is not JsonObjectNode obj)
            {
                Report(value, pointer, "'severity' must be an object such as { \"SMV0109\": \"none\" }");
                return severities.ToImmutable();
            }
            foreach (var member in obj.Members)
            {
                var memberPointer = JsonPointer.Append(pointer, member.Name);
                if (!RuleCatalog.TryGet(member.Name.Trim(), out var rule) || rule is null)
                {
                    Report(member.NameStart, memberPointer, $"unknown diagnostic ID '{member.Name}' in 'severity'{Suggest(member.Name)}");
                    continue;
                }
                if (member.Value is not JsonStringNode name || !SeverityNames.TryParse(name.Value.Trim(), out var severity))
                {
                    Report(member.Value, memberPointer, $"severity of {rule.Id} must be one of error, warning, info or none");
                    continue;
                }
                severities[rule.Id] = severity;
            }
            return severities.ToImmutable();
        }

        private double? ReadThreshold(JsonValueNode value, string pointer)
        {
            if (value is JsonNumberNode { Value: >= 0 and <= 1 } number)
            {
                return number.Value;
            }
            Report(value, pointer, "'rename_confidence_threshold' must be a number from 0 to 1; the default 0.8 is used");
            return null;
        }

        private SpecMapConfig ReadSpec(JsonValueNode value, string pointer, SpecMapConfig config)
        {
            if (value is not JsonObjectNode obj)
            {
                Report(value, pointer, "'spec' must be an object with " + string.Join(", ", SpecKeys.Select(k => $"'{k}'")));
                return config;
            }
            foreach (var member in obj.Members)
            {
                var memberPointer = JsonPointer.Append(pointer, member.Name);
                switch (member.Name, member.Value)
                {
                    case ("heading_level", JsonNumberNode { IsInteger: true, Value: >= 1 and <= 6 } level):
                        config = config with { SpecHeadingLevel = (int)level.Value };
                        break;
                    case ("heading_level", _):
                        Report(member.Value, memberPointer, "'heading_level' must be a whole number from 1 to 6; the default 2 is used");
                        break;
                    case ("docs_root", JsonStringNode root):
                        config = config with { DocsRoot = root.Value.Trim().Length == 0 ? null : root.Value.Trim() };
                        break;
                    case ("doc_glob", JsonStringNode { Value.Length: > 0 } glob):
                        config = config with { DocGlob = glob.Value.Trim() };
                        break;
                    case ("openapi", JsonStringNode { Value.Length: > 0 } openApi):
                        config = config with { SpecOpenApi = openApi.Value.Trim() };
                        break;
                    case ("paths", JsonArrayNode paths) when paths.Items.All(p => p is JsonStringNode):
                        config = config with { SpecPaths = [.. paths.Items.OfType<JsonStringNode>().Select(p => p.Value)] };
                        break;
                    case ("paths", _):
                        Report(member.Value, memberPointer, "'paths' must be an array of path prefixes such as \"/responses\"");
                        break;
                    case ("docs_root" or "doc_glob" or "openapi", _):
                        Report(member.Value, memberPointer, $"'{member.Name}' must be a string");
                        break;
                    default:
                        UnknownKey(member, memberPointer, SpecKeys);
                        break;
                }
            }
            return config;
        }

        private void UnknownKey(JsonMember member, string pointer, string[] known)
        {
            // `heading-level`, `Heading_Level`, `rename_confidence`: a different spelling or a shortened key.
            var name = member.Name.Trim().ToLowerInvariant().Replace('-', '_');
            var near = known.Where(k => k != "$schema")
                .OrderBy(k => k.StartsWith(name, StringComparison.Ordinal) && name.Length >= 4 ? 0 : Distance(k, name))
                .First();
            var close = (near.StartsWith(name, StringComparison.Ordinal) && name.Length >= 4) || Distance(near, name) <= 3;
            var hint = close ? $"; did you mean '{near}'?" : $"; known keys: {string.Join(", ", known)}";
            Report(member.NameStart, pointer, $"unknown key '{member.Name}'{hint}");
        }

        private static string Suggest(string id)
        {
            var near = RuleCatalog.All.Select(r => r.Id).OrderBy(r => Distance(r, id.ToUpperInvariant())).First();
            return Distance(near, id.ToUpperInvariant()) <= 2 ? $"; did you mean {near}?" : $"; see `specmap explain` for the IDs";
        }

        private void Report(JsonValueNode node, string pointer, string message) => Report(node.Start, pointer, message);

        private void Report(int offset, string pointer, string message)
        {
            var (line, column) = lines.Position(offset);
            Diagnostics.Add(RuleCatalog.Create(RuleIds.ConfigurationProblem,
                message, new MappingLocation(displayPath, line, column), pointer));
        }
    }

    /// <summary>Edit distance with adjacent swaps (optimal string alignment), for "did you mean" hints.</summary>
    internal static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    // A swap of two neighbours (SMV0190 for SMV0109) is one typo, not two.
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }
}
