using SpecMap.Core.Outline;
using SpecMap.Core.Outline.CSharp;

namespace SpecMap.Tests.Outline.CSharp;

public sealed class CSharpOutlinerTests
{
    private static readonly CSharpOutliner Outliner = new();

    /// <summary>Symbols as `kind qname signature start/def/end` lines, easy to compare and to read in a failure.</summary>
    private static string[] Outline(string source) =>
        [.. Outliner.Outline("x.cs", source).Symbols.Select(s => $"{s.Kind} {s.QualifiedName} {s.Signature ?? "-"} {s.Start}/{s.DefLine}/{s.End}")];

    [Fact]
    public void Block_namespaces_nest_and_types_nest_inside_them()
    {
        const string source = """
            namespace Outer.Middle
            {
                namespace Inner
                {
                    public class A
                    {
                        public class B
                        {
                            public struct C { }
                        }
                    }
                }
            }
            """;
        Assert.Equal(
            [
                "namespace Outer.Middle - 1/1/13",
                "namespace Outer.Middle.Inner - 3/3/12",
                "class Outer.Middle.Inner.A - 5/5/11",
                "class Outer.Middle.Inner.A.B - 7/7/10",
                "struct Outer.Middle.Inner.A.B.C - 9/9/9",
            ],
            Outline(source));
    }

    [Fact]
    public void File_scoped_namespace_covers_the_rest_of_the_file()
    {
        const string source = """
            using System;

            namespace Demo.App;

            public record Person(string Name, int Age);

            public record struct Point(int X, int Y)
            {
                public int Sum => X + Y;
            }

            public readonly record struct Empty;
            """;
        Assert.Equal(
            [
                "namespace Demo.App - 3/3/12",
                "record Demo.App.Person - 5/5/5",
                "record struct Demo.App.Point - 7/7/10",
                "property Demo.App.Point.Sum - 9/9/9",
                "record struct Demo.App.Empty - 12/12/12",
            ],
            Outline(source));
    }

    [Fact]
    public void Every_member_kind_has_its_name_and_signature()
    {
        const string source = """
            namespace N;

            public delegate TResult Mapper<T, TResult>(T value, ref int count);

            public enum Color : byte
            {
                Red = 1,
                [Obsolete]
                Green,
                Blue
            }

            public interface IShape
            {
                double Area { get; }
                event EventHandler Changed;
                double Scale(double factor);
            }

            public sealed class Shape : IShape
            {
                private int _a, _b = 2;
                public const string Name = "shape";
                public event EventHandler? Changed;
                public event EventHandler Moved { add { } remove { } }
                static Shape() { }
                public Shape() : this(1) { }
                public Shape(int a) => _a = a;
                ~Shape() { }
                public double Area => 1.0;
                public int this[int index, string key] => index;
                public double Scale(double factor) => factor;
                public static Shape operator +(Shape left, Shape right) => left;
                public static bool operator ==(Shape? left, Shape? right) => true;
                public static bool operator !=(Shape? left, Shape? right) => false;
                public static implicit operator double(Shape shape) => shape.Area;
                public static explicit operator Shape(int value) => new(value);
            }
            """;
        Assert.Equal(
            [
                "namespace N - 1/1/38",
                "delegate N.Mapper <T,TResult>(T, ref int) 3/3/3",
                "enum N.Color - 5/5/11",
                "enum_member N.Color.Red - 7/7/7",
                "enum_member N.Color.Green - 8/9/9",
                "enum_member N.Color.Blue - 10/10/10",
                "interface N.IShape - 13/13/18",
                "property N.IShape.Area - 15/15/15",
                "event N.IShape.Changed - 16/16/16",
                "method N.IShape.Scale (double) 17/17/17",
                "class N.Shape - 20/20/38",
                "field N.Shape._a - 22/22/22",
                "field N.Shape._b - 22/22/22",
                "field N.Shape.Name - 23/23/23",
                "event N.Shape.Changed - 24/24/24",
                "event N.Shape.Moved - 25/25/25",
                "constructor N.Shape.Shape static () 26/26/26",
                "constructor N.Shape.Shape () 27/27/27",
                "constructor N.Shape.Shape (int) 28/28/28",
                "destructor N.Shape.~Shape () 29/29/29",
                "property N.Shape.Area - 30/30/30",
                "indexer N.Shape.this (int, string) 31/31/31",
                "method N.Shape.Scale (double) 32/32/32",
                "operator N.Shape.operator + (Shape, Shape) 33/33/33",
                "operator N.Shape.operator == (Shape?, Shape?) 34/34/34",
                "operator N.Shape.operator != (Shape?, Shape?) 35/35/35",
                "conversion N.Shape.implicit operator double (Shape) 36/36/36",
                "conversion N.Shape.explicit operator Shape (int) 37/37/37",
            ],
            Outline(source));
    }

