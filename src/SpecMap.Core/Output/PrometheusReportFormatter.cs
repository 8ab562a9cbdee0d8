using System.Globalization;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>
/// The Prometheus text exposition format (`--format prometheus`) for a node exporter textfile collector or a Pushgateway.
/// Every series is a gauge. No sample carries a timestamp: the output is deterministic, and the scraper stamps it.
/// </summary>
internal sealed class PrometheusReportFormatter : IReportFormatter
{
    public string Name => "prometheus";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        var metrics = new Metrics();
        metrics.Help("specmap_info", "The specmap that wrote these series (always 1).");
        metrics.Add("specmap_info", 1, ("version", ToolInfo.Version));
        metrics.Help("specmap_mappings", "Mapping files validated.");
        metrics.Add("specmap_mappings", statistics.Mappings);

        metrics.Help("specmap_references", "References found in a mapping, by resolution status.");
        metrics.Help("specmap_diagnostics", "Diagnostics by mapping, rule ID and severity (only IDs that occur).");
        metrics.Help("specmap_diagnostics_by_severity", "Diagnostics by mapping and severity (every severity, zeros included).");
        metrics.Help("specmap_fixes_available", "Diagnostics whose fix `specmap validate --fix` can apply or propose.");
        metrics.Help("specmap_spec_sections", "Spec sections (headings at the configured level under docs_root).");
        metrics.Help("specmap_spec_sections_covered", "Spec sections some mapping item references.");
        metrics.Help("specmap_spec_coverage_ratio", "Covered spec sections over all spec sections (0..1).");
        metrics.Help("specmap_overall_compliance_score", "The mapping's overall_compliance_score as recorded (0..100).");
        metrics.Help("specmap_section_compliance_score", "A section's recorded score, else the mean of its item scores (0..100).");
        metrics.Help("specmap_section_items", "Items in a section of the mapping.");
        metrics.Help("specmap_item_compliance_score", "An item's compliance_score (0..100).");

        // Setup diagnostics (the configuration file) count under their own file, beside the mappings.
        var diagnosticsByMapping = report.SetupDiagnostics.GroupBy(d => d.Location.Path, StringComparer.Ordinal)
            .Select(g => (Mapping: g.Key, Diagnostics: g.ToList(), Counts: DiagnosticCounts.Of(g)))
            .Concat(statistics.PerMapping.Select(m => (Mapping: m.Mapping.Path, Diagnostics: m.Mapping.Diagnostics.ToList(), Counts: m.Diagnostics)));
        foreach (var (mapping, diagnostics, counts) in diagnosticsByMapping)
        {
            foreach (var group in diagnostics.GroupBy(d => (d.Id, d.Severity)))
            {
                metrics.Add("specmap_diagnostics", group.Count(),
                    ("id", group.Key.Id), ("mapping", mapping), ("severity", group.Key.Severity.ToName()));
            }
            foreach (var severity in DiagnosticCounts.Severities)
            {
                metrics.Add("specmap_diagnostics_by_severity", counts.Of(severity), ("mapping", mapping), ("severity", severity.ToName()));
            }
            metrics.Add("specmap_fixes_available", counts.Fixable, ("mapping", mapping));
        }

        foreach (var (mapping, references, _) in statistics.PerMapping)
        {
            var label = ("mapping", mapping.Path);
            foreach (var (status, count) in references.ByStatus)
            {
                metrics.Add("specmap_references", count, label, ("status", ReportNames.Status(status)));
            }
            if (mapping.Coverage is { } coverage)
            {
                metrics.Add("specmap_spec_sections", coverage.Sections, label);
                metrics.Add("specmap_spec_sections_covered", coverage.Covered, label);
                metrics.Add("specmap_spec_coverage_ratio", coverage.Ratio, label);
            }
            if (ComplianceScores.Overall(mapping.Document) is { } overall)
            {
                metrics.Add("specmap_overall_compliance_score", overall, label);
            }
            foreach (var section in ComplianceScores.Sections(mapping.Document))
            {
                var sectionLabel = ("section", section.Section);
                metrics.Add("specmap_section_items", section.Items, label, sectionLabel);
                if (section.Score is { } score)
                {
                    metrics.Add("specmap_section_compliance_score", score, label, sectionLabel);
                }
                foreach (var item in section.ItemScores)
                {
                    metrics.Add("specmap_item_compliance_score", item.Score, ("item", item.Item), label, sectionLabel);
                }
            }
        }
        return metrics.Render();
    }

    /// <summary>A label value with `\`, `"` and line feeds escaped, as the exposition format requires.</summary>
    public static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A HELP text with `\` and line feeds escaped.</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);

    /// <summary>Metric families, rendered sorted by name and then by label set, so equal reports give equal text.</summary>
    private sealed class Metrics
    {
        private readonly SortedDictionary<string, string> _help = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(string Labels, string Value)>> _samples = new(StringComparer.Ordinal);

        public void Help(string name, string help) => _help[name] = help;

        public void Add(string name, double value, params (string Name, string Value)[] labels)
        {
            if (!_samples.TryGetValue(name, out var samples))
            {
                _samples[name] = samples = [];
            }
            var text = labels.Length == 0
                ? string.Empty
                : "{" + string.Join(',', labels.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => $"{l.Name}=\"{EscapeLabel(l.Value)}\"")) + "}";
            samples.Add((text, Number(value)));
        }

        public string Render()
        {
            var text = new StringBuilder();
            foreach (var (name, help) in _help)
            {
                // A family with no samples is left out: its HELP line alone would only confuse readers.
                if (!_samples.TryGetValue(name, out var samples) || samples.Count == 0)
                {
                    continue;
                }
                text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
                text.Append("# TYPE ").Append(name).Append(" gauge\n");
                foreach (var (labels, value) in samples.OrderBy(s => s.Labels, StringComparer.Ordinal))
                {
                    text.Append(name).Append(labels).Append(' ').Append(value).Append('\n');
                }
            }
            return text.ToString();
        }
    }
}
