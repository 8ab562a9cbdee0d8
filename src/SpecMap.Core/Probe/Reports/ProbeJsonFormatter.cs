using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>`--format json`: the whole run (scenarios, coverage, findings with payloads) as one object, for scripts and CI.</summary>
internal sealed class ProbeJsonFormatter : IProbeFormatter
{
    public string Name => "json";

    public string Format(ProbeResult result) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteTool();
        json.WriteString("target", result.Target);
        json.WriteBoolean("replay", result.Replay);
        json.WriteStringIfPresent("spec", result.Spec);
        json.WriteStringIfPresent("mapping", result.Mapping?.DisplayPath);
        json.WriteStartObject("summary");
        json.WriteNumber("scenarios", result.Scenarios.Length);
        json.WriteNumber("events", result.Report.EventsChecked);
        json.WriteNumber("errors", result.Count(Severity.Error));
        json.WriteNumber("warnings", result.Count(Severity.Warning));
        json.WriteNumber("info", result.Count(Severity.Info));
        json.WriteEndObject();
        json.WriteStartArray("scenarios");
        foreach (var scenario in result.Scenarios)
        {
            json.WriteStartObject();
            json.WriteString("name", scenario.Name);
            json.WriteStringIfPresent("description", scenario.Description);
            json.WriteString("source", scenario.Source);
            if (scenario.Status is { } status)
            {
                json.WriteNumber("status", status);
            }
            json.WriteNumber("events", scenario.Events);
            json.WriteStringIfPresent("transport_error", scenario.TransportError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("coverage");
        foreach (var row in result.Report.Coverage)
        {
            json.WriteStartObject();
            json.WriteString("event", row.EventType);
            json.WriteNumber("seen", row.Seen);
            json.WriteBoolean("mapped", row.Mapped);
            json.WriteBoolean("marked_implemented", row.MarkedImplemented);
            json.WriteBoolean("in_spec", row.InSpec);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in result.OrderedFindings())
        {
            var (path, line) = result.LocationOf(finding);
            json.WriteStartObject();
            json.WriteString("id", finding.RuleId);
            json.WriteString("severity", finding.Severity.ToName());
            json.WriteString("message", finding.Message);
            json.WriteString("scenario", finding.Scenario);
            json.WriteStartObject("location");
            json.WriteString("path", path);
            json.WriteNumber("line", line);
            json.WriteEndObject();
            if (finding.EventIndex is { } index)
            {
                json.WriteNumber("event_index", index);
            }
            json.WriteFindingFacts(finding, camelCase: false, finding.Payload);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
