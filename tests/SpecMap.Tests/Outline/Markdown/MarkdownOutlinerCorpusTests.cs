using System.Text.RegularExpressions;
using SpecMap.Core.Outline.Markdown;
using SpecMap.Core.Sources;
using SpecMap.Tests.Outline.CSharp;
using Xunit.Abstractions;

namespace SpecMap.Tests.Outline.Markdown;

/// <summary>Every Markdown file of a real project (Humanizer's docs at the bench head) outlines consistently.</summary>
public sealed partial class MarkdownOutlinerCorpusTests(HumanizerBenchFixture bench, ITestOutputHelper output) : IClassFixture<HumanizerBenchFixture>
{
    [HumanizerBenchFact]
    public void Every_heading_sits_on_a_heading_line_with_a_unique_slug_and_sections_nest()
    {
        var tree = new GitTreeSource(bench.Repository, bench.Repository.Branches["bench"].Tip);
        var outliner = new MarkdownOutliner();
        var files = 0;
        var headings = 0;
        foreach (var path in tree.Paths.Where(p => p.EndsWith(".md", StringComparison.Ordinal)))
        {
            var file = tree.Read(path)!;
            var lines = TextLines.Split(file.Text);
            var symbols = outliner.Outline(path, file.Text).Symbols;
            files++;
            headings += symbols.Length;
            Assert.Equal(symbols.Length, symbols.Select(s => s.QualifiedName).Distinct(StringComparer.Ordinal).Count());
            for (var i = 0; i < symbols.Length; i++)
            {
                var s = symbols[i];
                var where = $"{path}:{s.Start} {s.QualifiedName}";
                Assert.True(s.Start == s.DefLine && s.Start <= s.End && s.End <= lines.Length, where);
                var isAtx = AtxLine().IsMatch(lines[s.Start - 1]);
                var isSetext = s.Start < lines.Length && SetextUnderline().IsMatch(lines[s.Start]);
                Assert.True(isAtx || isSetext, $"{where}: '{lines[s.Start - 1]}' is not a heading line");
                Assert.False(string.IsNullOrWhiteSpace(lines[s.End - 1]), $"{where}: section ends on a blank line");
                if (i + 1 < symbols.Length)
                {
                    var next = symbols[i + 1];
                    // The next heading is either inside this section (deeper) or after its end.
                    Assert.True(next.Level > s.Level ? next.Start <= s.End : next.Start > s.End, $"{where} then {next.QualifiedName}");
                }
            }
        }
        output.WriteLine($"{files} Markdown files, {headings} headings");
        Assert.True(files > 10 && headings > 100, $"{files} files, {headings} headings");
    }

    [GeneratedRegex(@"^ {0,3}(>\s*)*([-*+]\s+|\d+[.)]\s+)?#{1,6}(\s|$)")]
    private static partial Regex AtxLine();

    [GeneratedRegex(@"^ {0,3}(>\s*)*(=+|-+)\s*$")]
    private static partial Regex SetextUnderline();
}
