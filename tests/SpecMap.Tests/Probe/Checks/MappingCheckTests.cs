using System.Text;
using System.Text.Json.Nodes;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;
using static SpecMap.Tests.Probe.Checks.ProbeFixtures;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>SMV0513-SMV0515 and the coverage table: the streams against a mapping whose models are real Python files.</summary>
public sealed class MappingCheckTests : IDisposable
{
    private const string Mapping = """
        {
          "streaming_events": [
            { "name": "response.created", "status": "implemented", "required_fields": { "type": "string", "response": "object" } },
            { "name": "response.output_item.added", "status": "implemented" },
            { "name": "response.output_text.delta", "status": "implemented" },
            { "name": "response.output_text.done", "status": "implemented" },
            { "name": "response.function_call_arguments.delta", "status": "implemented",
              "model": "protocol.py#ResponseFunctionCallArgumentsDeltaEvent",
              "required_fields": { "type": "string", "item_id": "string", "output_index": "integer", "delta": "string" } },
            { "name": "response.function_call_arguments.done", "status": "implemented" },
            { "name": "response.completed", "status": "implemented" },
            { "name": "response.failed", "status": "missing" }
          ]
        }
        """;

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private ProbeMappingView View(string mapping, string deltaType)
    {
        _repository.Write("protocol.py", $$"""
            from pydantic import BaseModel


            class ResponseToolCallDeltaContent(BaseModel):
                name: str


            class ResponseFunctionCallArgumentsDeltaEvent(BaseModel):
                type: str
                item_id: str
                output_index: int
                delta: {{deltaType}}
            """);
        var document = MappingLoader.Parse(Encoding.UTF8.GetBytes(mapping), "map.json", null, _ => false);
        var reader = new PythonModelReader(new WorkTreeSource(_repository.Root));
        return ProbeMappingView.From(document, pointer => pointer == "/streaming_events/4" ? reader.Read("protocol.py", "ResponseFunctionCallArgumentsDeltaEvent") : null);
    }

    private static ProbeReport Check(ProbeMappingView view, params string[][] streams) =>
        ProbeChecker.Check([.. streams.Select((s, i) => Stream(s, "s" + i))], ProbeFixtures.Spec, view, ProbeOptions.Default);

    [Fact]
    public void The_view_reads_items_status_required_fields_and_the_model()
    {
        var view = View(Mapping, "str");
        var delta = view.Find("response.function_call_arguments.delta")!;
        Assert.Equal("/streaming_events/4", delta.ItemPointer);
        Assert.True(delta.MarkedImplemented);
        Assert.Equal(["type", "item_id", "output_index", "delta"], delta.RequiredFields.Select(f => f.Name));
        Assert.Equal("protocol.py:8", delta.ModelLocation);
        Assert.Equal("protocol.py:12", delta.LocationOf("/delta"));
        Assert.False(view.Find("response.failed")!.MarkedImplemented);
        Assert.Equal(8, view.Events.Count);
    }

    [Fact]
    public void The_incident_delta_as_an_object_names_the_spec_rule_the_mapping_item_the_model_line_and_the_payload()
    {
        var view = View(Mapping, "dict[str, list[ResponseToolCallDeltaContent]]");
        var report = Check(view, With(6, e => e["delta"] = new JsonObject { ["name"] = new JsonArray("get_weather") }));
        var schema = Assert.Single(report.Of(RuleIds.EventSchemaViolation));
        Assert.Equal(("/streaming_events/4", "protocol.py:12"), (schema.MappingItem, schema.ModelLocation));
        var contradictions = report.Of(RuleIds.PayloadContradictsModel);
        Assert.Equal([6, 7], contradictions.Select(f => f.EventIndex!.Value));
        var incident = contradictions[0];
        Assert.Equal(Severity.Error, incident.Severity);
        Assert.Equal(("/delta", "string", "/streaming_events/4", "protocol.py:12"),
            (incident.Pointer, incident.Expected, incident.MappingItem, incident.ModelLocation));
        Assert.Contains("the model declares delta: dict[str, list[ResponseToolCallDeltaContent]] (protocol.py:12)", incident.Message, StringComparison.Ordinal);
        Assert.Contains("\"delta\":{\"name\"", incident.Payload, StringComparison.Ordinal);
        // The untouched delta is a string the spec allows, and the model's dict cannot hold it: the model, not the event, is wrong.
        Assert.Equal(("/delta", "dict[str, list[ResponseToolCallDeltaContent]]", "\"\\\"Paris\\\"}\""), (contradictions[1].Pointer, contradictions[1].Expected, contradictions[1].Actual));
    }

