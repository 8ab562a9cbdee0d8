using SpecMap.Core.Contracts;
using SpecMap.Core.OpenApi;

namespace SpecMap.Tests.OpenApi;

/// <summary>The reader on real versions of OpenAI's document: the tip of main (YAML and JSON) and the 2025-03-11 branch.</summary>
public sealed class OpenAiSpecTests
{
    [OpenAiSpecFact]
    public void Tip_has_the_58_response_stream_events_each_requiring_its_type_and_sequence_number()
    {
        var spec = OpenAiSpecBundle.Load("main:openapi.yaml");
        var events = spec.StreamEvents("POST", "/v1/responses");

        Assert.Equal(58, events.Length);
        Assert.Equal(events.Select(e => e.Name).Order(StringComparer.Ordinal), events.Select(e => e.Name));
        foreach (var streamEvent in events)
        {
            var schema = spec.Schema(streamEvent.Schema);
            Assert.NotNull(schema);
            var type = schema.Field("type");
            Assert.True(type is { Required: true }, $"{streamEvent.Name}: type is not required");
            Assert.Equal([streamEvent.Name], type.Type.Values.ToArray());
            Assert.True(schema.Field("sequence_number") is { Required: true, TypeText: "integer" }, $"{streamEvent.Name}: sequence_number");
        }
    }

    [OpenAiSpecFact]
    public void Tip_events_carry_their_required_fields_with_contract_types()
    {
        var spec = OpenAiSpecBundle.Load("main:openapi.yaml");

        Assert.Equal(
            "type:string!, item_id:string!, output_index:integer!, content_index:integer!, delta:string!, sequence_number:integer!, logprobs:array<object>!",
            Fields(spec, "response.output_text.delta"));
        Assert.Equal("type:string!, response:object!, sequence_number:integer!", Fields(spec, "response.created"));
        Assert.Equal("type:string!, code:string?!, message:string!, param:string?!, sequence_number:integer!", Fields(spec, "error"));
        var delta = spec.Schema(spec.FindEvent("response.output_text.delta")!.Schema)!;
        Assert.Equal(["ResponseLogProb"], delta.Field("logprobs")!.Schemas.ToArray());
    }

    [OpenAiSpecFact]
    public void Nested_models_are_reachable_two_levels_deep_and_comparable_with_code_types()
    {
        var spec = OpenAiSpecBundle.Load("main:openapi.yaml");
        var created = spec.Schema(spec.FindEvent("response.created")!.Schema)!;
        var response = spec.Schema(Assert.Single(created.Field("response")!.Schemas))!;
        var usage = spec.Schema(response.Field("usage")!.Schemas.Single())!;
        Assert.Equal("integer", usage.Field("input_tokens")!.TypeText);

        // The incident: the spec's `delta: string` against code `dict[str, list[Obj]]`, and `logprobs` items against `list[str]`.
        var delta = spec.Schema(spec.FindEvent("response.output_text.delta")!.Schema)!;
        var dictOfLists = new CodeShape(ShapeKind.Map, new CodeShape(ShapeKind.Array, CodeShape.ObjectShape));
        Assert.False(TypeCompatibility.Holds(delta.Field("delta")!.Type, dictOfLists));
        Assert.True(TypeCompatibility.Holds(delta.Field("delta")!.Type, CodeShape.StringShape));
        Assert.False(TypeCompatibility.Holds(delta.Field("logprobs")!.Type, new CodeShape(ShapeKind.Array, CodeShape.StringShape)));
        Assert.True(TypeCompatibility.Holds(delta.Field("logprobs")!.Type, new CodeShape(ShapeKind.Array, CodeShape.ObjectShape)));
    }

    [OpenAiSpecFact]
    public void Json_and_yaml_forms_of_the_tip_give_the_same_model()
    {
        var yaml = OpenAiSpecBundle.Load("main:openapi.yaml");
        var json = OpenAiSpecBundle.Load("main:openapi.json");

        Assert.Equal(yaml.Endpoints.Select(e => e.Name), json.Endpoints.Select(e => e.Name));
        Assert.Equal(yaml.SchemaKeys.Order(StringComparer.Ordinal), json.SchemaKeys.Order(StringComparer.Ordinal));
        foreach (var streamEvent in yaml.StreamEvents("POST", "/responses"))
        {
            Assert.Equal(Fields(yaml, streamEvent.Name), Fields(json, streamEvent.Name));
        }
    }

