using System.Text;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>`--format github`: workflow commands (`::error file=…,line=…,title=SMV0501::…`) that GitHub Actions shows as annotations.</summary>
internal sealed class ProbeGitHubFormatter : IProbeFormatter
{
    public string Name => "github";

    public string Format(ProbeResult result)
    {
        var text = new StringBuilder();
        foreach (var finding in result.OrderedFindings())
        {
            var (path, line) = result.LocationOf(finding);
            text.Append("::").Append(GitHubReportFormatter.Level(finding.Severity))
                .Append(" file=").Append(GitHubReportFormatter.EscapeProperty(path))
                .Append(",line=").Append(line)
                .Append(",title=").Append(GitHubReportFormatter.EscapeProperty(finding.RuleId))
                .Append("::").Append(GitHubReportFormatter.EscapeData(ProbeFindingText.Line(finding))).Append('\n');
        }
        text.Append(GitHubReportFormatter.EscapeData("specmap probe " + result.Target + ": " + ProbeFindingText.Summary(result))).Append('\n');
        return text.ToString();
    }
}
