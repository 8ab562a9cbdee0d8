using System.Text;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Reports;

/// <summary>`--format text`: one MSBuild-style line per finding (`PATH(LINE,1): error SMV0501: …`), then the totals.</summary>
internal sealed class ProbeTextFormatter : IProbeFormatter
{
    public string Name => "text";

    public string Format(ProbeResult result)
    {
        var text = new StringBuilder();
        foreach (var finding in result.OrderedFindings())
        {
            text.Append(Line(result, finding)).Append('\n');
        }
        text.Append("probe ").Append(result.Target).Append(": ").Append(ProbeFindingText.Summary(result)).Append('\n');
        return text.ToString();
    }

    public static string Line(ProbeResult result, ProbeFinding finding)
    {
        var (path, line) = result.LocationOf(finding);
        var message = string.Join(" ", ProbeFindingText.Line(finding).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return $"{path}({line},1): {finding.Severity.ToName()} {finding.RuleId}: {message}";
    }
}
