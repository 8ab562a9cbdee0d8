using System.Globalization;
using System.Text;

namespace SpecMap.Core.Output;

/// <summary>
/// The one template and style of specmap's HTML pages (`validate --format html`, `probe --format html`): a
/// self-contained document (inline CSS, no script, no external asset) with a header of facts and cards, sections, folded
/// findings and a footer, so both reports look alike. Every value passes through <see cref="E"/>.
/// </summary>
internal static class HtmlPage
{
    /// <param name="title">The window title, after "specmap ".</param>
    /// <param name="extraCss">Rules only one page needs, after the shared ones.</param>
    /// <param name="writeBody">Writes the page's header and sections.</param>
    /// <param name="rules">How the footer names the rules (`SMV05xx`).</param>
    public static string Render(string title, string extraCss, Action<StringBuilder> writeBody, string rules)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>specmap ").Append(HtmlText.Escape(title, markup: false)).Append("</title>\n<style>\n").Append(Css).Append(extraCss).Append("</style>\n</head>\n<body>\n");
        writeBody(html);
        html.Append("<footer>").Append(E($"{ToolInfo.Name} {ToolInfo.Version}")).Append(" · rules: <code>specmap explain ").Append(E(rules)).Append("</code></footer>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The page's heading with its verdict pill.</summary>
    public static void Heading(StringBuilder html, string title, bool failed) =>
        html.Append("<h1>").Append(E(title)).Append(" <span class=\"verdict ").Append(failed ? "fail\">failed" : "pass\">passed").Append("</span></h1>\n");

    /// <summary>A figure in the header's row of cards; <paramref name="kind"/> (a severity) colours it when non-zero.</summary>
    public static void Card(StringBuilder html, string label, int value, string? kind) =>
        Card(html, label, value.ToString(CultureInfo.InvariantCulture), kind is not null && value > 0 ? kind : null);

    public static void Card(StringBuilder html, string label, string value, string? kind) =>
        html.Append("<div class=\"card").Append(kind is not null ? " " + kind : string.Empty).Append("\"><b>")
            .Append(E(value)).Append("</b><span>").Append(E(label)).Append("</span></div>\n");

    /// <summary>One name and value of a `dl`.</summary>
    public static void Meta(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    public static void MetaIf(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            Meta(html, name, value);
        }
    }

    /// <summary>A severity badge: `error`, `warning`, `info`, or a count of them.</summary>
    public static string Badge(string severity, string text) => $"<span class=\"badge {severity}\">{E(text)}</span>";

    /// <summary>A yes/no table cell.</summary>
    public static string Tick(bool yes) => yes ? "<td class=\"c yes\">✓</td>" : "<td class=\"c no\">–</td>";

    public static string E(string text) => HtmlText.Escape(text);

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
        .ctl { color: var(--error); background: #ffebe9; border-radius: 3px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }

        """;
}
