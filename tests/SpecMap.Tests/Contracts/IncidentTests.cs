using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>
/// "Bug #5" (../shared/context/system-described.md): a server's mapping of 20 streaming events called
/// `response.tool_call.delta` implemented and 100% compliant while its model's `delta` became a dict of lists.
/// The change must fail validation with SMV0304 at that event's entry and nowhere else.
/// </summary>
public sealed class IncidentTests : IDisposable
{
    private const int ToolCallDelta = 11;
    private const string DeltaPointer = "/streaming_events/11/required_fields/delta";

    /// <summary>(event, class, fields as (name, spec type, Python type, C# type)).</summary>
    private static readonly (string Event, string Class, (string Name, string Spec, string Python, string CSharp)[] Fields)[] Events = BuildEvents();

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Python_the_delta_change_fails_with_SMV0304_at_that_event_only()
    {
        _repository.Write("vllm/entrypoints/openai/protocol.py", PythonProtocol("str"))
            .Write("SPEC_TO_CODE_MAPPING.json", Mapping("vllm/entrypoints/openai/protocol.py"));
        var good = _repository.Commit("protocol models and mapping");
        var before = ContractRun.Validate(_repository);
        Assert.True(before.IsEmpty, ContractRun.Show(before));

        _repository.Write("vllm/entrypoints/openai/protocol.py", PythonProtocol("dict[str, list[ResponseToolCallDeltaContent]]"));
        var bad = _repository.Commit("tool call delta carries structured content");
        var after = ContractRun.Validate(_repository);
        AssertOnlyTheDeltaFails(after, "is dict[str, list[ResponseToolCallDeltaContent]] (");

        // CI replaying history (--against) sees the same: the earlier commit passes, the change fails.
        Assert.Empty(ContractRun.Validate(_repository, against: good));
        AssertOnlyTheDeltaFails(ContractRun.Validate(_repository, against: bad), "is dict[str, list[ResponseToolCallDeltaContent]]");

        // The CLI a hook or CI runs says the same, and exits 1.
        var cli = CliRunner.Run(_repository.Root, "validate", "SPEC_TO_CODE_MAPPING.json", "--format", "json");
        Assert.Equal(1, cli.ExitCode);
        using var json = JsonDocument.Parse(cli.Stdout);
        var errors = json.RootElement.GetProperty("mappings")[0].GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error").ToList();
        var error = Assert.Single(errors);
        Assert.Equal("SMV0304", error.GetProperty("id").GetString());
        Assert.Equal(DeltaPointer, error.GetProperty("pointer").GetString());
    }

    [Fact]
    public void CSharp_the_record_delta_becoming_a_dictionary_fails_with_SMV0304_at_that_event_only()
    {
        _repository.Write("src/Server/Protocol/StreamingEvents.cs", CSharpProtocol("string"))
            .Write("SPEC_TO_CODE_MAPPING.json", Mapping("src/Server/Protocol/StreamingEvents.cs"));
        _repository.Commit("protocol records and mapping");
        var before = ContractRun.Validate(_repository);
        Assert.True(before.IsEmpty, ContractRun.Show(before));

        _repository.Write("src/Server/Protocol/StreamingEvents.cs", CSharpProtocol("Dictionary<string, List<ResponseToolCallDeltaContent>>"));
        _repository.Commit("tool call delta carries structured content");
        AssertOnlyTheDeltaFails(ContractRun.Validate(_repository), "is Dictionary<string, List<ResponseToolCallDeltaContent>>");
    }

