using SpecMap.Core.Outline;
using SpecMap.Core.Resolution;

namespace SpecMap.Tests.Resolution;

/// <summary>How symbol hints name declarations (contract §1): dotted suffixes and C# parameter lists.</summary>
public sealed class SymbolQueryTests
{
    private static OutlineSymbol Method(string qualifiedName, string? signature = null) =>
        new(SymbolKinds.Method, SymbolQuery.LastPart(qualifiedName), qualifiedName, 1, 1, 2, signature);

    [Theory]
    [InlineData("create_responses", true)]
    [InlineData("Serving.create_responses", true)]
    [InlineData("api.Serving.create_responses", true)]
    [InlineData("ing.create_responses", false)]
    [InlineData("responses", false)]
    [InlineData("Other.create_responses", false)]
    public void Qualified_names_match_at_a_dot_from_the_end(string hint, bool matches) =>
        Assert.Equal(matches, SymbolQuery.Parse(hint)!.Matches(Method("api.Serving.create_responses")));

    [Theory]
    [InlineData("Humanizer.StringHumanizeExtensions.Humanize(string, LetterCasing)", true)]
    [InlineData("Humanize(string,LetterCasing)", true)]
    [InlineData("Humanize(String, LetterCasing)", true)]
    [InlineData("Humanize(string)", false)]
    [InlineData("Humanize", true)]
    public void A_parameter_list_picks_an_overload_in_the_benchmark_form(string hint, bool matches) =>
        Assert.Equal(matches, SymbolQuery.Parse(hint)!.Matches(Method("Humanizer.StringHumanizeExtensions.Humanize", "(this string, LetterCasing)")));

    [Fact]
    public void Generic_methods_match_with_or_without_type_parameters()
    {
        var symbol = Method("Ns.Formatter.Humanize", "<T>(IEnumerable<T>, Func<T,String>, String)");
        Assert.True(SymbolQuery.Parse("Formatter.Humanize<T>(IEnumerable<T>, Func<T, string>, string)")!.Matches(symbol));
        Assert.True(SymbolQuery.Parse("Humanize(IEnumerable<T>, Func<T,string>, string)")!.Matches(symbol));
        Assert.False(SymbolQuery.Parse("Humanize(IEnumerable<T>, Func<T,string>)")!.Matches(symbol));
    }

    [Fact]
    public void Operators_keep_their_symbols_and_extension_blocks_their_empty_segment()
    {
        Assert.True(SymbolQuery.Parse("Humanizer.ByteSize.operator >=(ByteSize, ByteSize)")!.Matches(
            new OutlineSymbol(SymbolKinds.Operator, "operator >=", "Humanizer.ByteSize.operator >=", 1, 1, 2, "(ByteSize, ByteSize)")));
        Assert.True(SymbolQuery.Parse("System.FloatCompat..IsFinite(double)")!.Matches(Method("System.FloatCompat..IsFinite", "(double)")));
        Assert.False(SymbolQuery.Parse("Other..IsFinite(double)")!.Matches(Method("System.FloatCompat..IsFinite", "(double)")));
    }

    [Fact]
    public void Signatures_normalise_modifiers_spaces_and_case()
    {
        Assert.Equal("string,lettercasing", SymbolQuery.NormaliseSignature("(this string, LetterCasing)"));
        Assert.Equal("string[]", SymbolQuery.NormaliseSignature("(params string[])"));
        Assert.Equal("refint,outstring", SymbolQuery.NormaliseSignature("(ref int, out string)"));
        Assert.Equal(string.Empty, SymbolQuery.NormaliseSignature("static ()"));
        Assert.Equal("dictionary<string,int>,int", SymbolQuery.NormaliseSignature("(Dictionary<string, int>, int)"));
    }
}
