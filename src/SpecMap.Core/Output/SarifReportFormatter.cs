using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>SARIF 2.1.0 (`--format sarif`) for GitHub code scanning and other SARIF viewers; one run, rules from the catalog.</summary>
internal sealed class SarifReportFormatter : IReportFormatter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The key of our partial fingerprint; the `/v1` lets a future scheme live beside it without breaking alert history.</summary>
    public const string FingerprintKey = "specmapPointerHash/v1";

    /// <summary>A larger value (a whole section) is underlined but not copied into the log.</summary>
    private const int MaxSnippet = 400;

    public string Name => "sarif";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, RuleCatalog.All.Select(r => r.Id));
            json.WriteStartArray("results");
            foreach (var diagnostic in report.SetupDiagnostics)
            {
                WriteResult(json, diagnostic, null);
            }
            foreach (var mapping in report.Mappings)
            {
                foreach (var diagnostic in mapping.Diagnostics)
                {
                    WriteResult(json, diagnostic, mapping);
                }
            }
            json.WriteEndArray();
            // Columns are UTF-16 code units (MappingLocation), which SARIF must be told.
            json.WriteString("columnKind", "utf16CodeUnits");
            WriteRunProperties(json, statistics);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The `tool` of a run (validate's and the probe's): the driver and the rules listed, with their catalog facts; an
    /// id the catalog does not know is listed by id alone.
    /// </summary>
    internal static void WriteTool(Utf8JsonWriter json, IEnumerable<string> ruleIds)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            if (RuleCatalog.TryGet(id, out var rule) && rule is not null)
            {
                WriteRuleFacts(json, rule);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRuleFacts(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteString("name", RuleName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        // GitHub code scanning requires a full description; the catalog's facts make one without reading the pages.
        json.WriteStartObject("fullDescription");
        json.WriteString("text", FullDescription(rule));
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"{rule.Title}. See {rule.HelpUri}");
        json.WriteString("markdown", $"{rule.Title}. See [{rule.Id}]({rule.HelpUri}).");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category);
        json.WriteEndArray();
        json.WriteString("fixSafety", rule.Fix.ToString().ToLowerInvariant());
        json.WriteEndObject();
    }

    /// <summary>The run's totals (SARIF has no place for them but the property bag): references by status, spec coverage.</summary>
    private static void WriteRunProperties(Utf8JsonWriter json, ReportStatistics statistics)
    {
        json.WriteStartObject("properties");
        json.WriteStartObject("references");
        foreach (var (status, count) in statistics.References.ByStatus)
        {
            json.WriteNumber(ReportNames.Status(status), count);
        }
        json.WriteEndObject();
        if (statistics.Coverage is { } coverage)
        {
            json.WriteStartObject("specCoverage");
            json.WriteNumber("sections", coverage.Sections);
            json.WriteNumber("covered", coverage.Covered);
            json.WriteNumber("ratio", Math.Round(coverage.Ratio, 4));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, MappingReport? mapping)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        var ruleIndex = RuleIndex(diagnostic.Id);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }
        json.WriteString("level", Level(diagnostic.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(diagnostic.Location.Path));
        json.WriteEndObject();
        WriteRegion(json, diagnostic, mapping);
        json.WriteEndObject();
        if (diagnostic.Pointer.Length > 0)
        {
            // The JSON pointer is the reference's logical address in the mapping, stable across reformatting.
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", diagnostic.Pointer);
            json.WriteString("kind", "member");
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        WriteRelatedLocations(json, diagnostic);
        WriteFix(json, diagnostic, mapping);

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(diagnostic));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// The region of the mapping the diagnostic is about: the whole JSON value at its pointer (so viewers underline it and
    /// show it as a snippet) when that value starts at the diagnostic's position, else the position alone.
    /// </summary>
    private static void WriteRegion(Utf8JsonWriter json, Diagnostic diagnostic, MappingReport? mapping)
    {
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, diagnostic.Location.Line));
        json.WriteNumber("startColumn", Math.Max(1, diagnostic.Location.Column));
        var document = mapping?.Document;
        var node = document is not null && diagnostic.Location.Path == document.DisplayPath ? document.At(diagnostic.Pointer) : null;
        if (document is not null && node is not null && document.LocationOf(node.Start) is var start
            && start.Line == diagnostic.Location.Line && start.Column == diagnostic.Location.Column)
        {
            var end = document.LocationOf(node.End);
            json.WriteNumber("endLine", end.Line);
            json.WriteNumber("endColumn", end.Column);
            if (node.Length <= MaxSnippet)
            {
                json.WriteStartObject("snippet");
                json.WriteString("text", document.Text[node.Start..node.End]);
                json.WriteEndObject();
            }
        }
        json.WriteEndObject();
    }

    private static void WriteRelatedLocations(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        var related = new List<(CodeLocation Location, string Message)>();
        var target = diagnostic.Reference?.Target;
        if (target is not null)
        {
            var label = target.Symbol is null ? "where the reference points now" : $"where the reference points now: {target.Symbol}";
            related.Add((new CodeLocation(target.File, target.Start, target.End), label));
        }
        foreach (var location in diagnostic.RelatedLocations)
        {
            if (!related.Any(r => r.Location == location))
            {
                related.Add((location, "related code"));
            }
        }
        if (related.Count == 0)
        {
            return;
        }
        json.WriteStartArray("relatedLocations");
        for (var i = 0; i < related.Count; i++)
        {
            var (location, message) = related[i];
            json.WriteStartObject();
            json.WriteNumber("id", i + 1);
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(location.File));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, location.Start));
            json.WriteNumber("endLine", Math.Max(Math.Max(1, location.Start), location.End));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteFix(Utf8JsonWriter json, Diagnostic diagnostic, MappingReport? mapping)
    {
        if (diagnostic.Fix is not { } fix || fix.Edits.IsDefaultOrEmpty)
        {
            return;
        }
        // SARIF counts characters of the file's text; the BOM that MappingDocument.Text keeps is not one of them.
        var bom = mapping is not null && mapping.Document.Text.StartsWith('\uFEFF') ? 1 : 0;
        json.WriteStartArray("fixes");
        json.WriteStartObject();
        json.WriteStartObject("description");
        var safety = fix.Safety == FixSafety.Unsafe
            ? $" (unsafe, confidence {fix.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})"
            : string.Empty;
        json.WriteString("text", fix.Description + safety);
        json.WriteEndObject();
        json.WriteStartArray("artifactChanges");
        json.WriteStartObject();
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(diagnostic.Location.Path));
        json.WriteEndObject();
        json.WriteStartArray("replacements");
        foreach (var edit in fix.Edits.OrderBy(e => e.Offset))
        {
            json.WriteStartObject();
            json.WriteStartObject("deletedRegion");
            json.WriteNumber("charOffset", Math.Max(0, edit.Offset - bom));
            json.WriteNumber("charLength", edit.Length);
            json.WriteEndObject();
            json.WriteStartObject("insertedContent");
            json.WriteString("text", edit.NewText);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    public static string FullDescription(RuleDescriptor rule)
    {
        var fix = rule.Fix switch
        {
            FixSafety.Safe => "`specmap validate --fix` fixes it when the new place is certain.",
            FixSafety.Unsafe => "`specmap validate --fix` fixes it only above the confidence threshold, since the fix is a guess.",
            _ => "It has no automatic fix.",
        };
        return $"{rule.Title} ({rule.Category}, {rule.DefaultSeverity.ToName()} by default). {fix} See {rule.HelpUri}.";
    }

    /// <summary>SARIF level: error, warning or note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    /// <summary>A rule's SARIF `name`: its title in PascalCase ("File not found" → "FileNotFound").</summary>
    public static string RuleName(string title)
    {
        var name = new StringBuilder();
        var upper = true;
        foreach (var c in title)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            // SARIF wants a Pascal-case identifier: "JSON" becomes "Json".
            name.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }
        return name.ToString();
    }

    /// <summary>
    /// A stable hash of the rule and the JSON pointer, so code scanning keeps tracking an alert when lines above it move.
    /// The parts of a line list share a pointer, so a part after the first adds its index; so do references joined in
    /// prose (`a.py:1 and b.py:2`), by where each starts in the string. The first keeps the hash it always had, so
    /// existing alerts keep their history.
    /// </summary>
    public static string Fingerprint(Diagnostic diagnostic)
    {
        var part = diagnostic.Reference?.Reference.Part ?? 0;
        var segment = diagnostic.Reference?.Reference.SegmentStart ?? 0;
        var key = $"{diagnostic.Id}\n{diagnostic.Pointer}";
        key += part == 0 ? string.Empty : $"\n{part}";
        key += segment == 0 ? string.Empty : $"\n@{segment}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>A relative URI with '/' separators; spaces and other reserved characters percent-encoded.</summary>
    public static string Uri(string path)
    {
        var segments = path.Replace('\\', '/').Split('/');
        var uri = string.Join('/', segments.Select(System.Uri.EscapeDataString));
        // A mapping outside the working directory is shown by its absolute path: make that a file URI.
        return uri.StartsWith('/') ? "file://" + uri : uri;
    }

    private static int RuleIndex(string id)
    {
        for (var i = 0; i < RuleCatalog.All.Count; i++)
        {
            if (RuleCatalog.All[i].Id == id)
            {
                return i;
            }
        }
        return -1;
    }
}
