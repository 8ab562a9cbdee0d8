using System.Globalization;
using System.Text;
using Humanizer;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Results;
using static SpecMap.Core.Output.HtmlPage;

namespace SpecMap.Core.Output;

/// <summary>
/// `--format html`: one self-contained page to look at, in the template and style of the probe's report
/// (<see cref="HtmlPage"/>): the summary (counts, exit status, mappings, commits), the coverage (items and references
/// by status), every finding with the mapping lines around its pointer, the code it points to and the diff of its fix,
/// and the patch `--diff` prints for the whole run. Errors are open, warnings and info folded, so it reads without
/// JavaScript. Everything from the mapping or the code is escaped (<see cref="HtmlText"/>): mapping strings are untrusted.
/// </summary>
internal sealed class HtmlReportFormatter : IReportFormatter
{
    public string Name => "html";

    public string Format(ValidationReport report, ReportStatistics statistics)
    {
        var session = new FixSession(report.Repository);
        var plans = session.Plan(report);
        using var code = HtmlCodeExcerpts.Open(report.Repository);
        var title = "validate: " + (report.Mappings.Length == 1 ? report.Mappings[0].Path : "mapping".ToQuantity(report.Mappings.Length));
        return HtmlPage.Render(title, Css, html =>
        {
            WriteHeader(html, report, statistics);
            WriteCoverage(html, statistics);
            WriteFindings(html, report, session, plans, code);
            WriteFixDiff(html, session.Diff(plans));
        }, "SMVxxxx");
    }

    private static void WriteHeader(StringBuilder html, ValidationReport report, ReportStatistics statistics)
    {
        var counts = statistics.Diagnostics;
        html.Append("<header>\n");
        Heading(html, "specmap validate", report.HasErrors);
        html.Append("<dl class=\"meta\">\n");
        foreach (var mapping in report.Mappings)
        {
            Meta(html, "mapping", mapping.Path);
        }
        if (report.Mappings.IsEmpty)
        {
            Meta(html, "mapping", "none found");
        }
        Meta(html, "checked", Checked(report));
        foreach (var verified in report.Mappings.Select(m => m.VerifiedAt).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            Meta(html, "verified at", $"commit {verified}");
        }
        Meta(html, "exit status", report.HasErrors ? "1: errors remain" : counts.Warnings > 0 ? "0 (1 with --warnings-as-errors)" : "0");
        html.Append("</dl>\n<div class=\"cards\">\n");
        Card(html, "errors", counts.Errors, "error");
        Card(html, "warnings", counts.Warnings, "warning");
        Card(html, "info", counts.Infos, "info");
        Card(html, "fixes available", counts.Fixable, "fix");
        Card(html, "references checked", statistics.References.Total, null);
        Card(html, "relocated", statistics.Relocated, "info");
        if (statistics.Coverage is { } coverage)
        {
            Card(html, $"spec sections covered ({coverage.Covered} of {coverage.Sections})", Percent(coverage.Ratio), null);
        }
        html.Append("</div>\n</header>\n");
    }

    /// <summary>What was checked: a commit, the index or the work tree (and the commit HEAD was at).</summary>
    private static string Checked(ValidationReport report)
    {
        var against = report.Mappings.Select(m => m.Against).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (against.Count > 0)
        {
            return string.Join(", ", against.Select(c => $"commit {c}"));
        }
        var snapshot = report.Repository.Staged ? "the index (staged)" : "the work tree";
        return report.Repository.HeadCommitId is { } head ? $"{snapshot}, HEAD at commit {head}" : snapshot;
    }

