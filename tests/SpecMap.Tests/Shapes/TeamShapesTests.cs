using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Shapes;

/// <summary>Shapes a real team wrote (issue 11, point 4) and strings that look like references (point 5), on real repositories.</summary>
public sealed class TeamShapesTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private const string Serving = """
        def _build_response_created_event(response):
            return {"type": "response.created", "response": response}


        def error_handling(exc):
            return {"error": str(exc)}
        """;

    private const string Protocol = """
        from pydantic import BaseModel


        class ResponsesRequest(BaseModel):
            model: str
            background: bool = False
            store: bool = True
        """;

    private MappingReport Run(string mapping)
    {
        _repository.Write("server/serving_responses.py", Serving).Write("server/protocol.py", Protocol)
            .Write("docs/DOC_responses.md", string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n")))
            .Write("Makefile", "all:\n\techo ok\n").Write("pkg/README.txt", "x\n")
            .Write("SPEC_TO_CODE_MAPPING.json", mapping).Commit();
        return ContractRun.Report(_repository);
    }

    [Fact]
    public void A_colon_before_a_symbol_names_the_symbol()
    {
        var report = Run("""
            { "created": { "code": "serving_responses.py:_build_response_created_event" },
              "errors": { "code": "server/serving_responses.py:error_handling" } }
            """);
        Assert.Equal(["_build_response_created_event", "error_handling"], report.References.Select(r => r.Reference.Symbol).Order(StringComparer.Ordinal));
        Assert.All(report.References, r => Assert.Equal(ReferenceStatus.Ok, r.Status));
        Assert.Empty(report.Diagnostics);
    }

    [Theory]
    [InlineData(" and ")]
    [InlineData(", ")]
    [InlineData("; ")]
    [InlineData(" & ")]
    public void Two_references_joined_in_prose_are_both_checked(string join)
    {
        var report = Run($$"""
            { "background": { "code": "protocol.py:6{{join}}serving_responses.py:1-2" } }
            """);
        Assert.Equal(["server/protocol.py:6-6", "server/serving_responses.py:1-2"],
            report.References.Select(r => $"{r.ResolvedPath}:{r.Reference.Start}-{r.Reference.End}").Order(StringComparer.Ordinal));
        Assert.All(report.References, r => Assert.True(r.Reference.IsJoined));
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void A_joined_part_that_is_no_reference_is_said()
    {
        var report = Run("""{ "x": { "code": "protocol.py:6 and elsewhere" } }""");
        Assert.Equal(ReferenceStatus.Ok, Assert.Single(report.References).Status);
        var diagnostic = Assert.Single(report.Diagnostics, d => d.Id == RuleIds.ReferenceNotChecked);
        Assert.Contains("'elsewhere', joined to references in 'protocol.py:6 and elsewhere', is not one: it names no file", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_location_objects_and_spec_ref_doc_ranges_are_read()
    {
        var report = Run("""
            {
              "created": {
                "code_location": { "file": "serving_responses.py", "line": "1-2", "handler": "_build_response_created_event" },
                "spec_ref": "DOC_responses.md:20-25"
              }
            }
            """);
        var code = Assert.Single(report.References, r => r.Reference.Kind == ReferenceKind.Code);
        Assert.Equal(("_build_response_created_event", 1, 2), (code.Reference.Symbol, code.Reference.Start!.Value, code.Reference.End!.Value));
        var doc = Assert.Single(report.References, r => r.Reference.Kind == ReferenceKind.Doc);
        Assert.Equal(("docs/DOC_responses.md", 20), (doc.ResolvedPath, doc.Reference.Start!.Value));
        Assert.All(report.References, r => Assert.Equal(ReferenceStatus.Ok, r.Status));
    }

    [Fact]
    public void Implemented_true_false_is_a_status_and_free_text_is_no_error()
    {
        var report = Run("""
            {
              "a": { "implemented": true },
              "b": { "implemented": false, "code": "protocol.py:4" },
              "c": { "status": "BROKEN - Bug #5 not fixed", "code": "protocol.py:4" },
              "d": { "status": "Partial - streaming only" }
            }
            """);
        var contradictions = report.Diagnostics.Where(d => d.Id == RuleIds.StatusContradictsReferences).ToList();
        Assert.Equal(["/a/implemented", "/b/implemented", "/d/status"], contradictions.Select(d => d.Pointer));
        Assert.Contains("status is 'implemented: false', but the item has 1 code reference", contradictions[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id == RuleIds.ShapeError);
        var texts = report.Diagnostics.Where(d => d.Id == RuleIds.FreeTextStatus).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains("is free text", texts[0].Message, StringComparison.Ordinal);
        Assert.Contains("is read as 'partial'", texts[1].Message, StringComparison.Ordinal);
        Assert.All(texts, d => Assert.Equal(Severity.Info, d.Severity));
    }

    [Fact]
    public void A_required_field_named_status_is_not_the_items_status()
    {
        var report = Run("""
            { "ResponsesRequest": { "model": "protocol.py#ResponsesRequest", "status": "implemented",
                "required_fields": { "status": "string", "model": "string" } } }
            """);
        Assert.DoesNotContain(report.Diagnostics, d => d.Pointer.StartsWith("/ResponsesRequest/required_fields/status", StringComparison.Ordinal)
            && d.Id is RuleIds.ShapeError or RuleIds.FreeTextStatus or RuleIds.StatusContradictsReferences);
        var missing = Assert.Single(report.Diagnostics, d => d.Id == RuleIds.RequiredFieldMissing);
        Assert.Equal("/ResponsesRequest/required_fields/status", missing.Pointer);
    }

    [Theory]
    [InlineData("server/serving responses.py:1-2", "the path contains a space")]
    [InlineData("server/", "'server/' is a directory")]
    [InlineData("server/protocol.py:99999999999", "line number 99999999999 is too large")]
    [InlineData("pkg.d:1-2", "'pkg.d' has no extension specmap knows")]
    [InlineData("pkg:1-2", "'pkg' is a directory")]
    public void What_looks_like_a_reference_and_is_not_checked_is_said(string value, string reason)
    {
        var report = Run($$"""{ "x": { "code": "{{value}}" } }""");
        Assert.Empty(report.References);
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal((RuleIds.ReferenceNotChecked, Severity.Warning, "/x/code"), (diagnostic.Id, diagnostic.Severity, diagnostic.Pointer));
        Assert.Contains("is not checked, because " + reason, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_over_a_thousand_characters_is_said_and_an_extensionless_file_is_read()
    {
        var longPath = string.Concat(Enumerable.Repeat("deep/", 210)) + "x.py:1";
        var report = Run($$"""{ "x": { "code": "{{longPath}}", "build": "Makefile:1-2" } }""");
        var build = Assert.Single(report.References);
        Assert.Equal(("Makefile", ReferenceStatus.Ok), (build.ResolvedPath, build.Status));
        Assert.Contains("over 1,000 characters", Assert.Single(report.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Likely_typos_of_known_keys_get_a_hint_and_every_ignored_key_is_listed()
    {
        var report = Run("""
            {
              "a": { "file": "server/protocol.py", "lines": "4-7", "symbl": "ResponsesRequest", "notes": "hand-kept" },
              "b": { "required_field": { "model": "string" }, "implmentation": "protocol.py:4", "description": "x", "endpoint": "/v1/responses" }
            }
            """);
        var hints = report.Diagnostics.Where(d => d.Id == RuleIds.UnknownKey).ToList();
        Assert.Equal(["/a/symbl", "/b/required_field", "/b/implmentation"], hints.Select(d => d.Pointer));
        Assert.Contains("did you mean 'symbol'?", hints[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'required_fields'?", hints[1].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'implementation'?", hints[2].Message, StringComparison.Ordinal);
        Assert.Equal(["description", "endpoint", "notes", "required_field", "symbl"], report.Document.Ignored.ToArray());

        using var json = JsonDocument.Parse(new JsonReportFormatter().Format(new ValidationReport([report])));
        Assert.Equal(["description", "endpoint", "notes", "required_field", "symbl"],
            json.RootElement.GetProperty("mappings")[0].GetProperty("ignored_keys").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Keys_that_name_the_symbol_track_the_reference_by_it()
    {
        const string mapping = """{ "ResponsesRequest": { "background": { "code_location": "protocol.py:6" } } }""";
        var report = Run(mapping);
        var reference = Assert.Single(report.References);
        Assert.Equal(("ResponsesRequest.background", SymbolSource.Context, ReferenceStatus.Ok),
            (reference.Reference.Symbol, reference.Reference.SymbolSource, reference.Status));
        Assert.Empty(report.Diagnostics);

        // The field moves down two lines: the reference follows it by name, and the fix rewrites the line.
        _repository.Write("server/protocol.py", Protocol.Replace("class ResponsesRequest(BaseModel):\n", "class ResponsesRequest(BaseModel):\n    id: str\n    user: str\n", StringComparison.Ordinal)).Commit();
        var moved = ContractRun.Report(_repository);
        var target = Assert.Single(moved.References).Target;
        Assert.Equal(("server/protocol.py", 8, 8), (target!.File, target.Start, target.End));
        Assert.Contains(moved.Diagnostics, d => d.Id == RuleIds.SymbolShifted && d.Fix is not null);
    }

    [Fact]
    public void Keys_that_name_another_declaration_than_the_lines_hold_are_reported()
    {
        var report = Run("""{ "ResponsesRequest": { "background": { "code_location": "protocol.py:7" } } }""");
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal((RuleIds.ContextNamesOtherDeclaration, Severity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("the item names 'ResponsesRequest.background' (server/protocol.py:6) but line 7 of 'server/protocol.py' holds 'ResponsesRequest.store'",
            diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(report.References).Reference.Symbol);
    }

    [Fact]
    public void A_repository_with_no_mapping_says_so()
    {
        _repository.Write("server/protocol.py", Protocol).Commit();
        var result = CliRunner.Run(_repository.Root, "validate");
        Assert.Contains("warning SMV0008: no mapping file found in the repository", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
