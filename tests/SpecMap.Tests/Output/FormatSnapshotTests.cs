using SpecMap.Core.Output;
using SpecMap.Core.Results;

namespace SpecMap.Tests.Output;

/// <summary>Every `--format` rendered from the same fixture report and compared with its golden file.</summary>
public sealed class FormatSnapshotTests
{
    public static TheoryData<string, string> Formats => new()
    {
        { "text", "fixture.txt" },
        { "json", "fixture.json" },
        { "sarif", "fixture.sarif" },
        { "github", "fixture.github.txt" },
        { "markdown", "fixture.md" },
        { "prometheus", "fixture.prom" },
        { "html", "fixture.html" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_matches_its_snapshot(string format, string snapshot)
    {
        var formatter = ReportFormatters.Find(format);
        Assert.NotNull(formatter);
        Snapshot.Match(formatter.Format(ReportFixture.Build()), snapshot);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_is_deterministic(string format, string snapshot)
    {
        // Rendered on several threads at once, each time from a freshly built report and with other reports rendered in
        // between: every text is the golden one, so no state is shared between runs and nothing depends on timing.
        var formatter = ReportFormatters.Find(format)!;
        var texts = new string[8];
        Parallel.For(0, texts.Length, i =>
        {
            _ = formatter.Format(new ValidationReport([]));
            texts[i] = formatter.Format(ReportFixture.Build());
        });
        Assert.Single(texts.Distinct(StringComparer.Ordinal));
        Snapshot.Match(texts[0], snapshot);
    }

    [Fact]
    public void Every_registered_format_has_a_snapshot()
    {
        var covered = Formats.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(ReportFormatters.All, f => Assert.Contains(f.Name, covered));
    }

    [Fact]
    public void Every_format_renders_an_empty_report()
    {
        var empty = new ValidationReport([]);
        Assert.All(ReportFormatters.All, f => Assert.False(string.IsNullOrEmpty(f.Format(empty)), f.Name));
    }
}
