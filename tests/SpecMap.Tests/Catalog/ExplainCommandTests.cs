using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Catalog;

/// <summary>`specmap explain` through the real program.</summary>
public sealed class ExplainCommandTests
{
    [Fact]
    public void Explain_prints_the_page_and_ignores_case()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "explain", "smv0203");
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
}
