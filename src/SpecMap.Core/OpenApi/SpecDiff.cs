using System.Collections.Immutable;
using SpecMap.Core.Contracts;

namespace SpecMap.Core.OpenApi;

/// <summary>What changed about one field or item between two versions of a spec.</summary>
internal enum SpecChangeKind
{
    ItemAdded,
    ItemRemoved,
    FieldAdded,
    FieldRemoved,
    BecameRequired,
    NoLongerRequired,
    TypeChanged,
    EnumValueAdded,
    EnumValueRemoved,

    /// <summary>A field's type refers to one more named object schema (a new member of its union).</summary>
    OptionAdded,
    OptionRemoved,
}

/// <summary>One change. <paramref name="Item"/> is `event response.created` or `request POST /responses`;
/// <paramref name="Field"/> a dotted path into inline objects (`usage.input_tokens`), null for the item itself.</summary>
internal sealed record SpecChange(string Item, SpecChangeKind Kind, string? Field, string? Old, string? New);

/// <summary>Which items to compare: stream events (by name; empty = every event of <see cref="EventsOf"/>) and endpoints' request bodies.</summary>
/// <param name="EventsOf">The endpoint whose stream is compared (`POST /responses`); null = every stream in the document.</param>
internal sealed record SpecDiffScope(ImmutableArray<string> Events, ImmutableArray<string> Endpoints, string? EventsOf = "POST /responses")
{
    public static readonly SpecDiffScope AllResponseEvents = new([], []);
}

/// <summary>The changes for the scope's items, sorted by item then field, plus what was compared.</summary>
internal sealed record SpecDiffResult(ImmutableArray<string> Items, ImmutableArray<SpecChange> Changes);

/// <summary>
/// A field-level diff of two spec versions for the items a mapping tracks: events added or removed, fields added,
/// removed, made required or optional, retyped, enum values added or removed. Inline objects are followed (their
/// fields appear as `parent.child`); named schemas are items of their own and not repeated under every user.
/// </summary>
internal static class SpecDiff
{
    private const int MaxInlineDepth = 4;