    [Fact]
    public void Signatures_keep_modifiers_and_generic_arguments_and_drop_names_defaults_and_attributes()
    {
        const string source = """
            namespace N;

            public static class Ext
            {
                public static string Humanize(this string input, LetterCasing casing) => input;
                public static bool TryParse(string text, out long value, out string? unit) { value = 0; unit = null; return true; }
                public static void Fill(ICollection<string> parts, ref int number, in Size size, params string[] words) { }
                public static string Join<T>(IEnumerable<T> items, Func<T, object?> format, string separator = ", ") => "";
                public static void Emit(StringBuilder builder, List<(string Locale, string Value)> overrides) { }
                public static void Take([NotNull] Dictionary<string,   List<int[]>>? map, int? count = null, DateTime? when = default) { }
                public static void Pair<TKey, TValue>(KeyValuePair<TKey, /* value */ TValue> pair, global::System.Int32 n, int[,] grid) { }
                public static void Span(scoped ref readonly Span<byte> bytes, delegate*<int, void> callback) { }
            }
            """;
        Assert.Equal(
            [
                "namespace N - 1/1/13",
                "class N.Ext - 3/3/13",
                "method N.Ext.Humanize (this string, LetterCasing) 5/5/5",
                "method N.Ext.TryParse (string, out long, out string?) 6/6/6",
                "method N.Ext.Fill (ICollection<string>, ref int, in Size, params string[]) 7/7/7",
                "method N.Ext.Join <T>(IEnumerable<T>, Func<T,object?>, string) 8/8/8",
                "method N.Ext.Emit (StringBuilder, List<(string Locale,string Value)>) 9/9/9",
                "method N.Ext.Take (Dictionary<string,List<int[]>>?, int?, DateTime?) 10/10/10",
                "method N.Ext.Pair <TKey,TValue>(KeyValuePair<TKey,TValue>, global::System.Int32, int[,]) 11/11/11",
                "method N.Ext.Span (scoped ref readonly Span<byte>, delegate*<int,void>) 12/12/12",
            ],
            Outline(source));
    }

    [Fact]
    public void Generic_types_are_named_without_type_parameters_which_go_to_the_signature()
    {
        const string source = """
            namespace Humanizer;

            static class EnumCache<T> where T : struct, Enum
            {
                static EnumCache() { }
                public static T Parse(string value) => default;
                class Node<TKey, TValue> { }
            }
            """;
        Assert.Equal(
            [
                "namespace Humanizer - 1/1/8",
                "class Humanizer.EnumCache <T> 3/3/8",
                "constructor Humanizer.EnumCache.EnumCache static () 5/5/5",
                "method Humanizer.EnumCache.Parse (string) 6/6/6",
                "class Humanizer.EnumCache.Node <TKey,TValue> 7/7/7",
            ],
            Outline(source));
    }