    private static void WriteCoverage(StringBuilder html, ReportStatistics statistics)
    {
        html.Append("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p class=\"hint\">The spec items of each mapping and their code and doc references, by what checking them found.</p>\n");
        html.Append("<table>\n<thead><tr><th>mapping</th><th class=\"n\">items</th><th class=\"n\">references</th>");
        foreach (var status in Enum.GetValues<ReferenceStatus>())
        {
            html.Append("<th class=\"n\">").Append(ReportNames.Status(status)).Append("</th>");
        }
        html.Append("<th class=\"n\">spec coverage</th></tr></thead>\n<tbody>\n");
        foreach (var mapping in statistics.PerMapping)
        {
            var lostOrWorse = mapping.References.ByStatus.Where(s => s.Status is not (ReferenceStatus.Ok or ReferenceStatus.Relocated)).Sum(s => s.Count);
            html.Append("<tr").Append(lostOrWorse > 0 ? " class=\"bad\"" : string.Empty).Append("><td><code>").Append(E(mapping.Mapping.Path)).Append("</code></td><td class=\"n\">")
                .Append(Items(mapping.Mapping).Count.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"n\">")
                .Append(mapping.References.Total.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            foreach (var (status, count) in mapping.References.ByStatus)
            {
                html.Append("<td class=\"n\">").Append(count > 0 ? Badge(StatusClass(status), count.ToString(CultureInfo.InvariantCulture)) : "0").Append("</td>");
            }
            html.Append("<td class=\"n\">").Append(mapping.Mapping.Coverage is { } coverage ? E(SummaryText.Coverage(coverage)) : "–").Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        foreach (var mapping in statistics.PerMapping.Where(m => m.References.Total > 0))
        {
            WriteItems(html, mapping.Mapping);
        }
        html.Append("</section>\n");
    }

    /// <summary>Every item with the status of its references, folded: the list is long and the findings say what is wrong.</summary>
    private static void WriteItems(StringBuilder html, MappingReport mapping)
    {
        var items = Items(mapping);
        html.Append("<details class=\"more\">\n<summary>").Append(E($"Items of {mapping.Path} ({items.Count}) and their references"))
            .Append("</summary>\n<table>\n<thead><tr><th>item</th><th>references</th></tr></thead>\n<tbody>\n");
        foreach (var (item, references) in items)
        {
            html.Append("<tr><td><code>").Append(E(item.Length == 0 ? "/" : item)).Append("</code></td><td>");
            foreach (var reference in references)
            {
                html.Append("<span class=\"ref\">").Append(Badge(StatusClass(reference.Status), ReportNames.Status(reference.Status)))
                    .Append(" <code>").Append(E(reference.Reference.Original)).Append("</code></span> ");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</details>\n");
    }

    private static List<(string Item, List<ReferenceResult> References)> Items(MappingReport mapping) =>
        [.. mapping.References.GroupBy(r => r.Reference.ItemPointer, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()))
            .OrderBy(g => g.Item2.Min(r => r.Reference.Location.Line))];

    private static void WriteFindings(StringBuilder html, ValidationReport report, FixSession session, IReadOnlyList<FileFix> plans, HtmlCodeExcerpts code)
    {
        var total = report.AllDiagnostics.Count();
        html.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (total == 0)
        {
            html.Append("<p class=\"none\">No findings: every reference holds what the mapping says.</p>\n</section>\n");
            return;
        }
        if (!code.Available && report.Mappings.Any(m => m.Diagnostics.Any(d => d.Reference is not null)))
        {
            html.Append("<p class=\"hint\">The code is not shown: the report names no repository to read it from.</p>\n");
        }
        foreach (var diagnostic in report.SetupDiagnostics.OrderByDescending(d => d.Severity))
        {
            WriteFinding(html, diagnostic, null, null, null);
        }
        for (var i = 0; i < report.Mappings.Length; i++)
        {
            var mapping = report.Mappings[i];
            var plan = plans[i];
            var diffPath = session.DiffPath(plan);
            foreach (var diagnostic in mapping.Diagnostics.OrderByDescending(d => d.Severity))
            {
                var listing = code.For(mapping, diagnostic, report.Repository.Staged);
                WriteFinding(html, diagnostic, mapping, listing, diagnostic.Fix is null ? null : (plan, diffPath));
            }
        }
        html.Append("</section>\n");
    }

    private static void WriteFinding(StringBuilder html, Diagnostic d, MappingReport? mapping, HtmlListing? code, (FileFix Plan, string DiffPath)? fix)
    {
        var severity = d.Severity.ToName();
        var lines = d.Message.Split('\n', 2);
        html.Append("<details class=\"finding ").Append(severity).Append('"').Append(d.Severity == Severity.Error ? " open" : string.Empty).Append(">\n<summary>")
            .Append(Badge(severity, severity)).Append(' ').Append(Rule(d.Id)).Append(' ').Append(E(lines[0]))
            .Append(" <span class=\"where\">").Append(E($"line {d.Location.Line}")).Append("</span></summary>\n");
        if (lines.Length > 1)
        {
            html.Append("<pre class=\"message\">").Append(E(lines[1])).Append("</pre>\n");
        }
        html.Append("<dl>\n");
        Meta(html, "at", $"{d.Location.Path}:{d.Location.Line}:{d.Location.Column}");
        if (d.Pointer.Length > 0)
        {
            Meta(html, "pointer", d.Pointer);
        }
        if (d.Reference is { } result)
        {
            Meta(html, "reference", result.Reference.Original);
            Meta(html, "status", Outcome(result));
        }
        // A relocation's related location is its new target, already said in the status.
        var target = d.Reference?.Target;
        if (d.RelatedLocations.Any(r => target is null || r.File != target.File || r.Start != target.Start || r.End != target.End))
        {
            Meta(html, "related", string.Join(", ", d.RelatedLocations.Select(r => $"{r.File}:{r.Start}-{r.End}")));
        }
        if (d.Fix is { } suggested)
        {
            Meta(html, "fix", FixText(suggested, fix?.Plan.Skipped.Contains(d) == true));
        }
        html.Append("</dl>\n");
        var snippet = mapping is null ? null : MappingLines(mapping, d);
        if (snippet is not null || code is not null)
        {
            html.Append("<div class=\"panes\">\n");
            Pane(html, "mapping", snippet);
            Pane(html, "code", code);
            html.Append("</div>\n");
        }
        if (fix is { } planned && d.Fix is { Edits.IsDefaultOrEmpty: false } edits)
        {
            var diff = UnifiedDiff.Render(planned.DiffPath, planned.Plan.OldText, [.. edits.Edits.OrderBy(e => e.Offset)]);
            if (diff.Length > 0)
            {
                html.Append("<div class=\"pane\"><div class=\"caption\">fix</div>\n");
                Diff(html, diff);
                html.Append("</div>\n");
            }
        }
        html.Append("</details>\n");
    }

    /// <summary>The mapping's lines around the finding: the value at its pointer marked (all its lines for an object).</summary>
    private static HtmlListing? MappingLines(MappingReport mapping, Diagnostic d)
    {
        var document = mapping.Document;
        var from = d.Location.Line;
        var to = from;
        if (d.Reference?.Reference.Node is { } node && node.End > node.Start)
        {
            to = Math.Max(from, document.Lines.Position(node.End - 1).Line);
        }
        return HtmlListing.Of($"{mapping.Path}:{from}", document.Text, from, to);
    }

    private static void Pane(StringBuilder html, string name, HtmlListing? listing)
    {
        html.Append("<div class=\"pane\"><div class=\"caption\">").Append(E(name));
        if (listing is null)
        {
            html.Append("</div>\n<p class=\"hint\">").Append(name == "code" ? "no code to show for this finding" : "no mapping lines").Append("</p></div>\n");
            return;
        }
        html.Append(" · ").Append(E(listing.Caption)).Append("</div>\n<pre class=\"listing\">");
        for (var i = 0; i < listing.Lines.Length; i++)
        {
            var number = listing.FirstLine + i;
            var marked = number >= listing.MarkFrom && number <= listing.MarkTo;
            html.Append("<span class=\"line").Append(marked ? " hl" : string.Empty).Append("\"><span class=\"ln\">")
                .Append(number.ToString(CultureInfo.InvariantCulture)).Append("</span>").Append(E(listing.Lines[i])).Append("</span>");
        }
        if (listing.Omitted > 0)
        {
            html.Append("<span class=\"line gap\">").Append(E($"… {"more line".ToQuantity(listing.Omitted)}")).Append("</span>");
        }
        html.Append("</pre></div>\n");
    }

    private static void WriteFixDiff(StringBuilder html, string diff)
    {
        html.Append("<section id=\"fix-diff\">\n<h2>Fix diff</h2>\n");
        if (diff.Length == 0)
        {
            html.Append("<p class=\"hint\">No fix to apply.</p>\n</section>\n");
            return;
        }
        html.Append("<p class=\"hint\">What <code>specmap validate --fix</code> changes: the patch <code>--diff</code> prints (<code>git apply</code> takes it).</p>\n");
        Diff(html, diff);
        html.Append("</section>\n");
    }

    /// <summary>A unified diff, its lines coloured by kind.</summary>
    private static void Diff(StringBuilder html, string diff)
    {
        html.Append("<pre class=\"diff\">");
        foreach (var line in diff.TrimEnd('\n').Split('\n'))
        {
            var kind = line.StartsWith("diff --git ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal) ? "file"
                : line.StartsWith("@@", StringComparison.Ordinal) ? "hunk"
                : line.StartsWith('+') ? "add"
                : line.StartsWith('-') ? "del"
                : line.StartsWith('\\') ? "note"
                : "ctx";
            html.Append("<span class=\"line ").Append(kind).Append("\">").Append(E(line.TrimEnd('\r'))).Append("</span>");
        }
        html.Append("</pre>\n");
    }

    private static string Rule(string id) =>
        RuleCatalog.TryGet(id, out var rule) && rule is not null
            ? $"<a class=\"rule\" href=\"{E(rule.HelpUri)}\" title=\"{HtmlText.Escape(rule.Title, markup: false)}\"><code>{E(id)}</code></a>"
            : $"<code>{E(id)}</code>";

    private static string Outcome(ReferenceResult result)
    {
        var status = ReportNames.Status(result.Status);
        var target = result.Target is { } t ? $" → {t.File}:{t.Start}-{t.End}{(t.Symbol is null ? string.Empty : "#" + t.Symbol)}" : string.Empty;
        var how = result.Outcome.How is { } found ? $" (by {found}, confidence {result.Outcome.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})" : string.Empty;
        return status + target + how;
    }

    private static string FixText(MappingFix fix, bool skipped)
    {
        var safety = fix.Safety switch
        {
            FixSafety.Safe => "safe",
            FixSafety.Unsafe => $"unsafe (confidence {fix.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})",
            _ => "manual",
        };
        return $"{safety}: {fix.Description}{(skipped ? " (not in this run's patch: --fix leaves it out, see the fix diff)" : string.Empty)}";
    }

    private static string StatusClass(ReferenceStatus status) => status switch
    {
        ReferenceStatus.Ok => "ok",
        ReferenceStatus.Relocated => "info",
        ReferenceStatus.Ambiguous => "warning",
        _ => "error",
    };

    private static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private const string Css = """
        .card.fix { border-color: var(--ok); } .card.fix b { color: var(--ok); }
        .badge.ok { background: var(--ok); }
        details.finding > dl { clear: both; }
        a.rule { color: inherit; text-decoration: none; } a.rule:hover code { text-decoration: underline; }
        span.ref { display: inline-block; margin: 1px 10px 1px 0; }
        pre.message { white-space: pre-wrap; margin: 6px 0 0; color: var(--muted); }
        .panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; margin: 8px 0; }
        .pane { min-width: 0; margin: 8px 0; } .panes .pane { margin: 0; }
        .pane .caption { font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 3px; overflow-wrap: anywhere; }
        .pane .hint { margin: 0; padding: 8px 10px; border: 1px dashed var(--line); border-radius: 6px; font-size: 12.5px; }
        pre.listing, pre.diff { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 6px 0; margin: 0; overflow-x: auto; }
        pre .line { display: block; min-height: 1.45em; padding: 0 10px; white-space: pre-wrap; overflow-wrap: anywhere; }
        pre.listing .line { padding-left: calc(4ch + 24px); text-indent: calc(-4ch - 14px); }
        pre .ln { display: inline-block; width: 4ch; margin-right: 14px; text-align: right; text-indent: 0; color: var(--muted); user-select: none; }
        pre .line.hl { background: #fff8c5; box-shadow: inset 3px 0 0 var(--warning); }
        pre .line.gap { color: var(--muted); font-style: italic; }
        pre.diff .file { font-weight: 700; color: var(--muted); } pre.diff .hunk { color: #0550ae; background: #ddf4ff; }
        pre.diff .add { color: #116329; background: #dafbe1; } pre.diff .del { color: #82071e; background: #ffebe9; }
        pre.diff .note { color: var(--muted); font-style: italic; }

        """;
}
