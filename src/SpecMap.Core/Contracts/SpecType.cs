using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Contracts;

/// <summary>The JSON kinds a spec can require.</summary>
internal enum SpecKind
{
    /// <summary>Unknown or unconstrained (`{}`, a type name the tool does not know): never judged.</summary>
    Any,
    String,
    Integer,
    Number,
    Boolean,
    Null,
    Object,
    Array,
    Map,

    /// <summary>One of <see cref="SpecType.Options"/>.</summary>
    Union,
}

/// <summary>A spec field's type, read from `required_fields` (contract §4).</summary>
/// <param name="Element">Items of an array, values of a map; null when not given.</param>
/// <param name="EnumValues">Allowed string values (`enum`/`const`), empty when any.</param>
internal sealed record SpecType(SpecKind Kind, SpecType? Element = null, ImmutableArray<SpecType> Options = default, ImmutableArray<string> EnumValues = default)
{
    public static readonly SpecType AnyType = new(SpecKind.Any);

    public ImmutableArray<SpecType> UnionOptions => Options.IsDefault ? [] : Options;

    public ImmutableArray<string> Values => EnumValues.IsDefault ? [] : EnumValues;

    public static SpecType Nullable(SpecType inner) =>
        inner.Kind == SpecKind.Null ? inner : new SpecType(SpecKind.Union, Options: [inner, new SpecType(SpecKind.Null)]);
}

/// <summary>
/// Reads spec types: JSON Schema names, compact forms (`array&lt;string&gt;`, `map&lt;array&lt;string&gt;&gt;`, `string?`,
/// `string | null`, `string[]`) and JSON Schema objects (`type`, `items`, `enum`, `const`, `additionalProperties`,
/// `anyOf`/`oneOf`, `nullable`).
/// </summary>
internal static class SpecTypeParser
{
    public static SpecType Parse(JsonValueNode node) => node switch
    {
        JsonStringNode text => Parse(text.Value),
        JsonObjectNode schema => FromSchema(schema),
        JsonArrayNode list => Union([.. list.Items.Select(Parse)]),
        _ => SpecType.AnyType,
    };

