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
    ];

    public static IReportFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
