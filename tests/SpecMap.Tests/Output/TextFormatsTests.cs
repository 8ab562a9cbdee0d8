using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Output;

/// <summary>GitHub workflow commands, Markdown and Prometheus: their escaping and what a reader of each format parses.</summary>
public sealed partial class TextFormatsTests
{
    [Theory]
    [InlineData("50% done\r\nnext", "50%25 done%0D%0Anext")]
    [InlineData("a:b,c", "a:b,c")]
    public void GitHub_messages_escape_percent_and_line_breaks(string message, string escaped) =>
        Assert.Equal(escaped, GitHubReportFormatter.EscapeData(message));

    [Fact]
    public void GitHub_properties_also_escape_colon_and_comma() =>
        Assert.Equal("C%3A/maps/a%2Cb%25.json", GitHubReportFormatter.EscapeProperty("C:/maps/a,b%.json"));

    [Fact]
    public void GitHub_commands_carry_level_file_line_col_and_title()
    {
        var lines = new GitHubReportFormatter().Format(ReportFixture.Build()).TrimEnd('\n').Split('\n');
        var commands = lines.Where(l => l.StartsWith("::", StringComparison.Ordinal) && l.Contains(" file=", StringComparison.Ordinal)).ToList();
        Assert.Contains("::notice title=specmap spec coverage::3 of 4 sections (75%25) covered by mapping items", lines);
        Assert.Equal(ReportFixture.Build().AllDiagnostics.Count(), commands.Count);
        foreach (var command in commands)
        {
            var match = WorkflowCommand().Match(command);
            Assert.True(match.Success, command);
            Assert.Equal(ReportFixture.MappingPath, match.Groups["file"].Value);
        }
        Assert.Contains(commands, c => c.StartsWith("::notice file=", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("::warning file=", StringComparison.Ordinal) && c.Contains("%0A- returns", StringComparison.Ordinal));
        Assert.StartsWith("specmap: ", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a | b", "a \\| b")]
    [InlineData("*x* _y_ `z` [l](u) <b>", "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\>")]
    [InlineData("one\ntwo", "one<br>two")]
    public void Markdown_escapes_specials(string text, string escaped) => Assert.Equal(escaped, MarkdownReportFormatter.Escape(text));

    [Fact]
    public void Markdown_escaped_text_renders_as_the_original_text()
    {
        const string text = "a | b *c* _d_ `e` [f](g) <h> \\ ~i~ #j &amp; !k";
        var paragraph = Markdown.Parse(MarkdownReportFormatter.Escape(text), Pipeline).Descendants<ParagraphBlock>().Single();
        Assert.Equal(text, string.Concat(paragraph.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString())));
    }

    [Fact]
    public void Markdown_tables_keep_their_columns_whatever_the_messages_hold()
    {
        var markdown = new MarkdownReportFormatter().Format(ReportFixture.Build());
        var tables = Markdown.Parse(markdown, Pipeline).Descendants<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.All(tables[0].OfType<TableRow>(), row => Assert.Equal(2, row.Count));
        var diagnostics = tables[1].OfType<TableRow>().ToList();
        Assert.Equal(ReportFixture.Build().AllDiagnostics.Count() + 1, diagnostics.Count);
        Assert.All(diagnostics, row => Assert.Equal(5, row.Count));
        var links = Markdown.Parse(markdown, Pipeline).Descendants<LinkInline>().Select(l => l.Url).ToList();
        Assert.Contains(RuleCatalog.Get(RuleIds.FileNotFound).HelpUri, links);
    }

    [Fact]
    public void Markdown_caps_a_long_table_and_says_how_many_are_left_out()
    {
        var fixture = ReportFixture.Build();
        var mapping = fixture.Mappings[0];
        var many = Enumerable.Range(0, MarkdownReportFormatter.MaxRows + 7)
            .Select(i => mapping.Diagnostics[0] with { Message = $"finding {i}" })
            .ToImmutableArray();
        var markdown = new MarkdownReportFormatter().Format(fixture with { Mappings = [mapping with { Diagnostics = many }] });
        var rows = Markdown.Parse(markdown, Pipeline).Descendants<Table>().Last().OfType<TableRow>().Count();
        Assert.Equal(MarkdownReportFormatter.MaxRows + 1, rows);
        Assert.Contains("7 more not shown", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_code_spans_survive_backticks_and_pipes()
    {
        Assert.Equal("`a.json`", MarkdownReportFormatter.Code("a.json"));
        Assert.Equal("`` a`b.json ``", MarkdownReportFormatter.Code("a`b.json"));
        Assert.Equal("`a\\|b.json`", MarkdownReportFormatter.Code("a|b.json"));
    }

    [Fact]
    public void Prometheus_label_values_escape_backslash_quote_and_newline() =>
        Assert.Equal("a\\\\b\\\"c\\nd", PrometheusReportFormatter.EscapeLabel("a\\b\"c\nd"));

    [Fact]
    public void Prometheus_output_parses_as_the_text_exposition_format()
    {
        var lines = new PrometheusReportFormatter().Format(ReportFixture.Build()).TrimEnd('\n').Split('\n');
        var declared = new List<string>();
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? family = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                family = line.Split(' ')[2];
                Assert.DoesNotContain(family, declared);
                declared.Add(family);
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                Assert.Equal($"# TYPE {family} gauge", line);
                continue;
            }
            var match = Sample().Match(line);
            Assert.True(match.Success, line);
            Assert.Equal(family, match.Groups["name"].Value);
            Assert.StartsWith("specmap_", family, StringComparison.Ordinal);
            Assert.True(double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), line);
            Assert.True(series.Add(match.Groups["name"].Value + match.Groups["labels"].Value), $"duplicate series {line}");
        }
        Assert.Equal([.. declared.Order(StringComparer.Ordinal)], declared);
    }

    [Fact]
    public void Prometheus_reports_scores_coverage_and_statuses()
    {
        var text = new PrometheusReportFormatter().Format(ReportFixture.Build());
        const string m = "mapping=\"" + ReportFixture.MappingPath + "\"";
        Assert.Contains("specmap_overall_compliance_score{" + m + "} 80\n", text, StringComparison.Ordinal);
        Assert.Contains("specmap_section_compliance_score{" + m + ",section=\"endpoints\"} 75\n", text, StringComparison.Ordinal);
        Assert.Contains("specmap_item_compliance_score{item=\"response.output_text.delta\"," + m + ",section=\"streaming_events\"} 70\n", text, StringComparison.Ordinal);
        Assert.Contains("specmap_spec_coverage_ratio{" + m + "} 0.75\n", text, StringComparison.Ordinal);
        Assert.Contains("specmap_references{" + m + ",status=\"relocated\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("specmap_diagnostics_by_severity{" + m + ",severity=\"error\"} 4\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1970", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github", "::error file=api.specmap.json,line=")]
    [InlineData("markdown", "## specmap report")]
    [InlineData("prometheus", "# HELP specmap_diagnostics ")]
    public void Cli_writes_each_format_for_a_real_repository(string format, string expected)
    {
        using var repo = TestRepository.Create();
        repo.Write("src/app.py", "def handler():\n    return 1\n")
            .Write("api.specmap.json", """{ "items": [ { "status": "implemented", "implementation": "src/gone.py:1-2" } ] }""");
        repo.Commit("mapping");
        var result = CliRunner.Run(repo.Root, "validate", "api.specmap.json", "--format", format);
        Assert.True(result.ExitCode == 1, result.Stderr + result.Stdout);
        Assert.Contains(expected, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(RuleIds.FileNotFound, result.Stdout, StringComparison.Ordinal);
    }

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [GeneratedRegex(@"^::(error|warning|notice) file=(?<file>[^,:]+),line=\d+,col=\d+,title=SMV\d{4}::[^\r\n]+$")]
    private static partial Regex WorkflowCommand();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<labels>\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\\n]|\\[\\""n])*"",?)*\})? (?<value>\S+)$")]
    private static partial Regex Sample();
}
