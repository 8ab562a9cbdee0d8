using System.Text;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.References;
using SpecMap.Core.SpecChecks;

namespace SpecMap.Core.Scaffold;

/// <summary>
/// `specmap init --update`: the scaffold's items that the mapping lacks, added as a format-preserving edit. Existing
/// text is never rewritten; new items go after the last item of the first section of their kind (or into a new
/// section at the end of the root), indented like their neighbours, with the mapping's line ending, its trailing-comma
/// habit and its reference form. An item counts as present when the spec checks match it (an event or parameter by
/// name, an endpoint by method and path, `/v1` prefix or not), so a second run adds nothing.
/// </summary>
internal static class ScaffoldUpdate
{
    /// <summary>The new text and the items added (the text is the original when none is missing).</summary>
    public static (string Text, IReadOnlyList<ScaffoldItem> Added) Apply(MappingDocument document, MappingScaffold scaffold, OpenApiSpec spec, bool addSpec)
    {
        if (document.Root is not JsonObjectNode root)
        {
            return (document.Text, []);
        }
        var text = document.Text;
        var tracked = SpecChecker.Tracked(spec, scaffold.Paths);
        var present = SpecItems.Match(document, spec, tracked)
            .Select(i => (i.Kind, Label: i.Kind == SpecItemKind.Endpoint ? spec.FindEndpoint(i.Label)?.Name ?? i.Label : i.Label))
            .ToHashSet();
        var unit = IndentUnit(text, root);
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var objectReferences = document.Objects().Any(o => o.Node.Get("implementation") is JsonObjectNode);
        var style = new ScaffoldStyle(unit, newLine, objectReferences);
        var edits = new List<(int At, string Insert)>();
        var added = new List<ScaffoldItem>();
        var newSections = new List<string>();
        foreach (var kind in new[] { SpecItemKind.Endpoint, SpecItemKind.Parameter, SpecItemKind.Event })
        {
            var missing = scaffold.Of(kind).Where(i => !present.Contains((kind, kind == SpecItemKind.Endpoint ? spec.FindEndpoint(i.Label)?.Name ?? i.Label : i.Label))).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            added.AddRange(missing);
            var section = root.Members.FirstOrDefault(m => SpecItems.KindOf(m.Name) == kind && m.Value is JsonObjectNode or JsonArrayNode);
            if (section is null)
            {
                newSections.Add(ScaffoldJson.Member(ScaffoldJson.SectionName(kind), ScaffoldJson.Section(kind, missing, style, unit)));
                continue;
            }
            var container = section.Value;
            var inArray = container is JsonArrayNode;
            var children = container is JsonArrayNode list ? list.Items.Select(i => (Start: i.Start, End: i.End)).ToList()
                : ((JsonObjectNode)container).Members.Select(m => (Start: m.NameStart, End: m.Value.End)).ToList();
            var containerIndent = LineIndent(text, container.Start);
            var indent = children.Count > 0 && LineIndent(text, children[0].Start) is var first && text[LineStart(text, children[0].Start)..children[0].Start].Trim().Length == 0
                ? first : containerIndent + unit;
            var entries = missing.Select(i => ScaffoldJson.Entry(i, inArray, style, indent)).ToList();
            edits.AddRange(Append(text, container.Start, container.End, children.Count > 0 ? children[^1].End : null, indent, containerIndent, entries, newLine));
        }
        if (addSpec && root.Get(MappingKeys.Spec) is null)
        {
            var specMember = ScaffoldJson.Member(MappingKeys.Spec, ScaffoldJson.Spec(scaffold, style, unit));
            var after = root.Members.FirstOrDefault(m => m.Name == MappingKeys.Version) ?? root.Members.FirstOrDefault(m => m.Name == MappingKeys.Schema);
            if (after is not null && root.Members.IndexOf(after) < root.Members.Length - 1)
            {
                // Between members: after the comma that follows `version`, so the next member keeps its own line.
                var comma = text.IndexOf(',', after.Value.End);
                edits.Add((comma + 1, newLine + unit + specMember + ","));
            }
            else
            {
                newSections.Insert(0, specMember);
            }
        }
        if (newSections.Count > 0)
        {
            var members = root.Members.Select(m => (Start: m.NameStart, End: m.Value.End)).ToList();
            edits.AddRange(Append(text, root.Start, root.End, members.Count > 0 ? members[^1].End : null, unit, LineIndent(text, root.Start), newSections, newLine));
        }
        if (edits.Count == 0)
        {
            return (text, []);
        }
        var result = new StringBuilder(text);
        foreach (var (at, insert) in edits.OrderByDescending(e => e.At))
        {
            result.Insert(at, insert);
        }
        return (result.ToString(), added);
    }

    /// <summary>Edits that add <paramref name="entries"/> after the last child of a container (or into an empty one).</summary>
    private static IEnumerable<(int At, string Insert)> Append(string text, int open, int close, int? lastEnd, string indent, string closeIndent, List<string> entries, string newLine)
    {
        var joined = string.Join("," + newLine + indent, entries);
        if (lastEnd is not { } end)
        {
            // `[]` or `{}` (whatever is inside is whitespace or comments): the entries go on their own lines.
            yield return (open + 1, newLine + indent + joined + newLine + closeIndent);
            yield break;
        }
        // A trailing comma stays trailing; a `// comment` ending the last child's line stays with that child.
        var comma = text[end..(close - 1)].TrimStart().StartsWith(',') ? text.IndexOf(',', end) : -1;
        var after = comma >= 0 ? comma + 1 : end;
        var lineEnd = text.IndexOf('\n', after);
        var rest = lineEnd < 0 || lineEnd > close ? string.Empty : text[after..lineEnd].TrimEnd('\r');
        var at = rest.TrimStart().StartsWith("//", StringComparison.Ordinal) ? after + rest.Length : after;
        if (comma >= 0)
        {
            yield return (at, newLine + indent + joined + ",");
            yield break;
        }
        if (at == end)
        {
            yield return (end, "," + newLine + indent + joined);
            yield break;
        }
        yield return (at, newLine + indent + joined);
        yield return (end, ",");
    }

    /// <summary>The root's member indentation: the unit new nesting levels use (two spaces when the root is on one line).</summary>
    private static string IndentUnit(string text, JsonObjectNode root)
    {
        if (root.Members.Length == 0)
        {
            return "  ";
        }
        var start = root.Members[0].NameStart;
        var lead = text[LineStart(text, start)..start];
        return lead.Length > 0 && lead.Trim().Length == 0 && LineStart(text, start) > LineStart(text, root.Start) ? lead : "  ";
    }

    private static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    /// <summary>The whitespace that starts the line holding <paramref name="offset"/>.</summary>
    private static string LineIndent(string text, int offset)
    {
        var start = LineStart(text, offset);
        var i = start;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
        return text[start..i];
    }
}
