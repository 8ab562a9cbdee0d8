using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Tests.Mapping;

public sealed class MappingLoaderTests
{
    private static MappingDocument Parse(string json, Func<string, bool>? exists = null) =>
        MappingLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "map.json", null, exists ?? (_ => false));

    [Fact]
    public void Invalid_json_reports_SMV0001_with_line_and_column()
    {
        var e = Assert.Throws<MappingReadException>(() => Parse("{\n  \"a\": 1,\n  \"b\" 2\n}"));
        Assert.Equal(RuleIds.InvalidJson, e.RuleId);
        Assert.Equal(3, e.Location!.Line);
        Assert.Equal(7, e.Location.Column);
    }

    [Theory]
    [InlineData("{\n  \"a\": \"\\ud800\"\n}", 2, 8)]
    [InlineData("{\n  \"\\udc00x\": 1\n}", 2, 3)]
    public void A_lone_escaped_surrogate_is_SMV0001_at_its_string(string json, int line, int column)
    {
        var e = Assert.Throws<MappingReadException>(() => Parse(json));
        Assert.Equal(RuleIds.InvalidJson, e.RuleId);
        Assert.Contains("surrogate", e.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Location!.Line, e.Location.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t")]
    [InlineData("\uFEFF")]
    public void An_empty_file_says_so_in_plain_words(string json)
    {
        var e = Assert.Throws<MappingReadException>(() => Parse(json));
        Assert.Equal(RuleIds.InvalidJson, e.RuleId);
        Assert.Contains("the file is empty", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("isFinalBlock", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_read()
    {
        var document = Parse("{ // a comment\n \"implementation\": \"src/app.py:10-20\", /* more */ \n}");
        var reference = Assert.Single(document.References);
        Assert.Equal("src/app.py", reference.Path);
        Assert.Equal(10, reference.Start);
        Assert.Equal(20, reference.End);
        Assert.Equal("/implementation", reference.Pointer);
        Assert.Equal(2, reference.Location.Line);
        Assert.Equal(20, reference.Location.Column);
    }
}