    [OpenAiSpecFact]
    public void Endpoint_matches_under_the_v1_server_and_exposes_its_request_body()
    {
        var spec = OpenAiSpecBundle.Load("main:openapi.yaml");

        Assert.Equal(["/v1"], spec.ServerPaths.ToArray());
        var create = spec.FindEndpoint("POST /v1/responses");
        Assert.NotNull(create);
        Assert.Equal("/responses", create.Path);
        Assert.NotNull(spec.FindEndpoint("GET", "/v1/responses/{id}"));
        Assert.Null(spec.FindEndpoint("PUT", "/v1/responses"));
        var request = spec.RequestFields(create).ToDictionary(f => f.Name);
        Assert.Equal("string", request["model"].TypeText);
        Assert.Equal("boolean?", request["stream"].TypeText);
        Assert.Equal("boolean?", request["background"].TypeText);
        Assert.Equal("number?", request["temperature"].TypeText);
    }

    [OpenAiSpecFact]
    public void Sequence_number_is_not_required_in_2025_03_11_and_required_at_the_tip_and_the_diff_says_so()
    {
        var older = OpenAiSpecBundle.Load("2025-03-11:openapi.yaml");
        var newer = OpenAiSpecBundle.Load("main:openapi.yaml");
        var olderDelta = older.Schema(older.FindEvent("response.output_text.delta")!.Schema)!;
        Assert.False(olderDelta.Field("sequence_number")?.Required ?? false);

        var diff = SpecDiff.Compare(older, newer, new SpecDiffScope(["response.output_text.delta", "response.created", "response.queued"], []));

        Assert.Contains(new SpecChange("event response.output_text.delta", SpecChangeKind.FieldAdded, "sequence_number", null, "integer, required"), diff.Changes);
        Assert.Contains(new SpecChange("event response.created", SpecChangeKind.FieldAdded, "sequence_number", null, "integer, required"), diff.Changes);
        Assert.Contains(diff.Changes, c => c is { Item: "event response.queued", Kind: SpecChangeKind.ItemAdded });
        Assert.DoesNotContain(diff.Changes, c => c.Kind == SpecChangeKind.ItemRemoved);
    }

    [OpenAiSpecFact]
    public void Every_tip_event_with_its_fields_and_types_matches_the_snapshot()
    {
        var spec = OpenAiSpecBundle.Load("main:openapi.yaml");
        var text = new System.Text.StringBuilder();
        foreach (var streamEvent in spec.StreamEvents("POST", "/responses"))
        {
            text.Append(streamEvent.Name).Append(" (").Append(streamEvent.Schema).Append(")\n");
            foreach (var field in spec.Schema(streamEvent.Schema)!.Fields)
            {
                text.Append("  ").Append(field.Name).Append(": ").Append(SpecDiff.TypeLabel(field)).Append(field.Required ? ", required" : "").Append('\n');
            }
        }

        Output.Snapshot.Match(text.ToString(), "response-stream-events-tip.txt");
    }

    [OpenAiSpecFact]
    public void Spec_diff_of_2025_03_11_against_the_tip_matches_the_snapshot()
    {
        var diff = SpecDiff.Compare(OpenAiSpecBundle.Load("2025-03-11:openapi.yaml"), OpenAiSpecBundle.Load("main:openapi.yaml"), SpecDiffScope.AllResponseEvents);

        Output.Snapshot.Match(SpecDiffFormatter.Text(diff, "2025-03-11:openapi.yaml", "main:openapi.yaml"), "spec-diff-2025-03-11-tip.txt");
    }

    /// <summary>`name:type!` for each field, `!` when required, in document order.</summary>
    private static string Fields(OpenApiSpec spec, string eventName)
    {
        var schema = spec.Schema(spec.FindEvent(eventName)!.Schema)!;
        return string.Join(", ", schema.Fields.Select(f => $"{f.Name}:{f.TypeText.Split(" (one of")[0]}{(f.Required ? "!" : "")}"));
    }
}
