using System.Globalization;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>`--format markdown`: a summary, the scenarios, the coverage table and the findings (a PR comment or job summary).</summary>
internal sealed class ProbeMarkdownFormatter : IProbeFormatter
{
    public string Name => "markdown";

    public string Format(ProbeResult result)
    {
        var md = new StringBuilder();
        md.Append("# specmap probe: ").Append(MarkdownReportFormatter.Escape(result.Target)).Append("\n\n");
        md.Append(result.Failed ? "**Failed**: " : "**Passed**: ").Append(ProbeFindingText.Summary(result)).Append(".\n\n");
        md.Append("## Scenarios\n\n| scenario | status | events | problem |\n|---|---:|---:|---|\n");
        foreach (var s in result.Scenarios)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownReportFormatter.Escape(s.Name)} | {s.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {s.Events} | {MarkdownReportFormatter.Escape(s.TransportError ?? string.Empty)} |\n");
        }
        md.Append("\n## Coverage\n\n| event | seen | mapped | implemented | in spec |\n|---|---:|:---:|:---:|:---:|\n");
        foreach (var row in result.Report.Coverage)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownReportFormatter.Code(row.EventType)} | {row.Seen} | {Mark(row.Mapped)} | {Mark(row.MarkedImplemented)} | {Mark(row.InSpec)} |\n");
        }
        md.Append("\n## Findings\n\n");
        var findings = result.OrderedFindings().ToList();
        if (findings.Count == 0)
        {
            md.Append("None.\n");
            return md.ToString();
        }
        md.Append("| severity | rule | scenario | where | message |\n|---|---|---|---|---|\n");
        foreach (var f in findings)
        {
            var (path, line) = result.LocationOf(f);
            md.Append(CultureInfo.InvariantCulture, $"| {f.Severity.ToName()} | {f.RuleId} | {MarkdownReportFormatter.Escape(f.Scenario)} | {MarkdownReportFormatter.Code($"{path}:{line}")} | {MarkdownReportFormatter.Escape(f.Message)}");
            var details = ProbeFindingText.Details(f);
            if (details.Length > 0)
            {
                md.Append("<br>").Append(MarkdownReportFormatter.Escape(details));
            }
            md.Append(" |\n");
        }
        return md.ToString();
    }

    private static string Mark(bool yes) => yes ? "yes" : "-";
}
