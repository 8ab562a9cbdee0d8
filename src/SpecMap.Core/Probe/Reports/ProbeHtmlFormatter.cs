using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>
/// `--format html`: one self-contained page (inline CSS, no script, no external asset) with the totals, the scenarios,
/// the coverage table and every finding with its payload. Errors are open, warnings and info folded (`details`), so
/// the page reads without JavaScript. Everything taken from a stream or the mapping is HTML-escaped.
/// </summary>
internal sealed class ProbeHtmlFormatter : IProbeFormatter
{
    public string Name => "html";

    public string Format(ProbeResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>specmap probe: ").Append(E(result.Target)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        WriteHeader(html, result);
        WriteScenarios(html, result);
        WriteFindings(html, result);
        WriteCoverage(html, result);
        html.Append("<footer>").Append(E($"{ToolInfo.Name} {ToolInfo.Version}")).Append(" · rules: <code>specmap explain SMV05xx</code></footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteHeader(StringBuilder html, ProbeResult result)
    {
        var failed = result.Failed;
        html.Append("<header>\n<h1>specmap probe <span class=\"verdict ").Append(failed ? "fail\">failed" : "pass\">passed").Append("</span></h1>\n");
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
            .Select(p => $"<span class=\"badge {p.Name}\">{(p.Name == "info" ? p.Count.ToString(CultureInfo.InvariantCulture) + " info" : ProbeFindingText.Plural(p.Count, p.Name))}</span>");
        return string.Join(" ", parts);
    }

    private static void Card(StringBuilder html, string label, int value, string? kind) =>
        html.Append("<div class=\"card").Append(kind is not null && value > 0 ? " " + kind : string.Empty).Append("\"><b>")
            .Append(value.ToString(CultureInfo.InvariantCulture)).Append("</b><span>").Append(E(label)).Append("</span></div>\n");

    private static void Meta(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static void MetaIf(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            Meta(html, name, value);
        }
    }

    private static string Tick(bool yes) => yes ? "<td class=\"c yes\">✓</td>" : "<td class=\"c no\">–</td>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Css = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa; --error: #cf222e; --warning: #9a6700; --info: #0969da; --ok: #1a7f37; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1200px; padding: 24px 32px 48px; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: var(--fg); }
        h1 { font-size: 26px; margin: 0 0 8px; display: flex; align-items: center; gap: 12px; }
        h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .verdict { font-size: 14px; font-weight: 600; padding: 2px 10px; border-radius: 999px; color: #fff; }
        .verdict.pass { background: var(--ok); } .verdict.fail { background: var(--error); }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 16px; color: var(--muted); }
        dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; background: var(--bg); }
        .card b { display: block; font-size: 24px; } .card span { color: var(--muted); }
        .card.error { border-color: var(--error); } .card.error b { color: var(--error); }
        .card.warning { border-color: var(--warning); } .card.warning b { color: var(--warning); }
        .card.info b { color: var(--info); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--bg); font-weight: 600; } .n { text-align: right; } .c { text-align: center; }
        tr.bad td { background: #ffebe9; } tr.warn td { background: #fff8c5; }
        td.yes { color: var(--ok); font-weight: 700; } td.no { color: var(--muted); }
        .hint, footer { color: var(--muted); } footer { margin-top: 32px; font-size: 12px; }
        .badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 7px; border-radius: 4px; color: #fff; white-space: nowrap; }
        .badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
        details.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 6px; margin: 8px 0; padding: 6px 12px; }
        details.finding.error { border-left-color: var(--error); } details.finding.warning { border-left-color: var(--warning); }
        details.finding summary { cursor: pointer; } .where { color: var(--muted); float: right; }
        details.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
        details.finding dt { color: var(--muted); } details.finding dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; overflow-wrap: anywhere; }
        pre.payload { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; max-height: 360px; margin: 4px 0 8px; }
        .none { color: var(--ok); font-weight: 600; }
        details.more { margin-top: 8px; } details.more summary { cursor: pointer; color: var(--muted); padding: 4px 0; }
        td .badge { margin-left: 2px; }

        """;
}
