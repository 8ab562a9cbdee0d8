using System.Diagnostics;
using System.Text;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Python;

namespace SpecMap.Tests.Outline.Python;

public sealed class PythonOutlinerTests
{
    private static readonly PythonOutliner Outliner = new();

    public static TheoryData<string> SnippetNames => [.. PythonSnippets.All.Select(s => s.Name)];

    private static string[] OutlineOf(string source) =>
        [.. Outliner.Outline("x.py", source).Symbols.Select(PythonAst.Format)];

    [Theory]
    [MemberData(nameof(SnippetNames))]
    public void Outline_gives_the_expected_symbols(string name)
    {
        var snippet = PythonSnippets.All.Single(s => s.Name == name);
        Assert.Equal(snippet.Expected, OutlineOf(snippet.Source));
    }

    [PythonFact]
    public void Outline_equals_CPython_ast_on_every_snippet_ast_can_parse()
    {
        var snippets = PythonSnippets.All;
        var expected = PythonAst.Outline([.. snippets.Select(s => Encoding.UTF8.GetBytes(s.Source))]);
        for (var i = 0; i < snippets.Count; i++)
        {
            var snippet = snippets[i];
            if (expected[i] is null)
            {
                // Only inputs known to be beyond this python3 (Python 2, 3.12 syntax, broken code) may fail to parse.
                Assert.False(snippet.AstParses, $"ast could not parse {snippet.Name}");
                continue;
            }
            Assert.Equal(expected[i], OutlineOf(snippet.Source));
            Assert.Equal(expected[i], snippet.Expected);
        }
    }

    [Fact]
    public void Outline_reports_language_and_path()
    {
        var outline = Outliner.Outline("pkg/mod.py", "def f(): pass\n");
        Assert.Equal("python", outline.Language);
        Assert.Equal("pkg/mod.py", outline.Path);
        Assert.Contains(".pyi", Outliner.Extensions);
    }

    [Fact]
    public void Outline_of_every_truncation_of_tricky_code_never_throws()
    {
        // Cutting a file anywhere leaves open strings, brackets, f-string fields and blocks: the parser must cope with each.
        var source = string.Join("\n", PythonSnippets.All.Select(s => s.Source));
        for (var length = 0; length <= source.Length; length++)
        {
            // The last 800 characters before each cut: every open construct gets cut, in linear total time.
            var text = source[Math.Max(0, length - 800)..length];
            var symbols = PythonStatementParser.Parse(text, PythonTokenizer.Tokenize(text));
            Assert.All(symbols, s => Assert.True(s.Start <= s.DefLine && s.DefLine <= s.End, s.ToString()));
        }
    }

    [Fact]
    public void Outline_of_random_text_never_throws()
    {
        var random = new Random(1234);
        const string alphabet = "def class async @ ( ) [ ] { } : ; = , * \" ' \"\"\" ''' f\" rb' \\ # \n \r\n \r \t    x y lambda match case if else\uFEFF{{}}";
        for (var round = 0; round < 300; round++)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < 400; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var text = builder.ToString();
            _ = PythonStatementParser.Parse(text, PythonTokenizer.Tokenize(text));
        }
    }

    [Theory]
    [InlineData("(", 200_000)]
    [InlineData("f\"{", 100_000)]
    [InlineData("f\"{x:{", 60_000)]
    [InlineData("a = ((((", 50_000)]
    public void Outline_of_hostile_nesting_is_fast_and_does_not_overflow_the_stack(string unit, int count)
    {
        var text = "class A:\n    " + string.Concat(Enumerable.Repeat(unit, count)) + "\ndef f(): pass\n";
        var clock = Stopwatch.StartNew();
        var outline = Outliner.Outline("x.py", text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal("A", outline.Symbols[0].Name);
    }

    [Fact]
    public void Outline_of_deep_indentation_does_not_overflow_the_stack()
    {
        var builder = new StringBuilder();
        for (var depth = 0; depth < 1500; depth++)
        {
            builder.Append(' ', depth).Append("def f").Append(depth).Append("():\n");
        }
        builder.Append(' ', 1500).Append("pass\ndef last(): pass\n");
        var outline = Outliner.Outline("x.py", builder.ToString());
        Assert.Equal("last", outline.Symbols[^1].Name);
        Assert.Equal(SymbolKinds.Function, outline.Symbols[^1].Kind);
    }

    [Fact]
    public void Outline_work_is_linear_in_the_file_size()
    {
        var unit = string.Join("\n", PythonSnippets.All.Where(s => s.AstParses).Select(s => s.Source)) + "\n";
        var small = string.Concat(Enumerable.Repeat(unit, 20));
        var large = string.Concat(Enumerable.Repeat(unit, 200));
        Assert.Equal(Outliner.Outline("x.py", small).Symbols.Length * 10, Outliner.Outline("x.py", large).Symbols.Length);
        // Allocation counts the work done without a clock, so a loaded machine cannot fail this (wall time could):
        // ten times the text may allocate at most ~15 times as much, never quadratically more.
        var smallBytes = AllocatedBy(small);
        var largeBytes = AllocatedBy(large);
        Assert.True(largeBytes < smallBytes * 15, $"small {smallBytes:N0} B, large {largeBytes:N0} B");

        static long AllocatedBy(string text)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            _ = Outliner.Outline("x.py", text);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
