using SpecMap.Core.Outline.CSharp;

namespace SpecMap.Tests.Outline.CSharp;

public sealed class CSharpSignatureTests
{
    [Theory]
    [InlineData("string, LetterCasing", "(this string, LetterCasing)")]
    [InlineData("(string, LetterCasing)", "(this string, LetterCasing)")]
    [InlineData("string input, LetterCasing casing", "(this string, LetterCasing)")]
    [InlineData("IEnumerable<T>, Func<T, object?>", "<T>(IEnumerable<T>, Func<T,object?>)")]
    [InlineData("StringBuilder, string, List<(string Locale, string Value)>", "(StringBuilder, string, List<(string Locale,string Value)>)")]
    [InlineData("string, out long, out string?", "(string, out long, out string?)")]
    [InlineData("string, long, string?", "(string, out long, out string?)")]
    [InlineData("ICollection<string>, ref int, int, GrammaticalGender, string[]", "(ICollection<string>, ref int, int, GrammaticalGender, params string[])")]
    [InlineData("", "static ()")]
    [InlineData("()", "static ()")]
    [InlineData("()", "()")]
    [InlineData("int ?", "(int?)")]
    [InlineData(null, "(int)")]
    public void Written_lists_match_the_outlined_signature(string? written, string signature) =>
        Assert.True(CSharpSignature.Matches(written, signature));

    [Theory]
    [InlineData("int", "(long)")]
    [InlineData("int", "(int, string)")]
    [InlineData("int, string", "(int)")]
    [InlineData("ref int", "(int)")]
    [InlineData("out long", "(ref long)")]
    [InlineData("int", null)]
    [InlineData("()", "(int)")]
    public void Other_overloads_do_not_match(string written, string? signature) =>
        Assert.False(CSharpSignature.Matches(written, signature));

    [Fact]
    public void Parameter_types_are_normalised()
    {
        Assert.Equal(["string", "Func<T,object>", "int"], CSharpSignature.ParameterTypes("<T>(this string s, Func<T,  object> f, ref int n)"));
        Assert.Equal(["ref int"], CSharpSignature.ParameterTypes("(ref int)", dropRefKinds: false));
        Assert.Empty(CSharpSignature.ParameterTypes("static ()"));
    }
}
