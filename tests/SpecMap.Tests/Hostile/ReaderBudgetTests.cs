using System.Diagnostics;
using System.Text;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Outline.Markdown;

namespace SpecMap.Tests.Hostile;

/// <summary>Issue 14 §4, §5: the outliners are linear or bounded on the shapes that crashed them or went quadratic.</summary>
public sealed class ReaderBudgetTests
{
    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Runs on a 1 MiB-stack thread, as small as a thread-pool thread's, so a stack overflow would show here.</summary>
    private static T Bounded<T>(Func<T> outline, int seconds = 10)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = outline();
            }
#pragma warning disable CA1031 // Rethrown on the test thread.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        }, maxStackSize: 1024 * 1024);
        var clock = Stopwatch.StartNew();
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(seconds * 6)), "the outliner hung");
        Assert.Null(failure);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(seconds), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    [Fact]
    public void Twenty_thousand_duplicate_headings_are_outlined_in_linear_time()
    {
        var outline = Bounded(() => new MarkdownOutliner().Outline("a.md", Repeat("## h\n", 20_000)));
        Assert.Equal(20_000, outline.Symbols.Length);
        Assert.Equal(["h", "h-1", "h-2"], outline.Symbols.Take(3).Select(s => s.QualifiedName));
        Assert.Equal("h-19999", outline.Symbols[^1].QualifiedName);
    }

    [Theory]
    [InlineData("[a](", 40_000)]
    [InlineData("> ", 300)]
    [InlineData("- ", 300)]
    public void Markdown_nested_or_bracketed_deeply_neither_throws_nor_goes_quadratic(string unit, int count)
    {
        var outline = Bounded(() => new MarkdownOutliner().Outline("a.md", "# Top\n\n" + Repeat(unit, count) + "x\n\n## Next\n"));
        Assert.Equal(["Top", "Next"], outline.Symbols.Select(s => s.Name));
    }

    [Fact]
    public void Markdown_just_past_markdig_s_depth_limit_is_outlined()
    {
        var outline = Bounded(() => new MarkdownOutliner().Outline("a.md", "# Top\n" + string.Concat(Enumerable.Range(0, 130).Select(i => new string(' ', 0) + "> ")) + "x\n"));
        Assert.Equal("Top", outline.Symbols[0].Name);
    }

    [Theory]
    [InlineData("#if A\n#endif\n", 50_000)]
    [InlineData("(", 100_000)]
    [InlineData("List<", 50_000)]
    public void CSharp_with_deep_nesting_or_many_directives_does_not_overflow_the_stack(string unit, int count)
    {
        var outline = Bounded(() => new CSharpOutliner().Outline("a.cs", "class C { void M() { var x = " + Repeat(unit, count) + "; } }\n"), seconds: 30);
        Assert.NotNull(outline);
    }
}