    [Fact]
    public void Explicit_interface_implementations_are_qualified_by_the_interface()
    {
        const string source = """
            class Strategy : IStrategy, IEnumerable<int>, IComparable<Strategy>
            {
                string IStrategy.Humanize(TimeSpan span) => "";
                string Humanize(TimeSpan span) => "";
                IEnumerator<int> IEnumerable<int>.GetEnumerator() => null!;
                int IStrategy.Count => 0;
                event EventHandler IStrategy.Changed { add { } remove { } }
                int IStrategy.this[int i] => i;
                static Strategy IParsable<Strategy>.operator +(Strategy a, Strategy b) => a;
            }
            """;
        Assert.Equal(
            [
                "class Strategy - 1/1/10",
                "method Strategy.IStrategy.Humanize (TimeSpan) 3/3/3",
                "method Strategy.Humanize (TimeSpan) 4/4/4",
                "method Strategy.IEnumerable<int>.GetEnumerator () 5/5/5",
                "property Strategy.IStrategy.Count - 6/6/6",
                "event Strategy.IStrategy.Changed - 7/7/7",
                "indexer Strategy.IStrategy.this (int) 8/8/8",
                "operator Strategy.IParsable<Strategy>.operator + (Strategy, Strategy) 9/9/9",
            ],
            Outline(source));
        var method = Outliner.Outline("x.cs", source).Symbols[1];
        Assert.Equal("Humanize", method.Name);
    }

    [Fact]
    public void Start_is_the_first_attribute_line_never_a_comment_and_def_line_is_the_identifier()
    {
        const string source = """
            namespace N
            {
                /// <summary>Doc comment.</summary>
                // plain comment
                [Serializable]
                [DebuggerDisplay(
                    "{Name}")]
                public
                    partial class Thing
                {
                    /// <summary>Doc.</summary>
                    [Fact]
                    [Trait("a", "b")]
                    public void
                        Works(
                            int a,
                            string b)
                    {
                    }

                    /* block comment */
                    public abstract int Abstract(int x);

                    public string Body =>
                        "value";
                }

                partial class Thing
                {
                    [Obsolete] public int Later { get; set; } = 3;
                }
            }
            """;
        Assert.Equal(
            [
                "namespace N - 1/1/32",
                "class N.Thing - 5/9/26",
                "method N.Thing.Works (int, string) 12/15/19",
                "method N.Thing.Abstract (int) 22/22/22",
                "property N.Thing.Body - 24/24/25",
                "class N.Thing - 28/28/31",
                "property N.Thing.Later - 30/30/30",
            ],
            Outline(source));
    }

    [Fact]
    public void Overloads_are_told_apart_by_their_signatures()
    {
        const string source = """
            class Words
            {
                public string ToWords(int number) => "";
                public string ToWords(int number, string culture) => "";
                public string ToWords(long number) => "";
                public string ToWords() => "";
            }
            """;
        var symbols = Outliner.Outline("x.cs", source).Symbols.Where(s => s.Name == "ToWords").ToList();
        Assert.Equal(["(int)", "(int, string)", "(long)", "()"], symbols.Select(s => s.Signature));
        Assert.All(symbols, s => Assert.Equal("Words.ToWords", s.QualifiedName));
        Assert.Equal([3, 4, 5, 6], symbols.Select(s => s.Start));
    }

    [Fact]
    public void Every_preprocessor_branch_is_outlined()
    {
        const string source = """
            class C
            {
            #if NET6_0_OR_GREATER
                public void Modern() { }
            #else
                public void Legacy() { }
            #endif
            #if DEBUG
                public void Debug() { }
            #endif
                public void Always()
                {
            #if NET
                    Modern();
            #endif
                }
            }
            """;
        Assert.Equal(
            [
                "class C - 1/1/17",
                "method C.Modern () 4/4/4",
                "method C.Legacy () 6/6/6",
                "method C.Debug () 9/9/9",
                "method C.Always () 11/11/16",
            ],
            Outline(source));
    }

