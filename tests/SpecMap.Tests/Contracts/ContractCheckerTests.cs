using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>SMV0303/SMV0304 through the real validator: which model, which pointer, which location, which message.</summary>
public sealed class ContractCheckerTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private const string Protocol = """
        from typing import Dict, List, Literal, Optional
        from pydantic import BaseModel


        class Content(BaseModel):
            text: str


        class DeltaEvent(BaseModel):
            type: Literal["response.tool_call.delta"]
            item_id: str
            output_index: int
            delta: dict[str, list[Content]]
            sequence_number: Optional[int] = None
        """;

    [Fact]
    public void Incompatible_type_reports_SMV0304_with_both_types_at_the_entry()
    {
        _repository.Write("server/protocol.py", Protocol).Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "events": [
                {
                  "name": "response.tool_call.delta",
                  "model": "server/protocol.py#DeltaEvent",
                  "required_fields": {
                    "type": "string",
                    "item_id": "string",
                    "output_index": "integer",
                    "delta": "string",
                    "sequence_number": "integer"
                  }
                }
              ]
            }
            """).Commit();
        var diagnostics = ContractRun.Validate(_repository);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIds.RequiredFieldIncompatible, diagnostic.Id);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal("/events/0/required_fields/delta", diagnostic.Pointer);
        Assert.Equal((10, 9), (diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("is dict[str, list[Content]]", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new CodeLocation("server/protocol.py", 13, 13), Assert.Single(diagnostic.RelatedLocations));
    }

    [Fact]
    public void Absent_field_reports_SMV0303_and_a_model_named_by_the_code_reference_is_used()
    {
        _repository.Write("server/protocol.py", Protocol).Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "events": {
                "response.tool_call.delta": {
                  "implementation": { "file": "server/protocol.py", "symbol": "DeltaEvent" },
                  "required_fields": { "item_id": "string", "call_id": "string", "delta": { "type": "object" } }
                }
              }
            }
            """).Commit();
        var diagnostic = Assert.Single(ContractRun.Validate(_repository));
        Assert.Equal(RuleIds.RequiredFieldMissing, diagnostic.Id);
        Assert.Equal("/events/response.tool_call.delta/required_fields/call_id", diagnostic.Pointer);
        Assert.Contains("'call_id' is absent from model 'DeltaEvent'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_required_names_checks_presence_and_a_model_by_lines_is_found()
    {
        _repository.Write("server/protocol.py", Protocol).Write("map.specmap.json", """
            {
              "event": { "model": "server/protocol.py:9-14", "required_fields": ["item_id", "arguments"] }
            }
            """).Commit();
        var diagnostics = ContractRun.Validate(_repository, "map.specmap.json");
        var diagnostic = Assert.Single(diagnostics, d => d.Severity != Severity.Info);
        Assert.Equal(RuleIds.RequiredFieldMissing, diagnostic.Id);
        Assert.Equal("/event/required_fields/arguments", diagnostic.Pointer);
        // Names only: presence is checked, types are not, and the report says so.
        var untyped = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal("/event/required_fields", untyped.Pointer);
        Assert.Contains("types of 1 required field not checked", untyped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_by_lines_inside_a_class_body_names_that_class()
    {
        _repository.Write("server/protocol.py", Protocol).Write("src/Events.cs", """
            namespace Server;
            public sealed class Outer
            {
                public sealed class TextDelta
                {
                    public string Delta { get; set; } = "";
                }
            }
            """).Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "python": { "model": "server/protocol.py:12-13", "required_fields": { "delta": "string" } },
              "csharp": { "model": "src/Events.cs:6", "required_fields": { "delta": "integer" } }
            }
            """).Commit();
        var diagnostics = ContractRun.Validate(_repository);
        Assert.Equal(["/csharp/required_fields/delta", "/python/required_fields/delta"], diagnostics.Select(d => d.Pointer).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(RuleIds.RequiredFieldIncompatible, d.Id));
        Assert.Contains(diagnostics, d => d.Message.Contains("model 'TextDelta'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_model_class_is_left_to_the_reference_checks()
    {
        _repository.Write("server/protocol.py", Protocol).Write("SPEC_TO_CODE_MAPPING.json", """
            { "event": { "model": "server/protocol.py#NoSuchEvent", "required_fields": { "delta": "string" } } }
            """).Commit();
        Assert.DoesNotContain(ContractRun.Validate(_repository), d => d.Id is RuleIds.RequiredFieldMissing or RuleIds.RequiredFieldIncompatible);
    }

    [Fact]
    public void CSharp_model_wire_names_and_loose_policy()
    {
        _repository.Write("src/Events.cs", """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            namespace Server;
            public sealed record TextDelta(
                [property: JsonPropertyName("type")] string Kind,
                string ItemId,
                int OutputIndex,
                List<string> Logprobs);
            """).Write("SPEC_TO_CODE_MAPPING.json", """
            { "event": { "model": "src/Events.cs#Server.TextDelta",
                         "required_fields": { "type": "string", "item_id": "string", "output_index": "integer", "logprobs": "array<string>", "kind": "string" } } }
            """).Commit();
        // `kind` is not on the wire: [JsonPropertyName("type")] renames the property; the rest match by the loose policy.
        var diagnostic = Assert.Single(ContractRun.Validate(_repository));
        Assert.Equal(RuleIds.RequiredFieldMissing, diagnostic.Id);
        Assert.Equal("/event/required_fields/kind", diagnostic.Pointer);
    }
}
