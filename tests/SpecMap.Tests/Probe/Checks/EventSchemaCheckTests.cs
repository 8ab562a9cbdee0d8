using System.Text;
using System.Text.Json.Nodes;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;
using static SpecMap.Tests.Probe.Checks.ProbeFixtures;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>SMV0501-SMV0505: each event against its own schema, the null policy, unknown fields and types.</summary>
public sealed class EventSchemaCheckTests
{
    [Fact]
    public void The_clean_stream_has_no_findings()
    {
        var report = Check(CleanEvents());
        Assert.Empty(report.Findings);
        Assert.Equal(10, report.EventsChecked);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void A_delta_sent_as_an_object_is_reported_with_pointer_expected_and_actual()
    {
        var report = Check(With(6, e => e["delta"] = new JsonObject { ["city"] = new JsonArray("Paris") }));
        var finding = Assert.Single(report.Of(RuleIds.EventSchemaViolation));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("/delta", finding.Pointer);
        Assert.Equal("string", finding.Expected);
        Assert.Equal("""{"city":["Paris"]}""", finding.Actual);
        Assert.Equal(6, finding.EventIndex);
        Assert.Equal(6 * 3 + 1, finding.Line);
        Assert.Equal("response.function_call_arguments.delta", finding.EventType);
        Assert.Equal("#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent/properties/delta/type", finding.SpecRule);
        Assert.Contains("\"delta\":{\"city\"", finding.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_inside_a_union_branch_names_only_that_branch()
    {
        var report = Check(With(5, e => e["item"]!.AsObject().Remove("name")));
        var finding = Assert.Single(report.Of(RuleIds.EventSchemaViolation));
        Assert.Equal("/item/name", finding.Pointer);
        Assert.Equal("absent", finding.Actual);
        Assert.Equal("#/components/schemas/FunctionCall/required", finding.SpecRule);
    }

    [Fact]
    public void Null_for_an_optional_property_follows_the_null_policy_and_null_for_a_required_one_is_an_error()
    {
        var events = With(0, e =>
        {
            e["response"]!["user"] = null;
            e["response"]!["usage"] = null;
        });
        var info = Check(events).Of(RuleIds.NullForOptional);
        Assert.Equal(["/response/usage", "/response/user"], info.Select(f => f.Pointer));
        Assert.All(info, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Empty(Check(events).Of(RuleIds.EventSchemaViolation));

        var strict = Check(events, new ProbeOptions(NullPolicy.Error)).Of(RuleIds.NullForOptional);
        Assert.All(strict, f => Assert.Equal(Severity.Error, f.Severity));
        Assert.Equal(2, strict.Count);
        Assert.Empty(Check(events, new ProbeOptions(NullPolicy.Ignore)).Findings);

        var requiredNull = Check(With(0, e => e["response"]!["id"] = null));
        Assert.Equal("/response/id", Assert.Single(requiredNull.Of(RuleIds.EventSchemaViolation)).Pointer);
        Assert.Empty(requiredNull.Of(RuleIds.NullForOptional));
    }

    [Fact]
    public void An_unknown_property_is_info_but_free_form_objects_are_not_judged()
    {
        var report = Check(With(2, e => e["obfuscation"] = "k3Xz"));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(RuleIds.UnknownEventField, finding.RuleId);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal("/obfuscation", finding.Pointer);

        Assert.Empty(Check(With(0, e => e["response"]!["metadata"] = new JsonObject { ["team"] = "a" })).Findings);
    }

    [Fact]
    public void An_unknown_event_type_is_a_warning_and_data_that_is_not_an_object_is_an_error()
    {
        var events = CleanEvents().ToList();
        events.Insert(5, """{"type":"response.reasoning.delta","sequence_number":5}""");
        var renumbered = events.Select((e, i) => i <= 5 ? e : Renumber(e, i)).ToList();
        var unknown = Assert.Single(Check(renumbered).Findings);
        Assert.Equal(RuleIds.UnknownEventType, unknown.RuleId);
        Assert.Equal(Severity.Warning, unknown.Severity);
        Assert.Equal("response.reasoning.delta", unknown.Actual);

        var broken = SseRecording.Parse("s", "s.sse", Sse(CleanEvents()).Replace("\"delta\":\"Hel\"}", "\"delta\":\"Hel", StringComparison.Ordinal));
        var notJson = Assert.Single(Check(broken).Of(RuleIds.EventNotJson));
        Assert.Equal(2, notJson.EventIndex);
        Assert.Single(Check(With(3, e => e.Remove("type"))).Of(RuleIds.EventNotJson));
    }

    [Fact]
    public void A_block_scalar_whose_only_line_is_spaces_loads_as_the_openapi_reader_reads_it()
    {
        // OpenAI's document has `example: |+` followed by a line of spaces deeper than the next key; YamlDotNet alone
        // rejects it, so `probe --replay --spec` of the real tip failed while validate read the same file.
        var yaml = "openapi: 3.1.0\ninfo: { title: mini, version: '1' }\ncomponents:\n  schemas:\n    PingEvent:\n      type: object\n"
            + "      required: [type]\n      properties:\n        type: { type: string, enum: [ping] }\n        note:\n          type: string\n"
            + "          example: |+\n            \n          nullable: true\n";
        Assert.Equal("ping", Assert.Single(EventSchemas.Load(Encoding.UTF8.GetBytes(yaml), "mini.yaml").EventTypes));
        Assert.Contains("PingEvent", SpecMap.Core.OpenApi.OpenApiLoader.Load(Encoding.UTF8.GetBytes(yaml), "mini.yaml").SchemaKeys);
    }

    [Fact]
    public void Yaml_and_openapi_3_0_nullable_load_and_bad_documents_say_where()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: mini, version: '1' }
            components:
              schemas:
                PingEvent:
                  type: object
                  required: [type, note]
                  properties:
                    type: { type: string, enum: [ping] }
                    note: { type: string, nullable: true }
                    count: { type: integer }
            """;
        var spec = EventSchemas.Load(Encoding.UTF8.GetBytes(yaml), "mini.yaml");
        Assert.Equal("ping", Assert.Single(spec.EventTypes));
        var clean = ProbeChecker.Check([Stream(["""{"type":"ping","note":null,"count":1}"""])], spec, null, ProbeOptions.Default);
        Assert.DoesNotContain(clean.Findings, f => f.RuleId == RuleIds.EventSchemaViolation);
        var broken = ProbeChecker.Check([Stream(["""{"type":"ping","note":null,"count":"1"}"""])], spec, null, ProbeOptions.Default);
        Assert.Equal("/count", Assert.Single(broken.Of(RuleIds.EventSchemaViolation)).Pointer);

        var bad = Assert.Throws<EventSchemaException>(() => EventSchemas.Load(Encoding.UTF8.GetBytes("openapi: 3.1.0\ninfo: [unclosed\n"), "bad.yaml"));
        Assert.StartsWith("bad.yaml(", bad.Message, StringComparison.Ordinal);
        var none = Assert.Throws<EventSchemaException>(() => EventSchemas.Load(Encoding.UTF8.GetBytes("{\"openapi\": \"3.1.0\"}"), "empty.json"));
        Assert.Equal("empty.json(1,1): the document has no components.schemas, so it declares no events", none.Message);
        var dangling = EventSchemas.Load(Encoding.UTF8.GetBytes("""
            {"openapi": "3.1.0", "components": {"schemas": {"PingEvent": {"type": "object",
              "properties": {"type": {"enum": ["ping"]}, "body": {"$ref": "#/components/schemas/Missing"}}}}}}
            """), "dangling.json");
        var unusable = Assert.Throws<EventSchemaException>(() => ProbeChecker.Check([Stream(["""{"type":"ping","body":{}}"""])], dangling, null, ProbeOptions.Default));
        Assert.StartsWith("dangling.json(1,1): the schema #/components/schemas/PingEvent for 'ping' cannot be used: ", unusable.Message, StringComparison.Ordinal);
    }

    internal static string Renumber(string payload, int sequence)
    {
        var node = (JsonObject)JsonNode.Parse(payload)!;
        node["sequence_number"] = sequence;
        return node.ToJsonString();
    }
}
