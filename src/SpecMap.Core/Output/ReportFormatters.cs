using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>The registry of `--format` values. Each formatter lives in its own file.</summary>
internal static class ReportFormatters
{
    public static IReadOnlyList<IReportFormatter> All { get; } =
    [
        new TextReportFormatter(),
        new JsonReportFormatter(),
        new SarifReportFormatter(),
        new GitHubReportFormatter(),
        new MarkdownReportFormatter(),
        new PrometheusReportFormatter(),
        new HtmlReportFormatter(),
    ];

    public static IReportFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Renders a report, computing its figures first.</summary>
    public static string Format(this IReportFormatter formatter, ValidationReport report) =>
        formatter.Format(report, ReportStatistics.Of(report));
}
