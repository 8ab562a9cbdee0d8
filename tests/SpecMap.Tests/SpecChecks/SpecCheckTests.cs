using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Catalog;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.SpecChecks;

/// <summary>
/// Issue 12: a names-only mapping plus the OpenAPI document (the vendored slice of OpenAI's spec, copied into a real
/// git repository) catches the incident, and correct models, ours and the shapes of OpenAI's own SDK classes, raise
/// no false alarm.
/// </summary>
public sealed class SpecCheckTests : IDisposable
{
    private static readonly string Slice = File.ReadAllText(Path.Combine(CatalogTests.RepositoryRoot(), "mapping", "examples", "spec", "openapi.yaml"));

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_names_only_mapping_catches_the_delta_becoming_a_dict_through_the_spec()
    {
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("server/protocol.py", Protocol("str"))
            .Write("SPEC_TO_CODE_MAPPING.json", Mapping("\"required_fields\": [\"type\", \"sequence_number\", \"item_id\", \"output_index\", \"delta\"],"));
        _repository.Commit("names-only mapping, correct model");
        var before = ContractRun.Validate(_repository);
        Assert.True(before.All(d => d.Severity == Severity.Info), ContractRun.Show(before.Where(d => d.Severity != Severity.Info)));

        _repository.Write("server/protocol.py", Protocol("dict[str, list[ResponseToolCallDeltaContent]]"));
        _repository.Commit("delta carries structured content");
        var after = ContractRun.Validate(_repository);
        var error = Assert.Single(after, d => d.Severity == Severity.Error);
        Assert.Equal(RuleIds.RequiredFieldIncompatible, error.Id);
        Assert.Equal("/streaming_events/0/required_fields/delta", error.Pointer);
        Assert.Contains("is dict[str, list[ResponseToolCallDeltaContent]] (", error.Message, StringComparison.Ordinal);
        Assert.Contains("which cannot hold the spec type string (ResponseFunctionCallArgumentsDeltaEvent.delta)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_required_fields_the_model_is_checked_against_the_spec_for_presence_and_type()
    {
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("server/protocol.py", Protocol("int").Replace("    item_id: str\n", string.Empty, StringComparison.Ordinal))
            .Write("SPEC_TO_CODE_MAPPING.json", Mapping(string.Empty));
        _repository.Commit("model without item_id");
        var errors = ContractRun.Validate(_repository).Where(d => d.Severity == Severity.Error).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        Assert.Equal([RuleIds.RequiredFieldMissing, RuleIds.RequiredFieldIncompatible], errors.Select(d => d.Id));
        Assert.Contains("the spec requires field 'item_id'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("the spec type string", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_models_are_followed_so_a_list_of_objects_cannot_stand_for_an_array_of_strings()
    {
        // ResponseLogProb.top_logprobs is array<object>; token is a string: a nested class typing it as a list fails.
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("server/protocol.py", """
                from typing import Literal
                from pydantic import BaseModel

                class Token(BaseModel):
                    text: str

                class LogProb(BaseModel):
                    token: list[Token]
                    logprob: float

                class ResponseTextDeltaEvent(BaseModel):
                    type: Literal["response.output_text.delta"]
                    sequence_number: int
                    item_id: str
                    output_index: int
                    content_index: int
                    delta: str
                    logprobs: list[LogProb]
                """)
            .Write("SPEC_TO_CODE_MAPPING.json", """
                { "spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] },
                  "streaming_events": [ { "name": "response.output_text.delta", "status": "implemented",
                    "model": "server/protocol.py#ResponseTextDeltaEvent" } ] }
                """);
        _repository.Commit("nested model");
        var error = Assert.Single(ContractRun.Validate(_repository), d => d.Severity == Severity.Error);
        Assert.Equal(RuleIds.RequiredFieldIncompatible, error.Id);
        Assert.Contains("field 'token' of model 'LogProb'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResponseTextDeltaEvent.logprobs.token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mapping_is_checked_against_the_spec_and_unknown_items_and_unmapped_events_are_named()
    {
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("server/protocol.py", Protocol("str"))
            .Write("SPEC_TO_CODE_MAPPING.json", """
                { "spec": { "openapi": "specs/openapi.yaml", "paths": ["/v1/responses"] },
                  "streaming_events": [
                    { "name": "response.function_call_arguments.delta", "status": "implemented",
                      "model": "server/protocol.py#ResponseFunctionCallArgumentsDeltaEvent",
                      "required_fields": { "type": "string", "delta": "object", "obfuscation": "string", "color": "string" } },
                    { "name": "response.no_such.event", "status": "missing" } ] }
                """);
        _repository.Commit("mapping that disagrees with the spec");
        var diagnostics = ContractRun.Validate(_repository);
        var shown = ContractRun.Show(diagnostics);
        Assert.Contains(diagnostics, d => d.Id == RuleIds.SpecRequiredNotListed && d.Message.Contains("'item_id'", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == RuleIds.ListedNotRequiredBySpec && d.Message.Contains("'color', which ResponseFunctionCallArgumentsDeltaEvent in the spec does not have", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == RuleIds.ListedTypeDiffersFromSpec && d.Pointer == "/streaming_events/0/required_fields/delta");
        Assert.Contains(diagnostics, d => d.Id == RuleIds.MappedItemNotInSpec && d.Pointer == "/streaming_events/1");
        Assert.Contains(diagnostics, d => d.Id == RuleIds.SpecItemUnmapped && d.Message.StartsWith("event 'response.created'", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.ListedTypeDiffersFromSpec && d.Pointer.EndsWith("/type", StringComparison.Ordinal));
        Assert.True(diagnostics.Count(d => d.Id == RuleIds.SpecRequiredNotListed) >= 3, shown);
    }

    [Fact]
    public void The_request_model_is_checked_against_the_request_body()
    {
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("server/protocol.py", """
                from typing import Optional
                from pydantic import BaseModel

                class ResponsesRequest(BaseModel):
                    model: str
                    stream: Optional[str] = None
                """)
            .Write("SPEC_TO_CODE_MAPPING.json", """
                { "spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] },
                  "endpoints": { "POST /v1/responses": { "status": "implemented", "request_model": "server/protocol.py#ResponsesRequest" } },
                  "request_parameters": {
                    "model": { "status": "implemented" },
                    "stream": { "status": "implemented" },
                    "temperature": { "status": "implemented" },
                    "background": { "status": "missing" } } }
                """);
        _repository.Commit("request model");
        var errors = ContractRun.Validate(_repository).Where(d => d.Id == RuleIds.RequestParameterMismatch).OrderBy(d => d.Pointer, StringComparer.Ordinal).ToList();
        Assert.Equal(["/request_parameters/stream", "/request_parameters/temperature"], errors.Select(d => d.Pointer));
        Assert.Contains("is Optional[str]", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("absent from request model 'ResponsesRequest'", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_spec_named_in_specmap_json_is_used_and_an_unreadable_one_is_SMV0004()
    {
        _repository.Write("specs/openapi.yaml", "openapi: [3.1\n")
            .Write(".specmap.json", """{ "spec": { "openapi": "specs/openapi.yaml" } }""")
            .Write("server/protocol.py", Protocol("str"))
            .Write("SPEC_TO_CODE_MAPPING.json", """
                { "streaming_events": [ { "name": "response.function_call_arguments.delta", "status": "implemented",
                    "model": "server/protocol.py#ResponseFunctionCallArgumentsDeltaEvent" } ] }
                """);
        _repository.Commit("broken spec");
        var problem = Assert.Single(ContractRun.Validate(_repository), d => d.Id == RuleIds.ConfigurationProblem);
        Assert.Contains("the spec cannot be read", problem.Message, StringComparison.Ordinal);
        Assert.Contains("specs/openapi.yaml(", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shapes of openai-python's `src/openai/types/responses/response_*_event.py` classes as the SDK publishes them
    /// (written from its public shapes; the SDK's `BaseModel` is pydantic's): no false alarm against the spec.
    /// </summary>
    [Fact]
    public void OpenAIs_own_sdk_event_classes_raise_no_false_alarm()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write("openai/types/responses/events.py", SdkEvents);
        var items = string.Join(",\n", SdkClasses.Select(e =>
            $$"""{ "name": "{{e.Event}}", "status": "implemented", "model": "openai/types/responses/events.py#{{e.Class}}" }"""));
        _repository.Write("SPEC_TO_CODE_MAPPING.json", $$"""{ "spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] }, "streaming_events": [ {{items}} ] }""");
        _repository.Commit("sdk classes");
        var diagnostics = ContractRun.Validate(_repository);
        Assert.True(diagnostics.All(d => d.Severity == Severity.Info), ContractRun.Show(diagnostics.Where(d => d.Severity != Severity.Info)));
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.MappedItemNotInSpec);
    }

    private static readonly (string Event, string Class)[] SdkClasses =
    [
        ("response.output_text.delta", "ResponseTextDeltaEvent"),
        ("response.output_text.done", "ResponseTextDoneEvent"),
        ("response.function_call_arguments.delta", "ResponseFunctionCallArgumentsDeltaEvent"),
        ("response.function_call_arguments.done", "ResponseFunctionCallArgumentsDoneEvent"),
        ("response.reasoning_summary_text.delta", "ResponseReasoningSummaryTextDeltaEvent"),
        ("response.reasoning_text.delta", "ResponseReasoningTextDeltaEvent"),
        ("error", "ResponseErrorEvent"),
        ("response.in_progress", "ResponseInProgressEvent"),
    ];

    private const string SdkEvents = """
        from typing import List, Optional
        from typing_extensions import Literal
        from pydantic import BaseModel

        class LogprobTopLogprob(BaseModel):
            token: Optional[str] = None
            logprob: Optional[float] = None

        class Logprob(BaseModel):
            token: str
            logprob: float
            top_logprobs: Optional[List[LogprobTopLogprob]] = None

        class ResponseTextDeltaEvent(BaseModel):
            content_index: int
            delta: str
            item_id: str
            logprobs: List[Logprob]
            output_index: int
            sequence_number: int
            type: Literal["response.output_text.delta"]

        class ResponseTextDoneEvent(BaseModel):
            content_index: int
            item_id: str
            logprobs: List[Logprob]
            output_index: int
            sequence_number: int
            text: str
            type: Literal["response.output_text.done"]

        class ResponseFunctionCallArgumentsDeltaEvent(BaseModel):
            delta: str
            item_id: str
            output_index: int
            sequence_number: int
            type: Literal["response.function_call_arguments.delta"]

        class ResponseFunctionCallArgumentsDoneEvent(BaseModel):
            arguments: str
            item_id: str
            name: str
            output_index: int
            sequence_number: int
            type: Literal["response.function_call_arguments.done"]

        class ResponseReasoningSummaryTextDeltaEvent(BaseModel):
            delta: str
            item_id: str
            output_index: int
            sequence_number: int
            summary_index: int
            type: Literal["response.reasoning_summary_text.delta"]

        class ResponseReasoningTextDeltaEvent(BaseModel):
            content_index: int
            delta: str
            item_id: str
            output_index: int
            sequence_number: int
            type: Literal["response.reasoning_text.delta"]

        class ResponseErrorEvent(BaseModel):
            code: Optional[str] = None
            message: str
            param: Optional[str] = None
            sequence_number: int
            type: Literal["error"]

        class Response(BaseModel):
            id: str
            created_at: float
            model: str
            object: Literal["response"]

        class ResponseInProgressEvent(BaseModel):
            response: Response
            sequence_number: int
            type: Literal["response.in_progress"]
        """;

    private static string Protocol(string deltaType) => $$"""
        from typing import Literal
        from pydantic import BaseModel

        class ResponseFunctionCallArgumentsDeltaEvent(BaseModel):
            type: Literal["response.function_call_arguments.delta"] = "response.function_call_arguments.delta"
            sequence_number: int
            item_id: str
            output_index: int
            delta: {{deltaType}}
        """;

    private static string Mapping(string requiredFields) => $$"""
        {
          "spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] },
          "streaming_events": [
            {
              "name": "response.function_call_arguments.delta",
              "status": "implemented",
              {{requiredFields}}
              "model": "server/protocol.py#ResponseFunctionCallArgumentsDeltaEvent"
            }
          ]
        }
        """;
}
