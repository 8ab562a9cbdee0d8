using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Catalog;

/// <summary>`specmap explain` through the real program.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_prints_the_page_and_ignores_case()
    {
        // A real process: exit 0 and the page on stdout.
        var result = CliRunner.RunProcess(Path.GetTempPath(), "explain", "smv0203");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(RulePages.Read(RuleIds.SpecSectionChanged), result.Stdout);
        Assert.StartsWith("# SMV0203: Spec section changed since last review\n", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Explain_of_an_unknown_id_prints_one_line_and_exits_2()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "explain", "SMV0999");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("SMV0999", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_without_an_id_lists_every_rule()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "explain");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), lines.Select(l => l[..7]));
        Assert.Contains("SMV0205  none     fix: safe    Spec section not hashed", lines);
    }
}