    [Fact]
    public void A_payload_the_model_cannot_hold_and_a_missing_required_field_are_contradictions()
    {
        var view = View(Mapping, "int");
        var report = Check(view, CleanEvents());
        Assert.Equal(2, report.Of(RuleIds.PayloadContradictsModel).Count);
        Assert.All(report.Of(RuleIds.PayloadContradictsModel), f => Assert.Equal(("/delta", "int"), (f.Pointer, f.Expected)));

        var lacking = Check(View(Mapping, "str"), With(0, e => e.Remove("response")));
        Assert.Contains(lacking.Of(RuleIds.PayloadContradictsModel), f => f.Pointer == "/response" && f.Actual == "absent");
        Assert.Empty(Check(View(Mapping, "str"), CleanEvents()).Of(RuleIds.PayloadContradictsModel));
    }

    [Fact]
    public void Implemented_items_that_never_fired_and_fired_events_that_are_not_mapped_are_warnings()
    {
        var view = View(Mapping, "str");
        var textOnly = CleanEvents().Where((_, i) => i is < 5 or 9).Select(EventSchemaCheckTests.Renumber).ToArray();
        var report = Check(view, textOnly);
        var never = report.Of(RuleIds.ImplementedEventNeverFired);
        Assert.Equal(["response.function_call_arguments.delta", "response.function_call_arguments.done"], never.Select(f => f.EventType));
        Assert.All(never, f => Assert.Equal((Severity.Warning, MappingCheck.AllScenarios), (f.Severity, f.Scenario)));
        Assert.Equal("/streaming_events/4", never[0].MappingItem);
        Assert.Empty(report.Of(RuleIds.EventNotMapped));

        var unmapped = Check(View(Mapping.Replace("""{ "name": "response.output_text.done", "status": "implemented" },""", string.Empty, StringComparison.Ordinal), "str"),
            CleanEvents(), CleanEvents());
        var finding = Assert.Single(unmapped.Of(RuleIds.EventNotMapped));
        Assert.Equal(("s0", 4, "response.output_text.done"), (finding.Scenario, finding.EventIndex!.Value, finding.Actual));
        Assert.Empty(Check(view, CleanEvents()).Findings);
    }

    [Fact]
    public void An_events_section_keyed_by_event_name_is_read_too()
    {
        var document = MappingLoader.Parse(Encoding.UTF8.GetBytes("""
            { "events": { "response.created": { "status": "implemented" }, "response.completed": { "name": "response.completed", "status": "partial" } },
              "endpoints": { "POST /v1/responses": { "status": "implemented" } } }
            """), "map.json", null, _ => false);
        var view = ProbeMappingView.From(document);
        Assert.Equal(["response.completed", "response.created"], view.Events.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("/events/response.created", view.Find("response.created")!.ItemPointer);
        Assert.False(view.Find("response.completed")!.MarkedImplemented);
        Assert.Null(view.Find("response.created")!.ModelLocation);
    }

    [Fact]
    public void Coverage_lists_events_seen_mapped_and_in_the_spec()
    {
        var report = Check(View(Mapping, "str"), CleanEvents(), CleanEvents());
        var rows = report.Coverage.ToDictionary(r => r.EventType);
        Assert.Equal(new ProbeCoverageRow("response.output_text.delta", 4, true, true, true), rows["response.output_text.delta"]);
        Assert.Equal(new ProbeCoverageRow("response.failed", 0, true, false, false), rows["response.failed"]);
        Assert.Equal(new ProbeCoverageRow("error", 0, false, true, false), rows["error"]);
        Assert.Equal(rows.Keys.Order(StringComparer.Ordinal), report.Coverage.Select(r => r.EventType));
    }
}
