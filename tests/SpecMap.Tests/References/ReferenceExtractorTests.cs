using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Tests.References;

public sealed class ReferenceExtractorTests
{
    private static MappingDocument Parse(string json, params string[] existing) =>
        MappingLoader.Parse(Encoding.UTF8.GetBytes(json), "map.json", null, p => existing.Contains(p));

    [Theory]
    [InlineData("src/app.py", "src/app.py", null, null, null)]
    [InlineData("src/app.py:42", "src/app.py", 42, 42, null)]
    [InlineData("src/app.py:901-942", "src/app.py", 901, 942, null)]
    [InlineData("src/app.py:901–942", "src/app.py", 901, 942, null)]
    [InlineData("src/app.py#create_responses", "src/app.py", null, null, "create_responses")]
    [InlineData("src/app.py:10-20#Server.create", "src/app.py", 10, 20, "Server.create")]
    [InlineData("src/Str.cs#Humanizer.StringHumanizeExtensions.Humanize(string, LetterCasing)", "src/Str.cs", null, null,
        "Humanizer.StringHumanizeExtensions.Humanize(string, LetterCasing)")]
    [InlineData("src/app.py#L10-L20", "src/app.py", 10, 20, null)]
    [InlineData("./src/app.py:3", "src/app.py", 3, 3, null)]
    [InlineData("api_server.py:901", "api_server.py", 901, 901, null)]
    public void Compact_strings_are_parsed(string text, string path, int? start, int? end, string? symbol)
    {
        var reference = Assert.Single(Parse($$"""{ "implementation": "{{text}}" }""").References);
        Assert.Equal((path, start, end, symbol), (reference.Path, reference.Start, reference.End, reference.Symbol));
        Assert.Equal(ReferenceStyle.Compact, reference.Style);
        Assert.Equal(ReferenceKind.Code, reference.Kind);
        Assert.Equal(text, reference.Original);
    }

    [Theory]
    [InlineData("https://platform.openai.com/docs/api-reference/responses.md")]
    [InlineData("see api_server.py:901 for details")]
    [InlineData("response.output_text.delta")]
    [InlineData("implemented")]
    [InlineData("1.1")]
    [InlineData("e.g.")]
    [InlineData("")]
    public void Urls_prose_and_dotted_names_are_not_references(string text) =>
        Assert.Empty(Parse($$"""{ "notes": "{{text}}" }""").References);

    [Fact]
    public void A_path_without_a_known_extension_is_a_reference_only_when_it_names_a_file()
    {
        Assert.Empty(Parse("""{ "build": "Makefile:3" }""").References);
        Assert.Single(Parse("""{ "build": "Makefile:3" }""", "Makefile").References);
    }

    [Fact]
    public void Markdown_fragments_are_anchors_and_doc_kind()
    {
        var reference = Assert.Single(Parse("""{ "documentation": "DOC_streaming_events.md#responsecreated" }""").References);
        Assert.Equal(ReferenceKind.Doc, reference.Kind);
        Assert.Equal("responsecreated", reference.Anchor);
        Assert.Null(reference.Symbol);

        var line = Assert.Single(Parse("""{ "documentation": "DOC_streaming_events.md:120" }""").References);
        Assert.Equal((120, 120), (line.Start!.Value, line.End!.Value));
    }

    [Theory]
    [InlineData("""{ "file": "a.py", "lines": "10-20", "symbol": "f" }""", 10, 20, "f")]
    [InlineData("""{ "path": "a.py", "line": 7 }""", 7, 7, null)]
    [InlineData("""{ "file": "a.py", "line": "7" }""", 7, 7, null)]
    [InlineData("""{ "file": "a.py", "start_line": 3, "end_line": 9, "function": "g" }""", 3, 9, "g")]
    [InlineData("""{ "file": "a.py", "lines": [3, 9], "method": "C.m" }""", 3, 9, "C.m")]
    [InlineData("""{ "file": "a.py:3-9", "class": "C" }""", 3, 9, "C")]
    [InlineData("""{ "file": "a.py", "handler": "h" }""", null, null, "h")]
    public void Object_forms_are_one_reference_at_the_object(string obj, int? start, int? end, string? symbol)
    {
        var reference = Assert.Single(Parse($$"""{ "implementation": {{obj}} }""").References);
        Assert.Equal(ReferenceStyle.Object, reference.Style);
        Assert.Equal("/implementation", reference.Pointer);
        Assert.Equal("a.py", reference.Path);
        Assert.Equal((start, end, symbol), (reference.Start, reference.End, reference.Symbol));
        Assert.Equal(obj, reference.Original);
    }

