using System.Globalization;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;
using static SpecMap.Core.Output.HtmlPage;

namespace SpecMap.Core.Probe.Reports;

/// <summary>
/// `--format html`: one self-contained page (inline CSS, no script, no external asset) with the totals, the scenarios,
/// the coverage table and every finding with its payload. Errors are open, warnings and info folded (`details`), so
/// the page reads without JavaScript. Everything taken from a stream or the mapping is HTML-escaped. The template and
/// style are <see cref="HtmlPage"/>'s, shared with `validate --format html`.
/// </summary>
internal sealed class ProbeHtmlFormatter : IProbeFormatter
{
    public string Name => "html";

    public string Format(ProbeResult result) => HtmlPage.Render("probe: " + result.Target, string.Empty, html =>
    {
        WriteHeader(html, result);
        WriteScenarios(html, result);
        WriteFindings(html, result);
        WriteCoverage(html, result);
    }, "SMV05xx");

    private static void WriteHeader(StringBuilder html, ProbeResult result)
    {
        html.Append("<header>\n");
        HtmlPage.Heading(html, "specmap probe", result.Failed);
        html.Append("<dl class=\"meta\">\n");
        Meta(html, result.Replay ? "replayed" : "server", result.Target);
        Meta(html, "spec", result.Spec ?? "none (no schema checks)");
        Meta(html, "mapping", result.Mapping?.DisplayPath ?? "none (no mapping checks)");
        html.Append("</dl>\n<div class=\"cards\">\n");
        Card(html, "scenarios", result.Scenarios.Length, null);
        Card(html, "events checked", result.Report.EventsChecked, null);
        Card(html, "errors", result.Count(Severity.Error), "error");
        Card(html, "warnings", result.Count(Severity.Warning), "warning");
        Card(html, "info", result.Count(Severity.Info), "info");
        html.Append("</div>\n</header>\n");
    }

    private static void WriteScenarios(StringBuilder html, ProbeResult result)
    {
        html.Append("<section>\n<h2>Scenarios</h2>\n<table>\n<thead><tr><th>scenario</th><th>what it sends</th><th class=\"n\">status</th><th class=\"n\">events</th><th class=\"n\">findings</th><th>transport</th></tr></thead>\n<tbody>\n");
        foreach (var s in result.Scenarios)
        {
            var findings = result.Report.Findings.Where(f => f.Scenario == s.Name).ToList();
            var errors = findings.Count(f => f.Severity == Severity.Error);
            html.Append("<tr").Append(errors > 0 || s.TransportError is not null ? " class=\"bad\"" : string.Empty).Append("><td><code>").Append(E(s.Name)).Append("</code></td><td>")
                .Append(E(s.Description ?? string.Empty)).Append("</td><td class=\"n\">").Append(E(s.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"))
                .Append("</td><td class=\"n\">").Append(s.Events.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(Counts(findings)).Append("</td><td>").Append(s.TransportError is { } problem ? E(problem) : "ok").Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteCoverage(StringBuilder html, ProbeResult result)
    {
        // Events the spec declares that no stream sent and the mapping does not name say little each: folded below the rest.
        var rows = result.Report.Coverage.Where(r => r.Seen > 0 || r.Mapped).ToList();
        var specOnly = result.Report.Coverage.Where(r => r.Seen == 0 && !r.Mapped).ToList();
        html.Append("<section>\n<h2>Coverage</h2>\n<p class=\"hint\">Events seen in the streams, mapped in the mapping, marked implemented there, and declared in the spec.</p>\n");
        CoverageTable(html, rows);
        if (specOnly.Count > 0)
        {
            html.Append("<details class=\"more\">\n<summary>").Append(specOnly.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" more events the spec declares, neither seen nor mapped</summary>\n");
            CoverageTable(html, specOnly);
            html.Append("</details>\n");
        }
        html.Append("</section>\n");
    }

    private static void CoverageTable(StringBuilder html, List<ProbeCoverageRow> rows)
    {
        html.Append("<table>\n<thead><tr><th>event</th><th class=\"n\">seen</th><th class=\"c\">mapped</th><th class=\"c\">implemented</th><th class=\"c\">in spec</th><th>note</th></tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            var note = row.MarkedImplemented && row.Seen == 0 ? "implemented, but no scenario made it fire"
                : row.Seen > 0 && !row.Mapped ? "fired, but not in the mapping"
                : row.Seen > 0 && !row.InSpec ? "fired, but the spec does not declare it"
                : row.Mapped && !row.InSpec ? "mapped, but the spec does not declare it"
                : string.Empty;
            html.Append("<tr").Append(note.Length > 0 ? " class=\"warn\"" : string.Empty).Append("><td><code>").Append(E(row.EventType)).Append("</code></td><td class=\"n\">")
                .Append(row.Seen.ToString(CultureInfo.InvariantCulture)).Append("</td>").Append(Tick(row.Mapped)).Append(Tick(row.MarkedImplemented)).Append(Tick(row.InSpec))
                .Append("<td>").Append(E(note)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteFindings(StringBuilder html, ProbeResult result)
    {
        var findings = result.OrderedFindings().OrderByDescending(f => f.Severity).ToList();
        html.Append("<section>\n<h2>Findings</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"none\">No findings: every event matched the spec and the mapping.</p>\n</section>\n");
            return;
        }
        foreach (var f in findings)
        {
            var severity = f.Severity.ToName();
            var (path, line) = result.LocationOf(f);
            html.Append("<details class=\"finding ").Append(severity).Append('"').Append(f.Severity == Severity.Error ? " open" : string.Empty).Append(">\n<summary><span class=\"badge ")
                .Append(severity).Append("\">").Append(severity).Append("</span> <code>").Append(E(f.RuleId)).Append("</code> ")
                .Append(E(f.Message)).Append(" <span class=\"where\">").Append(E(f.Scenario)).Append("</span></summary>\n<dl>\n");
            Meta(html, "at", $"{path}:{line.ToString(CultureInfo.InvariantCulture)}");
            if (f.EventIndex is { } index)
            {
                Meta(html, "event", $"#{index.ToString(CultureInfo.InvariantCulture)} {f.EventType}");
            }
            else if (f.EventType is { } type)
            {
                Meta(html, "event", type);
            }
            MetaIf(html, "pointer", f.Pointer);
            MetaIf(html, "expected", f.Expected);
            MetaIf(html, "actual", f.Actual);
            MetaIf(html, "mapping item", f.MappingItem);
            MetaIf(html, "model", f.ModelLocation);
            MetaIf(html, "spec rule", f.SpecRule);
            html.Append("</dl>\n");
            if (ProbeFindingText.Payload(f) is { } payload)
            {
                html.Append("<pre class=\"payload\">").Append(E(PrettyJson(payload))).Append("</pre>\n");
            }
            html.Append("</details>\n");
        }
        html.Append("</section>\n");
    }

    private static string PrettyJson(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonText.Write(document.RootElement.WriteTo).TrimEnd('\n');
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    private static string Counts(List<ProbeFinding> findings)
    {
        if (findings.Count == 0)
        {
            return "0";
        }
        var parts = new[] { Severity.Error, Severity.Warning, Severity.Info }
            .Select(severity => (Name: severity.ToName(), Count: findings.Count(f => f.Severity == severity)))
            .Where(p => p.Count > 0)
            .Select(p => Badge(p.Name, p.Name == "info" ? p.Count.ToString(CultureInfo.InvariantCulture) + " info" : ProbeFindingText.Plural(p.Count, p.Name)));
        return string.Join(" ", parts);
    }
}
