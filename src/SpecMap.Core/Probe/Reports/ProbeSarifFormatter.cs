using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>
/// `--format sarif`: SARIF 2.1.0, one run. A finding on a recorded stream or on the mapping points at that file and
/// line; a finding on a live stream (no file) carries a logical location `SCENARIO/event N` instead. The rules listed
/// are the ones found, with their catalog descriptions.
/// </summary>
internal sealed class ProbeSarifFormatter : IProbeFormatter
{
    public const string FingerprintKey = "specmapProbeHash/v1";

    public string Name => "sarif";

    public string Format(ProbeResult result)
    {
        var findings = result.OrderedFindings().ToList();
        var ruleIds = findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", SarifReportFormatter.SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            SarifReportFormatter.WriteTool(json, ruleIds);
            json.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(json, result, finding, ruleIds.IndexOf(finding.RuleId));
            }
            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("target", result.Target);
            json.WriteNumber("scenarios", result.Scenarios.Length);
            json.WriteNumber("eventsChecked", result.Report.EventsChecked);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteResult(Utf8JsonWriter json, ProbeResult result, ProbeFinding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", SarifReportFormatter.Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", ProbeFindingText.Line(finding));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        var onLiveStream = !result.Replay && finding.EventIndex is not null;
        if (!onLiveStream)
        {
            var (path, line) = result.LocationOf(finding);
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", SarifReportFormatter.Uri(path));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.EventIndex is { } index ? $"{finding.Scenario}/event {index}" : finding.MappingItem ?? finding.Scenario);
        json.WriteString("kind", "member");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, Fingerprint(finding));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("scenario", finding.Scenario);
        json.WriteFindingFacts(finding, camelCase: true, ProbeFindingText.Payload(finding));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Stable across runs and reordering: the rule, the scenario, the event type and the pointer (not the event's index).</summary>
    private static string Fingerprint(ProbeFinding f)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{f.RuleId}\n{f.Scenario}\n{f.EventType}\n{f.Pointer}\n{f.MappingItem}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
