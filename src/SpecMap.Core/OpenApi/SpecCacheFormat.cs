using System.Collections.Immutable;
using System.Text.Json;
using SpecMap.Core.Contracts;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// The compact cache file of a resolved document (`openapi-&lt;blob&gt;.json`): endpoints, stream events and every
/// schema's fields with their types. Written with Utf8JsonWriter and read back lazily from a JsonDocument (no
/// reflection, so a trimmed or native build keeps working). <see cref="Version"/> changes whenever the shape does.
/// </summary>
internal static class SpecCacheFormat
{
    /// <summary>Bump when the file's shape or the resolver's output changes, so old caches are re-parsed.</summary>
    public const int Version = 2;

    public static byte[] Write(ResolvedDocument document, string blobId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Version);
            json.WriteString("blob", blobId);
            json.WriteString("openapi", document.Version);
            WriteStrings(json, "servers", document.ServerPaths);
            json.WriteStartArray("endpoints");
            foreach (var endpoint in document.Endpoints)
            {
                json.WriteStartObject();
                json.WriteString("method", endpoint.Method);
                json.WriteString("path", endpoint.Path);
                if (endpoint.RequestSchema is { } request)
                {
                    json.WriteString("request", request);
                }
                json.WriteStartObject("events");
                foreach (var streamEvent in endpoint.StreamEvents)
                {
                    json.WriteString(streamEvent.Name, streamEvent.Schema);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("schemas");
            foreach (var key in document.Schemas.Keys.Order(StringComparer.Ordinal))
            {
                WriteSchema(json, document.Schemas[key]);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads a cache file; null when it is not one of this version for <paramref name="blobId"/> (corrupt, stale, other blob).</summary>
    public static OpenApiSpec? Read(byte[] bytes, string blobId)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
        try
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number
                || format.GetInt32() != Version || root.GetProperty("blob").GetString() != blobId)
            {
                document.Dispose();
                return null;
            }
            var servers = root.GetProperty("servers").EnumerateArray().Select(s => s.GetString()!).ToImmutableArray();
            var endpoints = root.GetProperty("endpoints").EnumerateArray().Select(ReadEndpoint).ToImmutableArray();
            var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var schema in root.GetProperty("schemas").EnumerateObject())
            {
                schemas[schema.Name] = schema.Value;
            }
            // The JsonDocument stays alive with the spec: schemas are read from it on first use.
            return new OpenApiSpec(root.GetProperty("openapi").GetString()!, servers, endpoints, schemas.Keys,
                key => schemas.TryGetValue(key, out var element) ? ReadSchema(key, element) : null);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or JsonException)
        {
            document.Dispose();
            return null;
        }
    }

    private static SpecEndpoint ReadEndpoint(JsonElement element) => new(
        element.GetProperty("method").GetString()!,
        element.GetProperty("path").GetString()!,
        element.TryGetProperty("request", out var request) ? request.GetString() : null,
        [.. element.GetProperty("events").EnumerateObject().Select(e => new SpecStreamEvent(e.Name, e.Value.GetString()!))]);

    private static void WriteSchema(Utf8JsonWriter json, SpecSchema schema)
    {
        json.WriteStartObject(schema.Key);
        json.WriteStartArray("fields");
        foreach (var field in schema.Fields)
        {
            json.WriteStartObject();
            json.WriteString("name", field.Name);
            if (field.Required)
            {
                json.WriteBoolean("required", true);
            }
            json.WritePropertyName("type");
            WriteType(json, field.Type);
            if (!field.Schemas.IsEmpty)
            {
                WriteStrings(json, "schemas", field.Schemas);
            }
            if (!field.Defined)
            {
                json.WriteBoolean("undefined", true);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (!schema.Variants.IsEmpty)
        {
            WriteStrings(json, "variants", schema.Variants);
        }
        json.WriteEndObject();
    }

    private static SpecSchema ReadSchema(string key, JsonElement element)
    {
        var fields = element.GetProperty("fields").EnumerateArray().Select(f => new SpecField(
            f.GetProperty("name").GetString()!,
            f.TryGetProperty("required", out var required) && required.GetBoolean(),
            ReadType(f.GetProperty("type")),
            ReadStrings(f, "schemas"),
            !(f.TryGetProperty("undefined", out var undefined) && undefined.GetBoolean()))).ToImmutableArray();
        return new SpecSchema(key, fields, ReadStrings(element, "variants"));
    }

    /// <summary>A plain kind is a string (`"integer"`); anything with parts an object (`{"kind":"array","element":...}`).</summary>
    private static void WriteType(Utf8JsonWriter json, SpecType type)
    {
        var kind = type.Kind.ToString().ToLowerInvariant();
        if (type.Element is null && type.UnionOptions.IsEmpty && type.Values.IsEmpty)
        {
            json.WriteStringValue(kind);
            return;
        }
        json.WriteStartObject();
        json.WriteString("kind", kind);
        if (type.Element is not null)
        {
            json.WritePropertyName("element");
            WriteType(json, type.Element);
        }
        if (!type.UnionOptions.IsEmpty)
        {
            json.WriteStartArray("options");
            foreach (var option in type.UnionOptions)
            {
                WriteType(json, option);
            }
            json.WriteEndArray();
        }
        if (!type.Values.IsEmpty)
        {
            WriteStrings(json, "enum", type.Values);
        }
        json.WriteEndObject();
    }

    private static SpecType ReadType(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return new SpecType(KindOf(element.GetString()!));
        }
        var kind = KindOf(element.GetProperty("kind").GetString()!);
        var item = element.TryGetProperty("element", out var e) ? ReadType(e) : null;
        var options = element.TryGetProperty("options", out var o) ? o.EnumerateArray().Select(ReadType).ToImmutableArray() : default;
        var values = ReadStrings(element, "enum");
        return new SpecType(kind, item, options, values.IsEmpty ? default : values);
    }

    private static SpecKind KindOf(string name) =>
        Enum.TryParse<SpecKind>(name, ignoreCase: true, out var kind) ? kind : throw new FormatException($"unknown kind {name}");

    /// <summary>`"name": ["a", "b"]`.</summary>
    internal static void WriteStrings(Utf8JsonWriter json, string name, ImmutableArray<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }

    private static ImmutableArray<string> ReadStrings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) ? [.. list.EnumerateArray().Select(v => v.GetString()!)] : [];
}