    public static SpecDiffResult Compare(OpenApiSpec older, OpenApiSpec newer, SpecDiffScope scope)
    {
        var changes = new List<SpecChange>();
        var items = new List<string>();
        var oldEvents = EventsIn(older, scope);
        var newEvents = EventsIn(newer, scope);
        var names = scope.Events.IsEmpty ? oldEvents.Keys.Union(newEvents.Keys, StringComparer.Ordinal) : scope.Events.AsEnumerable();
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var item = $"event {name}";
            items.Add(item);
            CompareItem(item, oldEvents.TryGetValue(name, out var o) ? older.Schema(o.Schema) : null, newEvents.TryGetValue(name, out var n) ? newer.Schema(n.Schema) : null,
                older, newer, changes);
        }
        foreach (var endpointName in scope.Endpoints.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var item = $"request {endpointName}";
            items.Add(item);
            CompareItem(item, RequestSchema(older, endpointName), RequestSchema(newer, endpointName), older, newer, changes);
        }
        return new SpecDiffResult([.. items], [.. changes]);
    }

    private static Dictionary<string, SpecStreamEvent> EventsIn(OpenApiSpec spec, SpecDiffScope scope)
    {
        var endpoints = scope.EventsOf is { } only && spec.FindEndpoint(only) is { } endpoint ? [endpoint] : spec.Endpoints.AsEnumerable();
        var events = new Dictionary<string, SpecStreamEvent>(StringComparer.Ordinal);
        foreach (var streamEvent in endpoints.SelectMany(e => e.StreamEvents))
        {
            events.TryAdd(streamEvent.Name, streamEvent);
        }
        return events;
    }

    private static SpecSchema? RequestSchema(OpenApiSpec spec, string endpointName) =>
        spec.FindEndpoint(endpointName) is { RequestSchema: { } key } ? spec.Schema(key) : null;

    private static void CompareItem(string item, SpecSchema? older, SpecSchema? newer, OpenApiSpec oldSpec, OpenApiSpec newSpec, List<SpecChange> changes)
    {
        switch (older, newer)
        {
            case (null, null):
                return;
            case (null, { } added):
                changes.Add(new SpecChange(item, SpecChangeKind.ItemAdded, null, null, RequiredList(added)));
                return;
            case ({ } removed, null):
                changes.Add(new SpecChange(item, SpecChangeKind.ItemRemoved, null, RequiredList(removed), null));
                return;
            default:
                CompareFields(item, "", older, newer, oldSpec, newSpec, changes, 0);
                return;
        }
    }

    private static void CompareFields(string item, string prefix, SpecSchema older, SpecSchema newer, OpenApiSpec oldSpec, OpenApiSpec newSpec, List<SpecChange> changes, int depth)
    {
        var names = older.Fields.Select(f => f.Name).Union(newer.Fields.Select(f => f.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = prefix + name;
            var (was, now) = (older.Field(name), newer.Field(name));
            if (was is null)
            {
                changes.Add(new SpecChange(item, SpecChangeKind.FieldAdded, path, null, Label(now!)));
                continue;
            }
            if (now is null)
            {
                changes.Add(new SpecChange(item, SpecChangeKind.FieldRemoved, path, Label(was), null));
                continue;
            }
            if (was.Required != now.Required)
            {
                changes.Add(new SpecChange(item, now.Required ? SpecChangeKind.BecameRequired : SpecChangeKind.NoLongerRequired, path, null, null));
            }
            var (oldType, newType) = (ShapeLabel(was), ShapeLabel(now));
            if (oldType != newType)
            {
                changes.Add(new SpecChange(item, SpecChangeKind.TypeChanged, path, oldType, newType));
            }
            var (oldNamed, newNamed) = (was.Schemas.Where(IsNamed).ToList(), now.Schemas.Where(IsNamed).ToList());
            changes.AddRange(newNamed.Except(oldNamed, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(n => new SpecChange(item, SpecChangeKind.OptionAdded, path, null, n)));
            changes.AddRange(oldNamed.Except(newNamed, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(n => new SpecChange(item, SpecChangeKind.OptionRemoved, path, n, null)));
            var (oldValues, newValues) = (EnumValuesOf(was.Type), EnumValuesOf(now.Type));
            changes.AddRange(newValues.Except(oldValues, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(v => new SpecChange(item, SpecChangeKind.EnumValueAdded, path, null, v)));
            changes.AddRange(oldValues.Except(newValues, StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(v => new SpecChange(item, SpecChangeKind.EnumValueRemoved, path, v, null)));
            if (depth < MaxInlineDepth && Inline(was) is { } oldKey && Inline(now) is { } newKey
                && oldSpec.Schema(oldKey) is { } oldNested && newSpec.Schema(newKey) is { } newNested)
            {
                CompareFields(item, path + (was.Type.Kind == SpecKind.Array ? "[]." : "."), oldNested, newNested, oldSpec, newSpec, changes, depth + 1);
            }
        }
    }

    /// <summary>The one inline object a field's type holds (`usage: {type: object, properties: ...}`), keyed under its parent.</summary>
    private static string? Inline(SpecField field) => field.Schemas is [var only] && !IsNamed(only) ? only : null;

    /// <summary>Component schemas have plain names; inline ones are paths (`Response.usage`, `POST /x request`).</summary>
    private static bool IsNamed(string key) => key.IndexOfAny(['.', ' ', '|', '[', '{']) < 0;

    /// <summary>`required: type, sequence_number` for an added or removed item.</summary>
    private static string RequiredList(SpecSchema schema)
    {
        var required = schema.Fields.Where(f => f.Required).Select(f => f.Name).ToList();
        return required.Count == 0 ? "no required fields" : "required: " + string.Join(", ", required);
    }

    /// <summary>A field for added/removed lines: `integer, required`.</summary>
    public static string Label(SpecField field) => TypeLabel(field) + (field.Required ? ", required" : "");

    /// <summary>The type without its enum values (those are diffed one by one), with the names of the objects it refers to.</summary>
    public static string TypeLabel(SpecField field)
    {
        var text = ShapeLabel(field);
        var named = field.Schemas.Where(IsNamed).ToList();
        return named.Count switch
        {
            0 => text,
            <= 3 => $"{text} ({string.Join(", ", named)})",
            _ => $"{text} (one of {named.Count} schemas)",
        };
    }

    /// <summary>The type without enum values, and a union's alike options folded (`object | object | null` reads `object?`).</summary>
    /// <summary>The type alone, without enum values or schema names (those are diffed one by one): `array&lt;object&gt;`.</summary>
    private static string ShapeLabel(SpecField field) => SpecTypeParser.Describe(WithoutValues(field.Type));

    private static SpecType WithoutValues(SpecType type)
    {
        if (type.Kind == SpecKind.Union)
        {
            var options = type.UnionOptions.Select(WithoutValues).DistinctBy(SpecTypeParser.Describe, StringComparer.Ordinal).ToList();
            var nonNull = options.Where(o => o.Kind != SpecKind.Null).ToList();
            return options.Count == 1 ? options[0]
                : nonNull.Count == 1 ? SpecType.Nullable(nonNull[0])
                : new SpecType(SpecKind.Union, Options: [.. options]);
        }
        return type with { EnumValues = default, Element = type.Element is null ? null : WithoutValues(type.Element) };
    }

    private static HashSet<string> EnumValuesOf(SpecType type)
    {
        var values = new HashSet<string>(type.Values, StringComparer.Ordinal);
        foreach (var option in type.UnionOptions)
        {
            values.UnionWith(EnumValuesOf(option));
        }
        if (type.Element is not null)
        {
            values.UnionWith(EnumValuesOf(type.Element));
        }
        return values;
    }
}
