using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>
/// GitHub Actions workflow commands (`::error file=...,line=...,col=...,title=SMVxxxx::message`), which the runner turns
/// into annotations on the pull request's diff. The last line is the plain summary, for the log.
/// </summary>
internal sealed class GitHubReportFormatter : IReportFormatter
{
    public string Name => "github";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in report.AllDiagnostics)
        {
            text.Append(Command(diagnostic)).Append('\n');
        }
        if (statistics.Coverage is { } coverage)
        {
            // Coverage is no finding at a place, so it is a notice without a file: it shows on the run's summary page.
            text.Append("::notice title=specmap spec coverage::")
                .Append(EscapeData(SummaryText.Coverage(coverage) + " covered by mapping items")).Append('\n');
        }
        text.Append(SummaryText.Line(statistics)).Append('\n');
        return text.ToString();
    }

    public static string Command(Diagnostic d)
    {
        var message = d.Fix is null ? d.Message : $"{d.Message} (fix available: specmap validate --fix)";
        return $"::{Level(d.Severity)} file={EscapeProperty(d.Location.Path)},line={d.Location.Line},col={d.Location.Column}," +
            $"title={EscapeProperty(d.Id)}::{EscapeData(message)}";
    }

    /// <summary>The annotation level: error, warning or notice.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    /// <summary>The runner's escaping of a command's message (actions/toolkit `escapeData`).</summary>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>The runner's escaping of a property value (actions/toolkit `escapeProperty`): also `:` and `,`.</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);
}
