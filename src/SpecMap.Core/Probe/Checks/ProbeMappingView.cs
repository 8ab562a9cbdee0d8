using System.Collections.Frozen;
using System.Collections.Immutable;
using SpecMap.Core.References;
using SpecMap.Core.Contracts;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Probe.Checks;

/// <summary>One `required_fields` entry: the name and, when given, its type (contract §4).</summary>
internal sealed record ProbeMappedField(string Name, SpecType? Type, string? TypeText);

/// <summary>What the mapping says of one streaming event.</summary>
/// <param name="ItemPointer">The mapping item (`/streaming_events/11`).</param>
/// <param name="ModelReference">The item's `model` reference as written, or null.</param>
/// <param name="Model">The model class read from the repository by the caller's delegate, or null.</param>
internal sealed record ProbeMappedEvent(
    string EventName,
    string ItemPointer,
    string? Status,
    ImmutableArray<ProbeMappedField> RequiredFields,
    string? ModelReference,
    ModelClass? Model)
{
    public bool MarkedImplemented => string.Equals(Status, "implemented", StringComparison.OrdinalIgnoreCase);

    /// <summary>`file:line` of the model class, else the reference as written.</summary>
    public string? ModelLocation => Model is { } model ? $"{model.File}:{model.Line}" : ModelReference;

    /// <summary>`file:line` of the model field a payload property lands in, else the model's location.</summary>
    public string? LocationOf(string? payloadPointer)
    {
        if (Model is { } model && payloadPointer is { Length: > 0 } && JsonPointer.Tokens(payloadPointer) is [var first, ..] && model.Find(first) is { } field)
        {
            return $"{field.File}:{field.Line}";
        }
        return ModelLocation;
    }
}

/// <summary>
/// The mapping as the probe needs it: per event name, the item, its status, `required_fields` and model. Event items are
/// the items of a top-level section whose name contains "event" (`streaming_events`), in array form (the item's
/// `name`) or object form (the member key, or the item's `name` when it has one).
/// </summary>
internal sealed record ProbeMappingView(string MappingPath, FrozenDictionary<string, ProbeMappedEvent> Events)
{
    /// <summary>Builds the view; <paramref name="readModel"/> (item pointer to model class) resolves `model` references against the repository.</summary>
    public static ProbeMappingView From(MappingDocument document, Func<string, ModelClass?>? readModel = null)
    {
        var events = new Dictionary<string, ProbeMappedEvent>(StringComparer.Ordinal);
        if (document.Root is JsonObjectNode root)
        {
            foreach (var section in root.Members.Where(m => m.Name.Contains("event", StringComparison.OrdinalIgnoreCase)))
            {
                var sectionPointer = JsonPointer.Append(string.Empty, section.Name);
                var items = section.Value switch
                {
                    JsonArrayNode list => list.Items.Select((item, i) => (Key: (string?)null, Pointer: JsonPointer.Append(sectionPointer, i), Item: item)),
                    JsonObjectNode keyed => keyed.Members.Select(m => (Key: (string?)m.Name, Pointer: JsonPointer.Append(sectionPointer, m.Name), Item: m.Value)),
                    _ => [],
                };
                foreach (var (key, pointer, node) in items)
                {
                    if (node is JsonObjectNode item && (item.GetString("name") ?? key) is { Length: > 0 } name)
                    {
                        events.TryAdd(name, new ProbeMappedEvent(name, pointer, item.GetString("status"), RequiredFields(item),
                            item.Get("model") is JsonStringNode model ? model.Value : null, readModel?.Invoke(pointer)));
                    }
                }
            }
        }
        return new ProbeMappingView(document.DisplayPath, events.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public ProbeMappedEvent? Find(string? eventName) => eventName is null ? null : Events.GetValueOrDefault(eventName);

    private static ImmutableArray<ProbeMappedField> RequiredFields(JsonObjectNode item) => item.Get(MappingKeys.RequiredFields) switch
    {
        JsonObjectNode fields => [.. fields.Members.Select(m => new ProbeMappedField(m.Name, SpecTypeParser.Parse(m.Value), SpecTypeParser.Describe(m.Value)))],
        JsonArrayNode names => [.. names.Items.OfType<JsonStringNode>().Select(n => new ProbeMappedField(n.Value, null, null))],
        _ => [],
    };
}
