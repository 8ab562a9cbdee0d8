using System.Globalization;
using System.Text;
using SpecMap.Core.References;
using SpecMap.Core.SpecChecks;

namespace SpecMap.Core.Scaffold;

/// <summary>How new JSON is laid out: the indent unit, the line ending, and whether references take the object form
/// (`{ "file", "lines", "symbol" }`) rather than the compact string. A new mapping uses two spaces, LF and compact strings;
/// `--update` reads these from the mapping it adds to.</summary>
internal sealed record ScaffoldStyle(string Unit, string NewLine, bool ObjectReferences)
{
    public static readonly ScaffoldStyle Default = new("  ", "\n", false);
}

/// <summary>Renders a scaffold: a whole new mapping, or single items and sections to insert into an existing one.</summary>
internal static class ScaffoldJson
{
    /// <summary>The `$id` of the mapping schema this repository ships (mapping/spec-mapping.schema.json).</summary>
    public const string SchemaUri = "https://example.invalid/spec-mapping.schema.json";

    public const string Version = "1.1";

    /// <summary>The section each kind goes to when the mapping has none of that kind.</summary>
    public static string SectionName(SpecItemKind kind) => kind switch
    {
        SpecItemKind.Endpoint => "endpoints",
        SpecItemKind.Parameter => "request_parameters",
        _ => "streaming_events",
    };

    /// <summary>Events go in an array of items with `name` (the example's shape); endpoints and parameters in objects keyed by label.</summary>
    public static bool IsArraySection(SpecItemKind kind) => kind == SpecItemKind.Event;

    public static string Document(MappingScaffold scaffold)
    {
        var style = ScaffoldStyle.Default;
        var members = new List<string>
        {
            Member(MappingKeys.Schema, Quote(SchemaUri)),
            Member(MappingKeys.Version, Quote(Version)),
            Member(MappingKeys.Spec, Spec(scaffold, style, style.Unit)),
        };
        foreach (var kind in new[] { SpecItemKind.Endpoint, SpecItemKind.Parameter, SpecItemKind.Event })
        {
            var items = scaffold.Of(kind).ToList();
            if (items.Count > 0)
            {
                members.Add(Member(SectionName(kind), Section(kind, items, style, style.Unit)));
            }
        }
        return "{\n" + string.Join(",\n", members.Select(m => style.Unit + m)) + "\n}\n";
    }

    /// <summary>`{ "openapi": ..., "paths": [...] }` at <paramref name="indent"/>.</summary>
    public static string Spec(MappingScaffold scaffold, ScaffoldStyle style, string indent)
    {
        var members = new List<string> { Member("openapi", Quote(scaffold.SpecLocation)) };
        if (!scaffold.Paths.IsEmpty)
        {
            members.Add(Member("paths", "[" + string.Join(", ", scaffold.Paths.Select(Quote)) + "]"));
        }
        return Object(members, style, indent);
    }

    /// <summary>A whole section (`[...]` or `{...}`) whose opening bracket sits at <paramref name="indent"/>.</summary>
    public static string Section(SpecItemKind kind, IReadOnlyList<ScaffoldItem> items, ScaffoldStyle style, string indent)
    {
        var inner = indent + style.Unit;
        var entries = items.Select(i => Entry(i, IsArraySection(kind), style, inner)).ToList();
        var (open, close) = IsArraySection(kind) ? ("[", "]") : ("{", "}");
        return open + style.NewLine + string.Join("," + style.NewLine, entries.Select(e => inner + e)) + style.NewLine + indent + close;
    }

    /// <summary>One entry of a section: the item object in an array section, `"label": {...}` in an object section.</summary>
    public static string Entry(ScaffoldItem item, bool inArray, ScaffoldStyle style, string indent) =>
        inArray ? Item(item, true, style, indent) : Member(item.Label, Item(item, false, style, indent));

    private static string Item(ScaffoldItem item, bool named, ScaffoldStyle style, string indent)
    {
        var members = new List<string>();
        if (named)
        {
            members.Add(Member("name", Quote(item.Label)));
        }
        members.Add(Member(MappingKeys.Status, Quote(item.Status)));
        members.Add(Member("confidence", Quote(item.Confidence)));
        if (item.Implementation is { } implementation)
        {
            members.Add(Member("implementation", Reference(implementation, style, indent + style.Unit)));
        }
        if (item.Model is { } model)
        {
            members.Add(Member(MappingKeys.ModelWord, Quote(model)));
        }
        if (item.Schema is { } schema)
        {
            members.Add(Member(MappingKeys.ItemSchema, Quote(schema)));
        }
        if (item.Type is { } type)
        {
            members.Add(Member("type", Type(type)));
        }
        if (!item.RequiredFields.IsEmpty)
        {
            members.Add(Member(MappingKeys.RequiredFields, Object([.. item.RequiredFields.Select(f => Member(f.Name, Type(f)))], style, indent + style.Unit)));
        }
        return Object(members, style, indent);
    }

    private static string Reference(ScaffoldReference reference, ScaffoldStyle style, string indent)
    {
        if (!style.ObjectReferences)
        {
            return Quote(reference.Compact);
        }
        var members = new List<string> { Member(MappingKeys.File, Quote(reference.File)), Member("lines", Quote(reference.Lines)) };
        if (reference.Symbol is { } symbol)
        {
            members.Add(Member(MappingKeys.Symbol, Quote(symbol)));
        }
        return Object(members, style, indent);
    }

    private static string Type(ScaffoldField field) =>
        field.Type is { } compact ? Quote(compact) : "{ \"anyOf\": [" + string.Join(", ", field.AnyOf.Select(Quote)) + "] }";

    /// <summary>Members one a line, the closing brace at <paramref name="indent"/>.</summary>
    private static string Object(List<string> members, ScaffoldStyle style, string indent) =>
        members.Count == 0 ? "{}" : "{" + style.NewLine + string.Join("," + style.NewLine, members.Select(m => indent + style.Unit + m)) + style.NewLine + indent + "}";

    public static string Member(string name, string value) => Quote(name) + ": " + value;

    /// <summary>A JSON string: quotes, backslashes and control characters escaped, everything else as is.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }
        return text.Append('"').ToString();
    }
}
