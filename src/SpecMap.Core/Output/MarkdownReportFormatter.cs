using System.Globalization;
using System.Text;
using Humanizer;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>GitHub-flavoured Markdown (`--format markdown`): a summary table, then one section per mapping; for a job summary or a PR comment.</summary>
internal sealed class MarkdownReportFormatter : IReportFormatter
{
    /// <summary>Rows per diagnostics table: a PR comment holds 65,536 characters, and a reviewer reads the first hundred anyway.</summary>
    public const int MaxRows = 100;

    public string Name => "markdown";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        var md = new StringBuilder();
        md.Append("## specmap report\n\n");
        md.Append(Escape(SummaryText.Line(statistics))).Append("\n\n");
        WriteSummaryTable(md, statistics);
        if (!report.SetupDiagnostics.IsEmpty)
        {
            md.Append("### Configuration\n\n");
            WriteDiagnostics(md, report.SetupDiagnostics);
        }
        foreach (var mapping in statistics.PerMapping)
        {
            WriteMapping(md, mapping);
        }
        return md.ToString();
    }

    private static void WriteSummaryTable(StringBuilder md, ReportStatistics statistics)
    {
        md.Append("| Measure | Value |\n| --- | ---: |\n");
        Row(md, "Errors", statistics.Diagnostics.Errors);
        Row(md, "Warnings", statistics.Diagnostics.Warnings);
        Row(md, "Infos", statistics.Diagnostics.Infos);
        Row(md, "Fixes available", statistics.Diagnostics.Fixable);
        Row(md, "Mappings", statistics.Mappings);
        Row(md, "References", statistics.References.Total);
        foreach (var (status, count) in statistics.References.ByStatus)
        {
            Row(md, $"References {ReportNames.Status(status)}", count);
        }
        if (statistics.Coverage is { } total)
        {
            md.Append("| Spec coverage | ").Append(SummaryText.Coverage(total)).Append(" |\n");
        }
        md.Append('\n');
    }

    private static void Row(StringBuilder md, string name, int value) =>
        md.Append("| ").Append(name).Append(" | ").Append(value.ToString(CultureInfo.InvariantCulture)).Append(" |\n");

    private static void WriteMapping(StringBuilder md, MappingStatistics statistics)
    {
        var mapping = statistics.Mapping;
        md.Append("### ").Append(Code(mapping.Path)).Append("\n\n");
        var facts = new List<string>();
        if (mapping.Against is not null)
        {
            facts.Add($"checked against {Code(Short(mapping.Against))}");
        }
        if (mapping.VerifiedAt is not null)
        {
            facts.Add($"line numbers verified at {Code(Short(mapping.VerifiedAt))}");
        }
        var byStatus = statistics.References.ByStatus
            .Where(s => s.Count > 0)
            .Select(s => $"{s.Count} {ReportNames.Status(s.Status)}");
        facts.Add($"{"reference".ToQuantity(statistics.References.Total)}" +
            (statistics.References.Total == 0 ? string.Empty : $" ({string.Join(", ", byStatus)})"));
        if (mapping.Coverage is { } coverage)
        {
            facts.Add($"spec coverage {SummaryText.Coverage(coverage)}");
        }
        if (ComplianceScores.Overall(mapping.Document) is { } overall)
        {
            facts.Add($"overall compliance score {overall.ToString("0.#", CultureInfo.InvariantCulture)}");
        }
        var fixable = statistics.Diagnostics.Fixable;
        if (fixable > 0)
        {
            facts.Add($"{"fix".ToQuantity(fixable)} available (`specmap validate --fix`)");
        }
        md.Append(char.ToUpperInvariant(facts[0][0])).Append(facts[0].AsSpan(1));
        foreach (var fact in facts.Skip(1))
        {
            md.Append("; ").Append(fact);
        }
        md.Append(".\n\n");
        WriteDiagnostics(md, mapping.Diagnostics);
    }

    private static void WriteDiagnostics(StringBuilder md, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            md.Append("No diagnostics.\n\n");
            return;
        }
        md.Append("| Location | Rule | Severity | Message | Fix |\n| --- | --- | --- | --- | --- |\n");
        foreach (var d in diagnostics.Take(MaxRows))
        {
            var location = $"{d.Location.Path}:{d.Location.Line}:{d.Location.Column}";
            var rule = RuleCatalog.TryGet(d.Id, out var descriptor) && descriptor is not null
                ? $"[{d.Id}]({descriptor.HelpUri} \"{Escape(descriptor.Title)}\")"
                : Escape(d.Id);
            md.Append("| ").Append(Code(location))
                .Append(" | ").Append(rule)
                .Append(" | ").Append(d.Severity.ToName())
                .Append(" | ").Append(Escape(d.Message))
                .Append(" | ").Append(Fix(d.Fix))
                .Append(" |\n");
        }
        if (diagnostics.Count > MaxRows)
        {
            md.Append("\n").Append(diagnostics.Count - MaxRows)
                .Append(" more not shown: see the SARIF or JSON report (`--format sarif`, `--format json`).\n");
        }
        md.Append('\n');
    }

    private static string Fix(MappingFix? fix) => fix switch
    {
        null => string.Empty,
        { Safety: FixSafety.Unsafe } => $"unsafe ({fix.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}): {Escape(fix.Description)}",
        _ => $"safe: {Escape(fix.Description)}",
    };

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    /// <summary>
    /// Text safe in a table cell: Markdown's inline specials are backslash-escaped (CommonMark allows that for any ASCII
    /// punctuation), `|` so the cell does not split, and line breaks become `<br>`.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '#' or '&' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r':
                    break;
                case '\n':
                    escaped.Append("<br>");
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>A code span that survives backticks in the text and, inside a table, pipes (GFM reads `\|` as a pipe even in code).</summary>
    public static string Code(string text)
    {
        var flat = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        var longest = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        var pad = longest > 0 ? " " : string.Empty;
        return $"{fence}{pad}{flat}{pad}{fence}";
    }
}
