using System.Text.Json;
using System.Text.RegularExpressions;
using SpecMap.Core.Output;

namespace SpecMap.Tests.Output;

/// <summary>docs/grafana/specmap-dashboard.json queries only series and labels that `--format prometheus` writes.</summary>
public sealed partial class DashboardTests
{
    private static readonly string DashboardPath = Path.Combine(Snapshot.RepositoryRoot(), "docs", "grafana", "specmap-dashboard.json");

    [Fact]
    public void Dashboard_queries_only_series_and_labels_specmap_writes()
    {
        var written = WrittenSeries();
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var queries = Queries(dashboard.RootElement).ToList();
        Assert.NotEmpty(queries);
        foreach (var (expr, legend) in queries)
        {
            var metrics = MetricName().Matches(expr).Select(m => m.Value).Distinct().ToList();
            Assert.True(metrics.Count > 0, $"query reads no specmap series: {expr}");
            var labels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var metric in metrics)
            {
                Assert.True(written.TryGetValue(metric, out var metricLabels), $"the dashboard reads {metric}, which specmap does not write");
                labels.UnionWith(metricLabels);
            }
            var used = ByClause().Matches(expr).SelectMany(m => m.Groups["labels"].Value.Split(',', StringSplitOptions.TrimEntries))
                .Concat(Matcher().Matches(expr).Select(m => m.Groups["label"].Value))
                .Concat(LegendLabel().Matches(legend).Select(m => m.Groups["label"].Value));
            Assert.All(used, label => Assert.True(labels.Contains(label), $"label '{label}' is not on {string.Join(", ", metrics)}: {expr}"));
        }
    }

    [Fact]
    public void Dashboard_has_the_promised_panels_with_unique_ids()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().ToList();
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        var types = panels.Select(p => p.GetProperty("type").GetString()).ToList();
        Assert.True(types.Count(t => t == "stat") >= 3);
        Assert.Contains("timeseries", types);
        Assert.Contains("table", types);
    }

    /// <summary>Every family of the fixture's Prometheus output with the label names its samples carry.</summary>
    private static Dictionary<string, HashSet<string>> WrittenSeries()
    {
        var series = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in new PrometheusReportFormatter().Format(ReportFixture.Build()).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var name = MetricName().Match(line).Value;
            if (!series.TryGetValue(name, out var labels))
            {
                series[name] = labels = new HashSet<string>(StringComparer.Ordinal);
            }
            labels.UnionWith(Matcher().Matches(line).Select(m => m.Groups["label"].Value));
        }
        return series;
    }

    private static IEnumerable<(string Expr, string Legend)> Queries(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("expr", out var expr))
                {
                    var legend = element.TryGetProperty("legendFormat", out var l) ? l.GetString() ?? string.Empty : string.Empty;
                    yield return (expr.GetString()!, legend);
                }
                if (element.TryGetProperty("definition", out var definition))
                {
                    yield return (definition.GetString()!, string.Empty);
                }
                foreach (var inner in element.EnumerateObject().SelectMany(p => Queries(p.Value)))
                {
                    yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var inner in element.EnumerateArray().SelectMany(Queries))
                {
                    yield return inner;
                }
                break;
        }
    }

    [GeneratedRegex(@"specmap_[a-z_]+")]
    private static partial Regex MetricName();

    [GeneratedRegex(@"\bby \((?<labels>[^)]*)\)")]
    private static partial Regex ByClause();

    [GeneratedRegex(@"(?<label>[a-z_]+)=~?""")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\{\{(?<label>[a-z_]+)\}\}")]
    private static partial Regex LegendLabel();
}
