using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Shapes;

/// <summary>Issue 11, point 6: every item with `required_fields` ends checked or "not checked, because …"; models found without a `model` key.</summary>
public sealed class ContractShapesTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private const string Events = """
        from typing import Literal
        import openai.types
        from pydantic import BaseModel
        from openai_sdk.types import Response as SdkResponse


        class ResponseCreatedEvent(BaseModel):
            type: Literal["response.created"]
            sequence_number: int


        class ResponseDoneEvent(BaseModel):
            type: Literal["response.completed"] = "response.completed"
            response: dict


        class WrappedResponse(openai.types.BaseModel):
            id: str


        class Imported(SdkResponse):
            extra: str


        def build_completed(payload) -> ResponseDoneEvent:
            return ResponseDoneEvent(response=payload)
        """;

    private IReadOnlyList<Diagnostic> Run(string mapping)
    {
        _repository.Write("server/events.py", Events).Write("server/notes.txt", "x\n").Write("SPEC_TO_CODE_MAPPING.json", mapping).Commit();
        return ContractRun.Validate(_repository);
    }

    [Fact]
    public void A_model_is_found_by_its_type_literal_and_the_report_says_how()
    {
        var diagnostics = Run("""
            { "response.created": { "required_fields": { "type": "string", "sequence_number": "integer", "item_id": "string" } } }
            """);
        var how = Assert.Single(diagnostics, d => d.Id == RuleIds.ModelInferred);
        Assert.Contains("model 'ResponseCreatedEvent' (server/events.py:7), found by its type literal 'response.created'", how.Message, StringComparison.Ordinal);
        Assert.Equal("/response.created/required_fields/item_id", Assert.Single(diagnostics, d => d.Id == RuleIds.RequiredFieldMissing).Pointer);
    }

    [Fact]
    public void A_model_is_found_by_the_builders_return_annotation_and_by_a_bare_class_name()
    {
        var diagnostics = Run("""
            {
              "done": { "code": "server/events.py#build_completed", "required_fields": { "response": "object" } },
              "created": { "response_model": "ResponseCreatedEvent", "required_fields": { "sequence_number": "integer" } }
            }
            """);
        var how = diagnostics.Where(d => d.Id == RuleIds.ModelInferred).Select(d => d.Message).ToList();
        Assert.Equal(2, how.Count);
        Assert.Contains("found by the return annotation 'ResponseDoneEvent' of 'build_completed'", how[0], StringComparison.Ordinal);
        Assert.Contains("found by its class name 'ResponseCreatedEvent' under 'response_model'", how[1], StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Fields_that_may_come_from_a_base_outside_the_repository_are_not_checked_not_missing()
    {
        var diagnostics = Run("""
            {
              "a": { "model": "server/events.py#WrappedResponse", "required_fields": { "id": "string", "object": "string" } },
              "b": { "model": "server/events.py#Imported", "required_fields": ["extra", "status"] },
              "c": { "model": "server/events.py#ResponseCreatedEvent", "required_fields": ["object"] }
            }
            """);
        Assert.Equal(["/c/required_fields/object"], diagnostics.Where(d => d.Id == RuleIds.RequiredFieldMissing).Select(d => d.Pointer));
        var unseen = diagnostics.Where(d => d.Id == RuleIds.ContractNotChecked && d.Pointer.Split('/').Length == 4).ToList();
        Assert.Equal(["/a/required_fields/object", "/b/required_fields/status"], unseen.Select(d => d.Pointer));
        Assert.Contains("may come from base class 'openai.types.BaseModel' outside the repository", unseen[0].Message, StringComparison.Ordinal);
        Assert.Contains("may come from base class 'SdkResponse' outside the repository", unseen[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_model_deriving_from_an_sdk_class_is_not_judged_on_fields_it_cannot_see()
    {
        _repository.Write("src/Events.cs", """
            namespace Server;
            public sealed class Created : OpenAI.Responses.StreamingUpdate, IJsonModel<Created>
            {
                public string Type { get; init; } = "response.created";
            }
            public sealed class Plain : IJsonModel<Plain>
            {
                public string Type { get; init; } = "x";
            }
            """);
        var diagnostics = Run("""
            {
              "a": { "model": "src/Events.cs#Created", "required_fields": { "type": "string", "sequence_number": "integer" } },
              "b": { "model": "src/Events.cs#Plain", "required_fields": { "type": "string", "sequence_number": "integer" } }
            }
            """);
        var unseen = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal("/a/required_fields/sequence_number", unseen.Pointer);
        Assert.Contains("base class 'OpenAI.Responses.StreamingUpdate'", unseen.Message, StringComparison.Ordinal);
        Assert.Equal("/b/required_fields/sequence_number", Assert.Single(diagnostics, d => d.Id == RuleIds.RequiredFieldMissing).Pointer);
    }

    [Theory]
    [InlineData("""{ "model": "server/events.py#Nowhere" }""", "class 'Nowhere' is not in 'server/events.py'")]
    [InlineData("""{ "model": "server/notes.txt:1" }""", "the model file 'server/notes.txt' is not in a language whose models specmap reads")]
    [InlineData("""{ "model": "server/gone.py#X" }""", "the model file 'server/gone.py' cannot be read")]
    [InlineData("""{ "name": "response.unknown" }""", "no model was found")]
    [InlineData("""{ "request_model": "NoSuchClass" }""", "class 'NoSuchClass' named by 'request_model' is in no Python or C# file")]
    public void Every_item_with_required_fields_that_is_not_checked_says_why(string item, string reason)
    {
        var members = item.Trim().TrimStart('{').TrimEnd('}');
        var diagnostics = Run($$"""{ "item": { {{members}}, "required_fields": { "id": "string" } } }""");
        var diagnostic = Assert.Single(diagnostics, d => d.Id == RuleIds.ContractNotChecked);
        Assert.Equal((Severity.Info, "/item/required_fields"), (diagnostic.Severity, diagnostic.Pointer));
        Assert.Contains("contract not checked, because " + reason, diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostics, d => d.Id is RuleIds.RequiredFieldMissing or RuleIds.RequiredFieldIncompatible);
    }
}
