using SpecMap.Core.Outline;
using SpecMap.Core.Outline.CSharp;
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

    private const string GeneratedModel = """
        namespace Acme.Models;
        public interface IJsonModel<T> { void Write(Utf8JsonWriter writer, ModelReaderWriterOptions options); }
        public partial class Foo : IJsonModel<Foo>, IJsonModel<object>
        {
            void IJsonModel<Foo>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) { }
            void IJsonModel<object>.Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) { }
            protected virtual void Write(Utf8JsonWriter writer, ModelReaderWriterOptions options) { }
            public static bool operator <(Foo a, Foo b) => true;
            public static implicit operator string(Foo f) => "";
        }
        public class Box<T> { public T Value { get; set; } }
        """;

    private static IEnumerable<int> LinesOf(string hint) =>
        SymbolQuery.Parse(hint)!.FindIn(new CSharpOutliner().Outline("Foo.cs", GeneratedModel)).Select(s => s.Start);

    [Theory]
    [InlineData("Acme.Models.Foo.IJsonModel<Foo>.Write(Utf8JsonWriter, ModelReaderWriterOptions)", 5)]
    [InlineData("Foo.IJsonModel<object>.Write(Utf8JsonWriter, ModelReaderWriterOptions)", 6)]
    [InlineData("Foo.IJsonModel< Foo >.Write", 5)]
    [InlineData("Foo.Write(Utf8JsonWriter, ModelReaderWriterOptions)", 7)]
    [InlineData("Acme.Models.Foo.operator <(Foo, Foo)", 8)]
    [InlineData("Foo.implicit operator string(Foo)", 9)]
    [InlineData("Acme.Models.Box<T>", 11)]
    [InlineData("Box.Value", 11)]
    public void Explicit_interface_implementations_of_generic_interfaces_are_named_as_outline_prints_them(string hint, int line) =>
        Assert.Equal([line], LinesOf(hint));

    [Fact]
    public void A_bare_name_means_the_types_own_members_not_their_explicit_implementations() =>
        Assert.Equal([2, 7], LinesOf("Write(Utf8JsonWriter, ModelReaderWriterOptions)"));

    [Fact]
    public void An_interface_written_without_arguments_names_every_implementation_of_it() =>
        Assert.Equal([5, 6], LinesOf("Foo.IJsonModel.Write(Utf8JsonWriter, ModelReaderWriterOptions)"));

    [Fact]
    public void Every_declaration_is_found_again_by_the_name_outline_prints()
    {
        var outline = new CSharpOutliner().Outline("Foo.cs", GeneratedModel);
        foreach (var symbol in outline.Symbols)
        {
            var found = SymbolQuery.Parse(symbol.QualifiedName + (symbol.Signature ?? string.Empty))!.FindIn(outline);
            Assert.Contains(symbol, found);
        }
    }

    [Fact]
    public void Every_kind_of_space_is_dropped_from_a_name_as_generic_arguments_are()
    {
        var spaces = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToList();
        Assert.All(spaces, c => Assert.Equal("Ab.Cd", SymbolQuery.StripGenerics($"Ab{c}.Cd<T{c}>")));
        Assert.All(spaces, c => Assert.True(SymbolQuery.Parse("Ab.Cd")!.Matches(Method($"Ab{c}.Cd"))));
        Assert.Equal("Plain.Name", SymbolQuery.StripGenerics("Plain.Name"));
    }
}

/// <summary>Names that are also the tail of longer ones (issue 11, round trip at d78fae4).</summary>
public sealed class SymbolQueryPrecedenceTests
{
    private static IEnumerable<string> Found(string source, string hint) =>
        SymbolQuery.Parse(hint)!.FindIn(new CSharpOutliner().Outline("x.cs", source)).Select(s => $"{s.Kind} {s.QualifiedName}{s.Signature}");

    [Fact]
    public void The_generic_interfaces_implementation_is_not_the_non_generic_ones()
    {
        const string source = """
            namespace Acme;
            public sealed class PageCollection<T> : IEnumerable<T>
            {
                IEnumerator<T> IEnumerable<T>.GetEnumerator() => null!;
                IEnumerator IEnumerable.GetEnumerator() => null!;
            }
            """;
        Assert.Equal(["method Acme.PageCollection.IEnumerable<T>.GetEnumerator()"], Found(source, "PageCollection.IEnumerable<T>.GetEnumerator()"));
        Assert.Equal(["method Acme.PageCollection.IEnumerable.GetEnumerator()"], Found(source, "Acme.PageCollection.IEnumerable.GetEnumerator()"));
    }

    [Fact]
    public void A_top_level_type_beats_a_member_whose_name_ends_like_it()
    {
        const string source = """
            namespace Acme.Tools
            {
                public sealed class PackageEvidence { public string ApiAvailability { get; set; } = ""; }
                public sealed class ApiAvailability { }
            }
            """;
        Assert.Equal(["class Acme.Tools.ApiAvailability"], Found(source, "ApiAvailability"));
        Assert.Equal(["property Acme.Tools.PackageEvidence.ApiAvailability"], Found(source, "PackageEvidence.ApiAvailability"));
    }

    [Fact]
    public void A_type_beats_its_own_constructors_when_the_hint_names_the_type()
    {
        const string source = """
            namespace Acme;
            public sealed class Outer
            {
                public sealed class UseCultureAttribute
                {
                    public UseCultureAttribute(string culture) { }
                    public UseCultureAttribute(string culture, string ui) { }
                }
            }
            """;
        Assert.Equal(["class Acme.Outer.UseCultureAttribute"], Found(source, "UseCultureAttribute"));
        Assert.Equal(["constructor Acme.Outer.UseCultureAttribute.UseCultureAttribute(string)"], Found(source, "UseCultureAttribute(string)"));
    }

    [Fact]
    public void A_parameter_list_that_fits_no_overload_finds_nothing_and_the_overloads_are_listed_apart()
    {
        const string source = "namespace Acme;\npublic static class F\n{\n    public static int Twice(int x) => x;\n    public static long Twice(long x) => x;\n}\n";
        var outline = new CSharpOutliner().Outline("x.cs", source);
        var query = SymbolQuery.Parse("F.Twice(string)")!;
        Assert.Empty(query.FindIn(outline));
        Assert.Equal([4, 5], query.Overloads(outline).Select(s => s.Start));
    }
}
