using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;

namespace SpecMap.Tests.Probe;

/// <summary>A fixed probe result for the format snapshots: a clean stream, the incident's stream, a mapping-only finding.</summary>
internal static class ProbeReportFixture
{
    public const string MappingText = """
        {
          "streaming_events": [
            { "name": "response.function_call_arguments.delta", "status": "implemented",
              "model": "server/protocol.py#ResponseFunctionCallArgumentsDeltaEvent" },
            { "name": "response.tool_call.delta", "status": "implemented" }
          ]
        }

        """;

    private const string TextStream = """
        event: response.created
        data: {"type":"response.created","sequence_number":0,"response":{"id":"resp_1","user":null}}

        event: response.completed
        data: {"type":"response.completed","sequence_number":1,"response":{"id":"resp_1"}}


        """;

    private const string Bug5Payload = """{"type":"response.function_call_arguments.delta","sequence_number":1,"item_id":"fc_1","output_index":0,"delta":{"get_weather":[{"name":"<b>get_weather</b>","arguments":"{\"loca"}]}}""";

    public static ProbeResult Create(bool replay = true)
    {
        var tools = "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_2\"}}\n\n"
            + "event: response.function_call_arguments.delta\ndata: " + Bug5Payload + "\n\n";
        var source = replay ? "recordings/" : "http://127.0.0.1:8000/v1/responses#";
        var streams = ImmutableArray.Create(
            SseRecording.Parse("text", source + "text.sse", TextStream),
            SseRecording.Parse("tools", source + "tools.sse", tools) with { TransportError = replay ? null : "the stream did not end within 60 s" });
        var findings = ImmutableArray.Create(
            new ProbeFinding("SMV0501", Severity.Error, "`delta` is an object where the spec requires a string", "tools", 1,
                "response.function_call_arguments.delta", "/delta", "string", "object", "/streaming_events/0", "server/protocol.py:140",
                "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent", Bug5Payload),
            new ProbeFinding("SMV0502", Severity.Info, "null sent for the optional property `user`", "text", 0, "response.created", "/response/user",
                "string", "null", Payload: "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\",\"user\":null}}"),
            new ProbeFinding("SMV0513", Severity.Warning, "`response.tool_call.delta` is marked implemented but no scenario made it fire", MappingCheck.AllScenarios,
                EventType: "response.tool_call.delta", MappingItem: "/streaming_events/1"));
        var coverage = ImmutableArray.Create(
            new ProbeCoverageRow("response.completed", 1, false, true, false),
            new ProbeCoverageRow("response.created", 2, false, true, false),
            new ProbeCoverageRow("response.function_call_arguments.delta", 1, true, true, true),
            new ProbeCoverageRow("response.tool_call.delta", 0, true, false, true));
        var mapping = MappingLoader.Parse(Encoding.UTF8.GetBytes(MappingText), "mapping.json", null, _ => false);
        var scenarios = streams.Select(s => new ScenarioSummary(s.Scenario, s.Scenario == "tools" ? "a function call" : "plain text", s.Source,
            replay ? null : 200, 200, s.Events.Length, s.TransportError, true));
        return new ProbeResult(replay ? "recordings" : "http://127.0.0.1:8000/v1/", replay, "openapi.yaml", mapping, [.. scenarios],
            new ProbeReport(streams, findings, coverage));
    }
}
