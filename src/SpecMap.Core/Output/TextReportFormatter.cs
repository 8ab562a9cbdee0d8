using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>MSBuild canonical form (`PATH(LINE,COL): error SMV0101: message`), which editors and CI systems already parse.</summary>
internal sealed class TextReportFormatter : IReportFormatter
{
    public string Name => "text";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in report.AllDiagnostics)
        {
            text.Append(Line(diagnostic)).Append('\n');
        }
        text.Append(SummaryText.Line(statistics)).Append('\n');
        return text.ToString();
    }

    /// <summary>One line per diagnostic: MSBuild parsers read line by line, so a multi-line message is folded.</summary>
    public static string Line(Diagnostic d) =>
        $"{d.Location.Path}({d.Location.Line},{d.Location.Column}): {d.Severity.ToName()} {d.Id}: {FoldLines(d.Message)}";

    private static string FoldLines(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
