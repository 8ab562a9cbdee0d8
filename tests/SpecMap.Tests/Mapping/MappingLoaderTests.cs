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
