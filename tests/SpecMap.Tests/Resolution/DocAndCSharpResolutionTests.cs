using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Resolution;

/// <summary>Doc references (heading anchors, section lines) and C# overloads, on real repositories.</summary>
public sealed class DocAndCSharpResolutionTests : IDisposable
{
    private const string Doc = """
        # Responses

        Intro.

        ## Create a response

        Send a POST.

        ## Streaming events

        Events arrive as SSE.
        More text.
        """;

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private MappingReport Validate() => Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);

    [Fact]
    public void A_heading_anchor_that_exists_is_ok_and_a_missing_one_is_SMV0202()
    {
        _repo.Write("DOC_responses.md", Doc + "\n")
            .Write("map.json", """{ "a": { "documentation": "DOC_responses.md#streaming-events" }, "b": { "documentation": "DOC_responses.md#deleting" } }""").Commit();
        var mapping = Validate();
        Assert.Equal(ReferenceStatus.Ok, mapping.References.Single(r => r.Reference.Pointer == "/a/documentation").Status);
        Assert.Equal(ReferenceStatus.Lost, mapping.References.Single(r => r.Reference.Pointer == "/b/documentation").Status);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.HeadingNotFound && d.Pointer == "/b/documentation");
    }

    [Fact]
    public void A_doc_line_reference_relocates_as_its_section_SMV0201()
    {
        var verified = _repo.Write("DOC_responses.md", Doc + "\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "documentation": "DOC_responses.md:9" } }""")
            .Write("DOC_responses.md", Doc.Replace("Send a POST.\n", "Send a POST.\n\nWith a JSON body.\n", StringComparison.Ordinal) + "\n").Commit();
        var mapping = Validate();
        var result = Assert.Single(mapping.References);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(("DOC_responses.md", 11, 11), (result.Target!.File, result.Target.Start, result.Target.End));
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.HeadingMoved);
    }

    [Fact]
    public void A_renamed_heading_with_the_same_section_text_is_followed_SMV0201()
    {
        var verified = _repo.Write("DOC_responses.md", Doc + "\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "documentation": "DOC_responses.md#streaming-events" } }""")
            .Write("DOC_responses.md", Doc.Replace("## Streaming events", "## Streamed events", StringComparison.Ordinal) + "\n").Commit();
        var mapping = Validate();
        var result = Assert.Single(mapping.References);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal("streamed-events", result.Target!.Symbol);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.HeadingMoved);
    }

    [Fact]
    public void A_csharp_parameter_list_picks_the_overload()
    {
        _repo.Write("src/Strings.cs", """
            namespace Humanizer;

            public static class StringHumanizeExtensions
            {
                public static string Humanize(this string input) => input;

                public static string Humanize(this string input, LetterCasing casing)
                {
                    return input;
                }
            }
            """ + "\n")
            .Write("map.json", """{ "a": { "implementation": "src/Strings.cs", "symbol": "Humanizer.StringHumanizeExtensions.Humanize(string, LetterCasing)" } }""").Commit();
        var result = Assert.Single(Validate().References);
        Assert.Equal(ReferenceStatus.Ok, result.Status);
        Assert.Equal(("src/Strings.cs", 7, 10), (result.Target!.File, result.Target.Start, result.Target.End));
    }

    [Fact]
    public void A_csharp_method_whose_parameter_type_changed_is_found_by_name()
    {
        const string Before = """
            namespace Demo;

            public sealed class Converter
            {
                public string Convert(int number) => number.ToString();
            }
            """;
        var verified = _repo.Write("src/Converter.cs", Before + "\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "implementation": "src/Converter.cs:5", "symbol": "Demo.Converter.Convert(int)" } }""")
            .Write("src/Converter.cs", "// header\n" + Before.Replace("int number", "long number", StringComparison.Ordinal) + "\n").Commit();
        var result = Assert.Single(Validate().References);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(("src/Converter.cs", 6, 6), (result.Target!.File, result.Target.Start, result.Target.End));
    }
}
