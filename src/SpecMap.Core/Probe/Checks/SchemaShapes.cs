using System.Text.Json;
using SpecMap.Core.Json;

namespace SpecMap.Core.Probe.Checks;

/// <summary>What the schemas applied to one object in a payload declare: its property names, which are required, whether others are allowed.</summary>
internal sealed class ObjectShape
{
    public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    /// <summary>Some applied schema allows other properties (`additionalProperties` other than false, `patternProperties`).</summary>
    public bool Open { get; set; }
}

/// <summary>
/// Walks a payload beside its schema to learn, per object in the payload, the declared and required properties.
/// JSON Schema validation says nothing about extra properties unless `additionalProperties: false`, and the null
/// policy needs to know whether a property is required. Branches of `anyOf`/`oneOf` are chosen by the payload's
/// `type` (each branch's single `type` value), else every branch the payload's JSON kind fits is walked.
/// </summary>
internal static class SchemaShapes
{
    private const int MaxDepth = 64;

    public static Dictionary<string, ObjectShape> Of(JsonElement document, JsonElement schema, JsonElement payload)
    {
        var shapes = new Dictionary<string, ObjectShape>(StringComparer.Ordinal);
        Walk(document, schema, payload, string.Empty, shapes, 0);
        return shapes;
    }

    private static void Walk(JsonElement document, JsonElement schema, JsonElement instance, string pointer, Dictionary<string, ObjectShape> shapes, int depth)
    {
        if (depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith('#')
            && PointerText.Resolve(document, Uri.UnescapeDataString(target[1..])) is { } resolved)
        {
            Walk(document, resolved, instance, pointer, shapes, depth + 1);
        }
        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in all.EnumerateArray())
            {
                Walk(document, part, instance, pointer, shapes, depth + 1);
            }
        }
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(key, out var options) && options.ValueKind == JsonValueKind.Array)
            {
                foreach (var branch in Branches(document, options, instance))
                {
                    Walk(document, branch, instance, pointer, shapes, depth + 1);
                }
            }
        }
        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                WalkObject(document, schema, instance, pointer, shapes, depth);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object:
                var index = 0;
                foreach (var item in instance.EnumerateArray())
                {
                    Walk(document, items, item, JsonPointer.Append(pointer, index++), shapes, depth + 1);
                }
                break;
            default:
                break;
        }
    }

    private static void WalkObject(JsonElement document, JsonElement schema, JsonElement instance, string pointer, Dictionary<string, ObjectShape> shapes, int depth)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : (JsonElement?)null;
        var open = (additional is { } a && a.ValueKind != JsonValueKind.False) || schema.TryGetProperty("patternProperties", out _);
        if (!hasProperties && !open)
        {
            return;
        }
        if (!shapes.TryGetValue(pointer, out var shape))
        {
            shape = new ObjectShape();
            shapes[pointer] = shape;
        }
        shape.Open |= open;
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray())
            {
                if (name.GetString() is { } text)
                {
                    shape.Required.Add(text);
                }
            }
        }
        foreach (var member in instance.EnumerateObject())
        {
            var child = JsonPointer.Append(pointer, member.Name);
            if (hasProperties && properties.TryGetProperty(member.Name, out var propertySchema))
            {
                shape.Declared.Add(member.Name);
                Walk(document, propertySchema, member.Value, child, shapes, depth + 1);
            }
            else if (additional is { ValueKind: JsonValueKind.Object } additionalSchema)
            {
                Walk(document, additionalSchema, member.Value, child, shapes, depth + 1);
            }
        }
    }

    /// <summary>The branches that apply: those whose single `type` value is the payload's, else those its JSON kind fits, else all.</summary>
    private static List<JsonElement> Branches(JsonElement document, JsonElement options, JsonElement instance)
    {
        var all = options.EnumerateArray().Select(o => Deref(document, o)).ToList();
        if (instance.ValueKind == JsonValueKind.Object && instance.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            var byType = all.Where(b => TypeValues(b).Contains(type.GetString()!)).ToList();
            if (byType.Count > 0)
            {
                return byType;
            }
        }
        var byKind = all.Where(b => KindFits(b, instance.ValueKind)).ToList();
        return byKind.Count > 0 ? byKind : all;
    }

    /// <summary>The values a branch's `properties.type` allows (`const` or `enum`).</summary>
    public static IReadOnlyList<string> TypeValues(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        if (type.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String)
        {
            return [constant.GetString()!];
        }
        return type.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
    }

    public static JsonElement Deref(JsonElement document, JsonElement schema)
    {
        for (var hops = 0; hops < MaxDepth && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } target && target.StartsWith('#')
            && PointerText.Resolve(document, Uri.UnescapeDataString(target[1..])) is { } resolved; hops++)
        {
            schema = resolved;
        }
        return schema;
    }

    private static bool KindFits(JsonElement schema, JsonValueKind kind)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return true;
        }
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        return names.Any(n => JsonKinds.Fits(n, kind));
    }
}

/// <summary>JSON Schema type names against System.Text.Json value kinds.</summary>
internal static class JsonKinds
{
    public static bool Fits(string? schemaType, JsonValueKind kind) => schemaType switch
    {
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        "string" => kind == JsonValueKind.String,
        "integer" or "number" => kind == JsonValueKind.Number,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        "null" => kind == JsonValueKind.Null,
        _ => true,
    };

    /// <summary>The JSON Schema name of a value's kind (`integer` for a number without fraction or exponent).</summary>
    public static string Name(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0 ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
