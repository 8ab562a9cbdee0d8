using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.OpenApi;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.SpecChecks;

/// <summary>
/// What the measurement on OpenAI's own SDK classes found the spec checks getting wrong: false alarms (fields of a
/// base class outside the repository, the `spec` block's own keys, a type note for types that are checked, a
/// required name the spec never defines) and silent passes (quoted forward references, union members, types that
/// hold anything, a full score despite an unlisted field's error). Each in a real git repository, against a small
/// spec of our own.
/// </summary>
public sealed class SpecCheckGapTests : IDisposable
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: events, version: "1" }
        paths:
          /responses:
            post:
              responses:
                "200":
                  content:
                    text/event-stream:
                      schema:
                        $ref: "#/components/schemas/StreamEvent"
        components:
          schemas:
            StreamEvent:
              anyOf:
                - $ref: "#/components/schemas/TextDelta"
                - $ref: "#/components/schemas/Completed"
                - $ref: "#/components/schemas/ItemAdded"
                - $ref: "#/components/schemas/AudioDone"
            TextDelta:
              type: object
              required: [type, item_id, delta, logprobs]
              properties:
                type: { type: string, enum: [response.output_text.delta] }
                item_id: { type: string }
                delta: { type: string }
                logprobs: { type: array, items: { $ref: "#/components/schemas/LogProb" } }
            LogProb:
              type: object
              required: [token, logprob]
              properties:
                token: { type: string }
                logprob: { type: number }
            Completed:
              type: object
              required: [type, response]
              properties:
                type: { type: string, enum: [response.completed] }
                response: { $ref: "#/components/schemas/Response" }
            Response:
              type: object
              required: [id]
              properties:
                id: { type: string }
            ItemAdded:
              type: object
              required: [type, item]
              properties:
                type: { type: string, enum: [response.output_item.added] }
                item: { $ref: "#/components/schemas/OutputItem" }
            OutputItem:
              oneOf:
                - $ref: "#/components/schemas/Message"
                - $ref: "#/components/schemas/FunctionCall"
              discriminator: { propertyName: type }
            Message:
              type: object
              required: [type, text]
              properties:
                type: { type: string, enum: [message] }
                text: { type: string }
            FunctionCall:
              type: object
              required: [type, arguments]
              properties:
                type: { type: string, const: function_call }
                arguments: { type: string }
            AudioDone:
              type: object
              required: [type, sequence_number, response_id]
              properties:
                type: { type: string, enum: [response.audio.done] }
                sequence_number: { type: integer }
        """;

    private const string TextDeltaModel = """
        class TextDelta(BaseModel):
            type: Literal["response.output_text.delta"]
            item_id: str
            delta: str
            logprobs: list[LogProb]
        """;

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Fields_that_may_come_from_a_base_class_outside_the_repository_are_one_note_not_errors()
    {
        Commit("""
            from openai.types.responses import ResponseTextDeltaEvent as SdkTextDelta

            class TextDelta(SdkTextDelta):
                obfuscation: str | None = None
            """, Item("response.output_text.delta", "TextDelta"));
        var diagnostics = ContractRun.Validate(_repository);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var note = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal("/streaming_events/0", note.Pointer);
        Assert.Contains("required fields 'type', 'item_id', 'delta', 'logprobs' of the spec (TextDelta) not checked", note.Message, StringComparison.Ordinal);
        Assert.Contains("base class 'SdkTextDelta' outside the repository", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_keys_of_the_spec_block_are_read_so_none_is_ignored_or_taken_for_a_typo()
    {
        Commit(Classes(TextDeltaModel), Item("response.output_text.delta", "TextDelta"));
        var report = ContractRun.Report(_repository);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == RuleIds.UnknownKey);
        Assert.DoesNotContain("paths", report.Document.Ignored);
        Assert.DoesNotContain("openapi", report.Document.Ignored);
    }

    [Fact]
    public void Names_only_fields_are_not_called_unchecked_when_the_spec_types_them()
    {
        Commit(Classes(TextDeltaModel), Item("response.output_text.delta", "TextDelta", """, "required_fields": ["type", "item_id", "delta", "logprobs"]"""),
            Item("response.our_own.event", "TextDelta", """, "required_fields": ["type", "delta"]"""));
        var diagnostics = ContractRun.Validate(_repository);
        var note = Assert.Single(diagnostics, d => d.Message.Contains("lists names only", StringComparison.Ordinal));
        // Only the item the spec does not have keeps the note; the spec's item has its types checked.
        Assert.Equal("/streaming_events/1/required_fields", note.Pointer);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_full_score_is_not_kept_when_a_field_the_mapping_does_not_list_breaks_the_spec()
    {
        Commit(Classes(TextDeltaModel.Replace("delta: str", "delta: int", StringComparison.Ordinal)),
            Item("response.output_text.delta", "TextDelta", """, "compliance_score": 100"""));
        var diagnostics = ContractRun.Validate(_repository);
        Assert.Equal("/streaming_events/0", Assert.Single(diagnostics, d => d.Id == RuleIds.RequiredFieldIncompatible).Pointer);
        var full = Assert.Single(diagnostics, d => d.Id == RuleIds.FullScoreWithContractError);
        Assert.Contains("(SMV0304 on 'delta')", full.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_forward_references_are_followed_into_the_nested_models()
    {
        Commit("""
            from typing import List, Literal
            from pydantic import BaseModel

            class TextDelta(BaseModel):
                type: Literal["response.output_text.delta"]
                item_id: str
                delta: str
                logprobs: List["LogProb"]

            class Completed(BaseModel):
                type: Literal["response.completed"]
                response: "Response"

            class LogProb(BaseModel):
                token: int
                logprob: float

            class Response(BaseModel):
                id: int
            """, Item("response.output_text.delta", "TextDelta"), Item("response.completed", "Completed"));
        var errors = ContractRun.Validate(_repository).Where(d => d.Severity == Severity.Error).OrderBy(d => d.Pointer, StringComparer.Ordinal).ToList();
        Assert.Equal([RuleIds.RequiredFieldIncompatible, RuleIds.RequiredFieldIncompatible], errors.Select(d => d.Id));
        Assert.Contains("field 'token' of model 'LogProb'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("field 'id' of model 'Response'", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Union_members_are_matched_to_the_spec_variants_by_their_type_literal()
    {
        Commit("""
            from typing import Annotated, Literal, Union
            from pydantic import BaseModel

            class Message(BaseModel):
                type: Literal["message"]
                text: str

            class FunctionCall(BaseModel):
                type: Literal["function_call"]
                arguments: dict[str, int]

            class Reasoning(BaseModel):
                type: Literal["reasoning"]
                summary: str

            class ItemAdded(BaseModel):
                type: Literal["response.output_item.added"]
                item: Annotated[Union[Message, FunctionCall, Reasoning], PropertyInfo(discriminator="type")]
            """, Item("response.output_item.added", "ItemAdded"));
        var diagnostics = ContractRun.Validate(_repository);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("field 'arguments' of model 'FunctionCall' is", error.Message, StringComparison.Ordinal);
        Assert.Contains("which cannot hold the spec type", error.Message, StringComparison.Ordinal);
        var note = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal("type of field 'item' of model 'ItemAdded' not checked against the spec, because its union member 'Reasoning' matches no variant of the spec by a literal such as 'type'", note.Message);
    }

    [Fact]
    public void Code_types_that_hold_anything_or_cannot_be_resolved_are_named_in_one_note_per_item()
    {
        Commit(Classes(TextDeltaModel.Replace("delta: str", "delta: object", StringComparison.Ordinal)
                .Replace("item_id: str", "item_id: ItemIdFromElsewhere", StringComparison.Ordinal)),
            Item("response.output_text.delta", "TextDelta"));
        var diagnostics = ContractRun.Validate(_repository);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var note = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal("types of 2 fields of model 'TextDelta' not checked against the spec: 'item_id' (its code type 'ItemIdFromElsewhere' cannot be resolved in the repository), 'delta' (its code type 'object' holds any value)", note.Message);
    }

    [Fact]
    public void A_required_name_the_spec_never_defines_is_a_warning_about_the_spec_listed_or_not()
    {
        const string audio = """
            class AudioDone(BaseModel):
                type: Literal["response.audio.done"]
                sequence_number: int
            """;
        Commit(Classes(audio), Item("response.audio.done", "AudioDone"), Item("response.audio.done", "AudioDone", """, "required_fields": ["type", "sequence_number", "response_id"]"""),
            Item("response.audio.done", "AudioDone", """, "required_fields": ["type", "sequence_number"]"""));
        var diagnostics = ContractRun.Validate(_repository);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var warnings = diagnostics.Where(d => d.Id == RuleIds.SpecRequiresUndefinedProperty).OrderBy(d => d.Pointer, StringComparer.Ordinal).ToList();
        Assert.Equal(["/streaming_events/0", "/streaming_events/1/required_fields/response_id", "/streaming_events/2"], warnings.Select(d => d.Pointer));
        // Not also SMV0320 "(any)": the mapping that leaves the name out is not told to list a property the spec lacks.
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.SpecRequiredNotListed);
        Assert.All(warnings, w => Assert.Equal(Severity.Warning, w.Severity));
        Assert.StartsWith("the spec (AudioDone) requires 'response_id' but defines no such property, and model 'AudioDone'", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_name_without_a_property_stays_marked_through_the_spec_cache()
    {
        var folder = Path.Combine(_repository.Root, "cache");
        var bytes = Encoding.UTF8.GetBytes(Spec);
        var parsed = OpenApiLoader.Load(bytes, "spec.yaml", folder, null, out var first);
        var cached = OpenApiLoader.Load(bytes, "spec.yaml", folder, null, out var second);
        Assert.Equal((SpecOrigin.Parsed, SpecOrigin.Cache), (first, second));
        foreach (var spec in new[] { parsed, cached })
        {
            var schema = spec.Schema("AudioDone")!;
            Assert.False(schema.Field("response_id")!.Defined);
            Assert.True(schema.Field("sequence_number")!.Defined);
        }
    }

    private static string Classes(params string[] classes) => $$"""
        from typing import Literal
        from pydantic import BaseModel

        class LogProb(BaseModel):
            token: str
            logprob: float

        {{string.Join("\n\n", classes)}}
        """;

    private static string Item(string name, string model, string more = "") =>
        $$"""{ "name": "{{name}}", "status": "implemented", "model": "server/events.py#{{model}}"{{more}} }""";

    private void Commit(string events, params string[] items)
    {
        _repository.Write("specs/openapi.yaml", Spec)
            .Write("server/events.py", events)
            .Write("SPEC_TO_CODE_MAPPING.json", $$"""
                {
                  "spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] },
                  "streaming_events": [
                    {{string.Join(",\n    ", items)}}
                  ]
                }
                """);
        _repository.Commit("events and mapping");
    }
}