    [Fact]
    public void A_sibling_symbol_key_names_the_only_code_reference_of_the_item()
    {
        var document = Parse("""
            { "endpoints": { "POST /v1/responses": {
                "implementation": "vllm/api_server.py:901-942", "symbol": "create_responses",
                "documentation": "DOC_responses.md:45" } } }
            """);
        var code = document.References.Single(r => r.Kind == ReferenceKind.Code);
        Assert.Equal("create_responses", code.Symbol);
        Assert.Equal(SymbolSource.Sibling, code.SymbolSource);
        Assert.Equal("/endpoints/POST ~1v1~1responses/implementation", code.Pointer);
        Assert.Equal("/endpoints/POST ~1v1~1responses", code.ItemPointer);
        Assert.Null(document.References.Single(r => r.Kind == ReferenceKind.Doc).Symbol);
    }

    [Fact]
    public void A_sibling_symbol_is_not_attached_when_the_item_holds_two_code_references()
    {
        var document = Parse("""{ "item": { "implementation": "a.py:1-2", "tests": "test_a.py:3", "symbol": "f" } }""");
        Assert.All(document.References, r => Assert.Null(r.Symbol));
    }

    [Fact]
    public void A_fragment_wins_over_a_sibling_symbol()
    {
        var reference = Assert.Single(Parse("""{ "item": { "implementation": "a.py#g", "symbol": "f" } }""").References);
        Assert.Equal(("g", SymbolSource.Fragment), (reference.Symbol, reference.SymbolSource));
    }

    [Fact]
    public void A_list_of_lines_gives_one_reference_per_part()
    {
        var references = Parse("""{ "used_in": "serving_responses.py: 2517, 2530, 2618-2620" }""").References;
        Assert.Equal([(2517, 2517), (2530, 2530), (2618, 2620)], references.Select(r => (r.Start!.Value, r.End!.Value)));
        Assert.Equal([0, 1, 2], references.Select(r => r.Part));

        var keyed = Parse("""{ "impl": { "file": "serving_responses.py", "lines": "2517, 2530" } }""").References;
        Assert.Equal(2, keyed.Length);
    }

    [Fact]
    public void Model_keys_give_model_references()
    {
        var reference = Assert.Single(Parse("""{ "model": "vllm/protocol.py#ResponseTextDeltaEvent" }""").References);
        Assert.Equal(ReferenceKind.Model, reference.Kind);
        Assert.Equal("ResponseTextDeltaEvent", reference.Symbol);
    }

    [Fact]
    public void Arrays_of_strings_and_nested_sections_are_walked()
    {
        var document = Parse("""
            { "streaming_events": [ { "name": "response.created", "implementation": ["a.py:1", "b.py:2"] } ],
              "deep": { "deeper": { "deepest": "c.py" } } }
            """);
        Assert.Equal(["/streaming_events/0/implementation/0", "/streaming_events/0/implementation/1", "/deep/deeper/deepest"],
            document.References.Select(r => r.Pointer));
    }

    [Fact]
    public void Positions_are_line_and_utf16_column_of_the_value()
    {
        var document = Parse("{\n  \"ünïcode ✓\": \"x.py:1\",\n\t\"b\": \"y.py\"\n}");
        Assert.Equal([(2, 16), (3, 7)], document.References.Select(r => (r.Location.Line, r.Location.Column)));
    }

    [Fact]
    public void A_bom_is_skipped_and_positions_still_count_it()
    {
        var document = MappingLoader.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"a\": \"x.py\"}")], "m.json", null, _ => false);
        Assert.Equal(8, Assert.Single(document.References).Location.Column);
    }

    [Theory]
    [InlineData("""{ "impl": "a.py:42-7" }""", "line range '42-7'")]
    [InlineData("""{ "impl": "a.py:0" }""", "line 0 does not exist, since lines start at 1")]
    [InlineData("""{ "status": 5 }""", "'status' is not a string")]
    [InlineData("""{ "compliance_score": 120 }""", "outside 0-100")]
    [InlineData("""{ "overall_compliance_score": -1 }""", "outside 0-100")]
    [InlineData("""{ "compliance_score": "high" }""", "is not a number")]
    [InlineData("""{ "impl": { "file": "a.py", "lines": true } }""", "must be a line number")]
    [InlineData("""[1, 2]""", null)]
    [InlineData("""42""", "must be a JSON object or array")]
    public void Shape_errors_are_SMV0002(string json, string? message)
    {
        var diagnostics = Parse(json).ShapeDiagnostics;
        if (message is null)
        {
            Assert.Empty(diagnostics);
            return;
        }
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(RuleIds.ShapeError, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_statuses_and_scores_pass()
    {
        Assert.Empty(Parse("""
            { "a": { "status": "implemented", "compliance_score": 100 }, "b": { "status": "Partial", "compliance_score": "74%" },
              "c": { "status": "missing", "compliance_score": 0 }, "d": { "status": "deprecated" }, "overall_compliance_score": 74.5 }
            """).ShapeDiagnostics);
    }
}
