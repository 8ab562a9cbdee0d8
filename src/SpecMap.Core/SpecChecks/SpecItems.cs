using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.References;

namespace SpecMap.Core.SpecChecks;

/// <summary>What part of a spec a mapping section holds, from the section's name.</summary>
internal enum SpecItemKind
{
    Event,
    Parameter,
    Endpoint,
}

/// <summary>An item of a mapping section with the spec part it is matched to (<see cref="Schema"/> null when the spec has none).</summary>
/// <param name="Label">The item's key or `name`: `response.created`, `model`, `POST /v1/responses`.</param>
/// <param name="Schema">The schema whose fields the item is checked against: the event's, the endpoint's request body,
/// or the one the item names with `"schema": "#/components/schemas/..."`.</param>
/// <param name="Field">For a request parameter: the request body's property.</param>
internal sealed record SpecItem(SpecItemKind Kind, string Label, string Pointer, JsonObjectNode Node, SpecSchema? Schema, SpecField? Field, bool Found);

/// <summary>Matches mapping items to the spec: an event by name (the stream union's `type` value), a parameter by the
/// request body's property, an endpoint by method and path (server prefix allowed).</summary>
internal static class SpecItems
{
    public const string SchemaKey = MappingKeys.ItemSchema;

    public static List<SpecItem> Match(MappingDocument document, OpenApiSpec spec, IReadOnlyList<SpecEndpoint> tracked)
    {
        var items = new List<SpecItem>();
        if (document.Root is not JsonObjectNode root)
        {
            return items;
        }
        foreach (var section in root.Members)
        {
            if (KindOf(section.Name) is not { } kind)
            {
                continue;
            }
            foreach (var (label, pointer, node) in Entries(section))
            {
                items.Add(MatchOne(spec, tracked, kind, label, pointer, node));
            }
        }
        return items;
    }

    private static SpecItem MatchOne(OpenApiSpec spec, IReadOnlyList<SpecEndpoint> tracked, SpecItemKind kind, string label, string pointer, JsonObjectNode node)
    {
        var named = node.GetString(SchemaKey) is { Length: > 0 } reference ? spec.Schema(reference) : null;
        switch (kind)
        {
            case SpecItemKind.Event:
                var streamEvent = tracked.Select(e => spec.FindEvent(label, e)).FirstOrDefault(e => e is not null) ?? spec.FindEvent(label);
                var schema = named ?? (streamEvent is null ? null : spec.Schema(streamEvent.Schema));
                return new SpecItem(kind, label, pointer, node, schema, null, streamEvent is not null || named is not null);
            case SpecItemKind.Parameter:
                var field = tracked.Where(e => e.RequestSchema is not null).Select(e => spec.RequestFields(e).FirstOrDefault(f => f.Name == label)).FirstOrDefault(f => f is not null);
                return new SpecItem(kind, label, pointer, node, named, field, field is not null);
            default:
                var endpoint = spec.FindEndpoint(label);
                var body = named ?? (endpoint?.RequestSchema is { } key ? spec.Schema(key) : null);
                return new SpecItem(kind, label, pointer, node, body, null, endpoint is not null);
        }
    }

    /// <summary>`streaming_events`, `events` → events; `request_parameters` → parameters; `endpoints` → endpoints.</summary>
    public static SpecItemKind? KindOf(string section) =>
        section.Contains("event", StringComparison.OrdinalIgnoreCase) ? SpecItemKind.Event
        : section.Contains("param", StringComparison.OrdinalIgnoreCase) ? SpecItemKind.Parameter
        : section.Contains("endpoint", StringComparison.OrdinalIgnoreCase) ? SpecItemKind.Endpoint
        : null;

    private static IEnumerable<(string Label, string Pointer, JsonObjectNode Node)> Entries(JsonMember section)
    {
        var sectionPointer = JsonPointer.Append(string.Empty, section.Name);
        switch (section.Value)
        {
            case JsonObjectNode obj:
                foreach (var member in obj.Members)
                {
                    if (member.Value is JsonObjectNode item)
                    {
                        yield return (member.Name, JsonPointer.Append(sectionPointer, member.Name), item);
                    }
                }
                break;
            case JsonArrayNode list:
                for (var i = 0; i < list.Items.Length; i++)
                {
                    if (list.Items[i] is JsonObjectNode item && MappingKeys.LabelKeys.Select(item.GetString).FirstOrDefault(l => l is not null) is { } label)
                    {
                        yield return (label, JsonPointer.Append(sectionPointer, i), item);
                    }
                }
                break;
        }
    }
}
