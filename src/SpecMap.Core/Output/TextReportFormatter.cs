using System.Text;
using Humanizer;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>MSBuild canonical form (`PATH(LINE,COL): error SMV0101: message`), which editors and CI systems already parse.</summary>
internal sealed class TextReportFormatter : IReportFormatter
{
    public string Name => "text";

    public string Format(ValidationReport report)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in report.AllDiagnostics)
        {
            text.Append(Line(diagnostic)).Append('\n');
        }
        text.Append(Summary(report)).Append('\n');
        return text.ToString();
    }

    /// <summary>One line per diagnostic: MSBuild parsers read line by line, so a multi-line message is folded.</summary>
    public static string Line(Diagnostic d) =>
        $"{d.Location.Path}({d.Location.Line},{d.Location.Column}): {d.Severity.ToName()} {d.Id}: {FoldLines(d.Message)}";

    private static string FoldLines(string message) =>
        string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Summary(ValidationReport report)
    {
        var references = report.Mappings.Sum(m => m.References.Length);
        var relocated = report.Mappings.Sum(m => m.References.Count(r => r.Status == ReferenceStatus.Relocated));
        var parts = new List<string>
        {
            "error".ToQuantity(report.Count(Severity.Error)),
            "warning".ToQuantity(report.Count(Severity.Warning)),
        };
        var infos = report.Count(Severity.Info);
        if (infos > 0)
        {
            parts.Add("info".ToQuantity(infos));
        }
        var fixable = report.AllDiagnostics.Count(d => d.Fix is not null);
        var tail = fixable > 0 ? $"; {"fix".ToQuantity(fixable)} available (--fix)" : string.Empty;
        return $"specmap: {string.Join(", ", parts)} in {"mapping".ToQuantity(report.Mappings.Length)} " +
            $"({"reference".ToQuantity(references)} checked, {relocated} relocated){tail}";
    }
}