    [Fact]
    public void Extension_blocks_are_unnamed_types_as_in_the_benchmark()
    {
        const string source = """
            namespace System;

            static class PolyfillShims
            {
                extension(double)
                {
                    public static bool IsFinite(double x) => true;
                }

                extension(string text)
                {
                    public int Count(char c) => 0;
                    public bool IsEmpty => text.Length == 0;
                }
            }
            """;
        Assert.Equal(
            [
                "namespace System - 1/1/15",
                "class System.PolyfillShims - 3/3/15",
                "method System.PolyfillShims..IsFinite (double) 7/7/7",
                "method System.PolyfillShims..Count (char) 12/12/12",
                "property System.PolyfillShims..IsEmpty - 13/13/13",
            ],
            Outline(source));
    }

    [Fact]
    public void Top_level_statements_hold_no_symbols_but_types_after_them_do()
    {
        const string source = "using System;\r\n\r\nConsole.WriteLine(\"hi\");\r\nvoid Local() { }\r\n\r\nrecord Person(string DisplayName);\r\n";
        Assert.Equal(["record Person - 6/6/6"], Outline(source));
    }

    [Fact]
    public void Levels_count_the_enclosing_declarations()
    {
        const string source = "namespace A { class B { void C() { } } }";
        var symbols = Outliner.Outline("x.cs", source).Symbols;
        Assert.Equal([0, 1, 2], symbols.Select(s => s.Level));
        Assert.Equal(["A", "B", "C"], symbols.Select(s => s.Name));
    }

    [Fact]
    public void Broken_code_still_outlines_what_parses()
    {
        const string source = """
            class Broken
            {
                public void Fine() { }
                public void Unclosed( {
                public int After => 1;
            }
            """;
        var names = Outliner.Outline("x.cs", source).Symbols.Select(s => s.QualifiedName).ToList();
        Assert.Contains("Broken.Fine", names);
        Assert.Contains("Broken", names);
    }
}

/// <summary>Code under `#if`: every branch is outlined, each declaration once (issue 11).</summary>
public sealed class CSharpConditionalOutlineTests
{
    private static string[] Outline(string source, bool branches = true) =>
        [.. new CSharpOutliner(branches).Outline("x.cs", source).Symbols.Select(s => $"{s.Kind} {s.QualifiedName}{s.Signature} {s.Start}-{s.End}")];

    [Fact]
    public void Declarations_under_if_elif_and_else_are_all_outlined_once()
    {
        const string source = """
            #if NET6_0_OR_GREATER
            namespace Modern
            {
                public sealed class OnlyNew { }
            }
            #endif
            namespace Acme
            {
                public sealed class Shared
                {
            #if NET8_0
                    public void Eight() { }
            #elif NETSTANDARD2_0
                    public void Standard() { }
            #else
                    public void Fallback() { }
            #endif
                    public void Always() { }
                }
            }
            """;
        Assert.Equal(
            [
                "namespace Modern 2-5",
                "class Modern.OnlyNew 4-4",
                "namespace Acme 7-20",
                "class Acme.Shared 9-19",
                "method Acme.Shared.Eight() 12-12",
                "method Acme.Shared.Standard() 14-14",
                "method Acme.Shared.Fallback() 16-16",
                "method Acme.Shared.Always() 18-18",
            ],
            Outline(source));
        Assert.DoesNotContain("class Modern.OnlyNew 4-4", Outline(source, branches: false));
    }

    [Fact]
    public void A_file_scoped_namespace_is_one_declaration_to_the_end_of_its_last_branch()
    {
        const string source = "namespace Acme;\n\npublic sealed class A { }\n#if NET8_0\npublic sealed class B { }\n#endif\n";
        Assert.Equal(["namespace Acme 1-5", "class Acme.A 3-3", "class Acme.B 5-5"], Outline(source));
    }

    [Fact]
    public void A_file_without_directives_is_parsed_once_and_outlined_as_before()
    {
        const string source = "namespace Acme;\npublic sealed class A\n{\n    public void M() { }\n}\n";
        Assert.Equal(Outline(source, branches: false), Outline(source));
    }
}