    private static void AssertOnlyTheDeltaFails(IReadOnlyList<Diagnostic> diagnostics, string types)
    {
        var shown = ContractRun.Show(diagnostics);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(RuleIds.RequiredFieldIncompatible, error.Id);
        Assert.Equal(DeltaPointer, error.Pointer);
        Assert.Contains(types, error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot hold the spec type string", error.Message, StringComparison.Ordinal);
        // The 100% score of that event is called out too; nothing about any other event.
        Assert.Contains(diagnostics, d => d.Id == RuleIds.FullScoreWithContractError && d.Pointer == $"/streaming_events/{ToolCallDelta}/compliance_score");
        Assert.True(diagnostics.All(d => d.Pointer.StartsWith($"/streaming_events/{ToolCallDelta}/", StringComparison.Ordinal)), shown);
    }

    private static string Mapping(string modelFile)
    {
        var text = new StringBuilder("{\n  \"version\": \"1.1\",\n  \"streaming_events\": [\n");
        for (var i = 0; i < Events.Length; i++)
        {
            var (name, cls, fields) = Events[i];
            var required = string.Join(", ", fields.Select(f => $"\"{f.Name}\": \"{f.Spec}\""));
            text.Append($"    {{\n      \"name\": \"{name}\",\n      \"status\": \"implemented\",\n      \"compliance_score\": 100,\n")
                .Append($"      \"model\": \"{modelFile}#{cls}\",\n      \"required_fields\": {{ {required} }}\n    }}")
                .Append(i + 1 < Events.Length ? ",\n" : "\n");
        }
        return text.Append("  ],\n  \"overall_compliance_score\": 100\n}\n").ToString();
    }

    private static string PythonProtocol(string deltaType)
    {
        var text = new StringBuilder("""
            from typing import Any, Literal, Optional, Union

            from pydantic import BaseModel, ConfigDict, Field


            class OpenAIBaseModel(BaseModel):
                model_config = ConfigDict(extra="allow")


            class ResponseToolCallDeltaContent(OpenAIBaseModel):
                name: Optional[str] = None
                arguments: str = ""


            class StreamingEvent(OpenAIBaseModel):
                sequence_number: int = Field(default=-1)

            """);
        foreach (var (name, cls, fields) in Events)
        {
            text.Append($"\n\nclass {cls}(StreamingEvent):\n    type: Literal[\"{name}\"] = \"{name}\"\n");
            foreach (var field in fields.Where(f => f.Name is not ("type" or "sequence_number")))
            {
                var type = cls == "ResponseToolCallDeltaEvent" && field.Name == "delta" ? deltaType : field.Python;
                text.Append($"    {field.Name}: {type}\n");
            }
        }
        return text.ToString();
    }

    private static string CSharpProtocol(string deltaType)
    {
        var text = new StringBuilder("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            namespace Server.Protocol;

            public sealed record ResponseToolCallDeltaContent(string? Name, string Arguments);

            public abstract record StreamingEvent
            {
                [JsonPropertyName("type")]
                public abstract string Type { get; }

                [JsonPropertyName("sequence_number")]
                public int SequenceNumber { get; init; }
            }

            """);
        foreach (var (name, cls, fields) in Events)
        {
            var parameters = fields.Where(f => f.Name is not ("type" or "sequence_number"))
                .Select(f => $"    {(cls == "ResponseToolCallDeltaEvent" && f.Name == "delta" ? deltaType : f.CSharp)} {Pascal(f.Name)}");
            text.Append($"\npublic sealed record {cls}(\n{string.Join(",\n", parameters)}) : StreamingEvent\n{{\n")
                .Append($"    public override string Type => \"{name}\";\n}}\n");
        }
        return text.ToString();
    }

    private static string Pascal(string name) => string.Concat(name.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static (string, string, (string, string, string, string)[])[] BuildEvents()
    {
        (string, string, string, string) F(string name, string spec) => (name, spec, spec switch
        {
            "string" => "str",
            "integer" => "int",
            "array" => "list[Any]",
            _ => "dict[str, Any]",
        }, spec switch
        {
            "string" => "string",
            "integer" => "int",
            "array" => "List<JsonElement>",
            _ => "JsonElement",
        });
        var common = new[] { F("type", "string"), F("sequence_number", "integer") };
        (string, string, (string, string, string, string)[]) E(string name, string cls, params (string, string, string, string)[] fields) =>
            (name, cls, [.. common, .. fields]);
        var item = new[] { F("item_id", "string"), F("output_index", "integer") };
        return
        [
            E("response.created", "ResponseCreatedEvent", F("response", "object")),
            E("response.in_progress", "ResponseInProgressEvent", F("response", "object")),
            E("response.completed", "ResponseCompletedEvent", F("response", "object")),
            E("response.failed", "ResponseFailedEvent", F("response", "object")),
            E("response.incomplete", "ResponseIncompleteEvent", F("response", "object")),
            E("response.output_item.added", "ResponseOutputItemAddedEvent", F("output_index", "integer"), F("item", "object")),
            E("response.output_item.done", "ResponseOutputItemDoneEvent", F("output_index", "integer"), F("item", "object")),
            E("response.content_part.added", "ResponseContentPartAddedEvent", [.. item, F("content_index", "integer"), F("part", "object")]),
            E("response.content_part.done", "ResponseContentPartDoneEvent", [.. item, F("content_index", "integer"), F("part", "object")]),
            E("response.output_text.delta", "ResponseTextDeltaEvent", [.. item, F("content_index", "integer"), F("delta", "string"), F("logprobs", "array")]),
            E("response.output_text.done", "ResponseTextDoneEvent", [.. item, F("content_index", "integer"), F("text", "string")]),
            E("response.tool_call.delta", "ResponseToolCallDeltaEvent", [.. item, F("delta", "string")]),
            E("response.function_call_arguments.delta", "ResponseFunctionCallArgumentsDeltaEvent", [.. item, F("delta", "string")]),
            E("response.function_call_arguments.done", "ResponseFunctionCallArgumentsDoneEvent", [.. item, F("arguments", "string")]),
            E("response.reasoning_text.delta", "ResponseReasoningTextDeltaEvent", [.. item, F("content_index", "integer"), F("delta", "string")]),
            E("response.reasoning_text.done", "ResponseReasoningTextDoneEvent", [.. item, F("content_index", "integer"), F("text", "string")]),
            E("response.reasoning_summary_text.delta", "ResponseReasoningSummaryTextDeltaEvent", [.. item, F("summary_index", "integer"), F("delta", "string")]),
            E("response.reasoning_summary_text.done", "ResponseReasoningSummaryTextDoneEvent", [.. item, F("summary_index", "integer"), F("text", "string")]),
            E("response.reasoning_summary_part.added", "ResponseReasoningSummaryPartAddedEvent", [.. item, F("summary_index", "integer"), F("part", "object")]),
            E("response.reasoning_summary_part.done", "ResponseReasoningSummaryPartDoneEvent", [.. item, F("summary_index", "integer"), F("part", "object")]),
        ];
    }

    [Fact]
    public void The_scenario_has_the_20_events_of_the_report()
    {
        Assert.Equal(20, Events.Length);
        Assert.Equal("response.tool_call.delta", Events[ToolCallDelta].Event);
        Assert.Equal(20, Events.Select(e => e.Event).Distinct().Count());
    }
}
