using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>The JSON report of contract §3, written with Utf8JsonWriter (no reflection, so a native build stays possible).</summary>
internal sealed class JsonReportFormatter : IReportFormatter
{
    public string Name => "json";

    public string Format(ValidationReport report, ReportStatistics statistics) => JsonText.Write(json => WriteReport(json, report, statistics));

    /// <summary>Streams the report: at 100,000 references it is 90 MB of text (issue 15).</summary>
    public void Write(ValidationReport report, ReportStatistics statistics, TextWriter output) =>
        JsonText.WriteTo(output, json => WriteReport(json, report, statistics));

    private static void WriteReport(Utf8JsonWriter json, ValidationReport report, ReportStatistics statistics)
    {
        json.WriteStartObject();
        json.WriteTool();
        json.WriteStartArray("mappings");
        foreach (var mapping in report.Mappings)
        {
            WriteMapping(json, mapping);
        }
        json.WriteEndArray();
        if (!report.SetupDiagnostics.IsEmpty)
        {
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.SetupDiagnostics)
            {
                WriteDiagnostic(json, diagnostic);
            }
            json.WriteEndArray();
        }
        WriteSummary(json, statistics);
        json.WriteEndObject();
    }

    private static void WriteMapping(Utf8JsonWriter json, MappingReport mapping)
    {
        json.WriteStartObject();
        json.WriteString("path", mapping.Path);
        json.WriteStringOrNull("verified_at", mapping.VerifiedAt);
        json.WriteStringOrNull("against", mapping.Against);
        json.WriteStartArray("ignored_keys");
        foreach (var key in mapping.Document.Ignored)
        {
            json.WriteStringValue(key);
        }
        json.WriteEndArray();
        json.WriteStartArray("references");
        foreach (var reference in mapping.References)
        {
            WriteReference(json, reference);
        }
        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in mapping.Diagnostics)
        {
            WriteDiagnostic(json, diagnostic);
        }
        json.WriteEndArray();
        if (mapping.Coverage is { } coverage)
        {
            WriteCoverage(json, coverage);
        }
        json.WriteEndObject();
    }

    private static void WriteReference(Utf8JsonWriter json, ReferenceResult result)
    {
        var reference = result.Reference;
        json.WriteStartObject();
        json.WriteString("pointer", reference.Pointer);
        if (reference.Part > 0)
        {
            json.WriteNumber("part", reference.Part);
        }
        json.WriteString("kind", ReportNames.Kind(reference.Kind));
        json.WriteString("original", reference.Original);
        json.WriteString("status", ReportNames.Status(result.Status));
        if (result.Target is { } target)
        {
            json.WriteStartObject("target");
            json.WriteString("file", target.File);
            json.WriteNumber("start", target.Start);
            json.WriteNumber("end", target.End);
            json.WriteStringOrNull("symbol", target.Symbol);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("target");
        }
        json.WriteStringOrNull("how", result.Outcome.How);
        json.WriteNumber("confidence", Math.Round(result.Outcome.Confidence, 3));
        json.WriteStartObject("location");
        json.WriteNumber("line", reference.Location.Line);
        json.WriteNumber("column", reference.Location.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("id", diagnostic.Id);
        json.WriteString("severity", diagnostic.Severity.ToName());
        json.WriteString("message", diagnostic.Message);
        json.WriteStartObject("location");
        json.WriteString("path", diagnostic.Location.Path);
        json.WriteNumber("line", diagnostic.Location.Line);
        json.WriteNumber("column", diagnostic.Location.Column);
        json.WriteEndObject();
        json.WriteString("pointer", diagnostic.Pointer);
        // Like a reference's `part`: which part of a line list the diagnostic is about, since the parts share the pointer.
        if (diagnostic.Reference?.Reference.Part is > 0 and var part)
        {
            json.WriteNumber("part", part);
        }
        if (diagnostic.Fix is { } fix)
        {
            json.WriteStartObject("fix");
            json.WriteString("description", fix.Description);
            json.WriteString("safety", fix.Safety.ToString().ToLowerInvariant());
            json.WriteNumber("confidence", Math.Round(fix.Confidence, 3));
            json.WriteStartArray("edits");
            foreach (var edit in fix.Edits)
            {
                json.WriteStartObject();
                json.WriteString("pointer", edit.Pointer);
                json.WriteNumber("offset", edit.Offset);
                json.WriteString("old", edit.OldText);
                json.WriteString("new", edit.NewText);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("fix");
        }
        if (!diagnostic.RelatedLocations.IsEmpty)
        {
            json.WriteStartArray("related");
            foreach (var related in diagnostic.RelatedLocations)
            {
                json.WriteStartObject();
                json.WriteString("file", related.File);
                json.WriteNumber("start", related.Start);
                json.WriteNumber("end", related.End);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, ReportStatistics statistics)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("mappings", statistics.Mappings);
        json.WriteNumber("references", statistics.References.Total);
        json.WriteStartObject("by_status");
        foreach (var (status, count) in statistics.References.ByStatus)
        {
            json.WriteNumber(ReportNames.Status(status), count);
        }
        json.WriteEndObject();
        json.WriteNumber("errors", statistics.Diagnostics.Errors);
        json.WriteNumber("warnings", statistics.Diagnostics.Warnings);
        json.WriteNumber("infos", statistics.Diagnostics.Infos);
        json.WriteNumber("fixable", statistics.Diagnostics.Fixable);
        if (statistics.Coverage is { } coverage)
        {
            WriteCoverage(json, coverage);
        }
        json.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter json, SpecCoverage coverage)
    {
        json.WriteStartObject("spec_coverage");
        json.WriteNumber("sections", coverage.Sections);
        json.WriteNumber("covered", coverage.Covered);
        json.WriteNumber("ratio", Math.Round(coverage.Ratio, 4));
        json.WriteEndObject();
    }
}