    public static SpecType Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            return SpecType.AnyType;
        }
        var parts = SplitTop(s, '|');
        if (parts.Count > 1)
        {
            return Union([.. parts.Select(Parse)]);
        }
        if (s.EndsWith('?'))
        {
            return SpecType.Nullable(Parse(s[..^1]));
        }
        if (s.EndsWith("[]", StringComparison.Ordinal))
        {
            return new SpecType(SpecKind.Array, Parse(s[..^2]));
        }
        var open = s.IndexOf('<', StringComparison.Ordinal);
        if (open > 0 && s.EndsWith('>'))
        {
            var head = KindOf(s[..open].Trim());
            var args = SplitTop(s[(open + 1)..^1], ',');
            var element = Parse(args[^1]);
            return head switch
            {
                SpecKind.Array => new SpecType(SpecKind.Array, element),
                SpecKind.Map or SpecKind.Object => new SpecType(SpecKind.Map, element),
                _ => SpecType.AnyType,
            };
        }
        var kind = KindOf(s);
        if (kind == SpecKind.Any && s.IndexOfAny([' ', '(', ',']) is var cut and > 0)
        {
            // Prose after the type ("integer (0-based)", "string, one of ...") is a note, not a type.
            return Parse(s[..cut]);
        }
        return kind == SpecKind.Any ? SpecType.AnyType : new SpecType(kind);
    }

    /// <summary>A compact rendering for messages: `string`, `array&lt;string&gt;`, `string?`.</summary>
    public static string Describe(JsonValueNode node) => node switch
    {
        JsonStringNode text => text.Value.Trim(),
        _ => Describe(Parse(node)),
    };

    public static string Describe(SpecType type) => type.Kind switch
    {
        SpecKind.Array => type.Element is null ? "array" : $"array<{Describe(type.Element)}>",
        SpecKind.Map => type.Element is null ? "map" : $"map<{Describe(type.Element)}>",
        SpecKind.Union when type.UnionOptions is [var only, { Kind: SpecKind.Null }] => $"{Describe(only)}?",
        SpecKind.Union => string.Join(" | ", type.UnionOptions.Select(Describe)),
        SpecKind.String when !type.Values.IsEmpty => $"string (one of {string.Join(", ", type.Values.Select(v => $"\"{v}\""))})",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    private static SpecKind KindOf(string name) => name.ToLowerInvariant() switch
    {
        "string" or "str" or "text" => SpecKind.String,
        "integer" or "int" or "long" or "int32" or "int64" => SpecKind.Integer,
        "number" or "float" or "double" or "decimal" => SpecKind.Number,
        "boolean" or "bool" => SpecKind.Boolean,
        "null" or "none" => SpecKind.Null,
        "object" or "dict" => SpecKind.Object,
        "array" or "list" => SpecKind.Array,
        "map" or "record" or "dictionary" => SpecKind.Map,
        _ => SpecKind.Any,
    };

    private static SpecType FromSchema(JsonObjectNode schema)
    {
        var alternatives = new List<SpecType>();
        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (schema.Get(key) is JsonArrayNode options)
            {
                alternatives.AddRange(options.Items.Select(Parse));
            }
        }
        if (alternatives.Count > 0)
        {
            return Nullable(schema, Union([.. alternatives]));
        }
        var values = EnumValues(schema);
        SpecType result;
        switch (schema.Get("type"))
        {
            case JsonStringNode type:
                result = FromSchemaType(type.Value, schema, values);
                break;
            case JsonArrayNode types:
                result = Union([.. types.Items.OfType<JsonStringNode>().Select(t => FromSchemaType(t.Value, schema, values))]);
                break;
            default:
                result = schema.Get("$ref") is not null || schema.Get("properties") is not null ? new SpecType(SpecKind.Object)
                    : schema.Get("items") is { } items ? new SpecType(SpecKind.Array, Parse(items))
                    : !values.IsEmpty ? new SpecType(SpecKind.String, EnumValues: values)
                    : SpecType.AnyType;
                break;
        }
        return Nullable(schema, result);
    }

    private static SpecType FromSchemaType(string type, JsonObjectNode schema, ImmutableArray<string> values)
    {
        var kind = KindOf(type);
        return kind switch
        {
            SpecKind.Array => new SpecType(SpecKind.Array, schema.Get("items") is { } items ? Parse(items) : null),
            SpecKind.Object when schema.Get("additionalProperties") is JsonObjectNode or JsonStringNode
                => new SpecType(SpecKind.Map, Parse(schema.Get("additionalProperties")!)),
            SpecKind.String => new SpecType(SpecKind.String, EnumValues: values),
            SpecKind.Any => SpecType.AnyType,
            _ => new SpecType(kind),
        };
    }

    private static SpecType Nullable(JsonObjectNode schema, SpecType type) =>
        schema.Get("nullable") is JsonBoolNode { Value: true } ? SpecType.Nullable(type) : type;

    private static ImmutableArray<string> EnumValues(JsonObjectNode schema)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        if (schema.Get("enum") is JsonArrayNode list)
        {
            values.AddRange(list.Items.OfType<JsonStringNode>().Select(s => s.Value));
        }
        if (schema.GetString("const") is { } constant)
        {
            values.Add(constant);
        }
        return values.ToImmutable();
    }

    private static SpecType Union(ImmutableArray<SpecType> options) =>
        options.Length == 1 ? options[0]
        : options.Any(o => o.Kind == SpecKind.Any) || options.IsEmpty ? SpecType.AnyType
        : new SpecType(SpecKind.Union, Options: options);

    /// <summary>Splits at <paramref name="separator"/> outside angle brackets.</summary>
    private static List<string> SplitTop(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in text)
        {
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == separator && depth == 0)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }
}
