using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using SpecMap.Core.Contracts;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// The compact cache file of a resolved document (`openapi-&lt;blob&gt;.spec`): endpoints, stream events and every
/// schema's fields with their types. A fixed header (magic, <see cref="Version"/>, lengths, a checksum), then a small
/// JSON head (endpoints, events and an index of schema key → byte range), then each schema as its own JSON object, so a
/// warm run parses the head and only the schemas it asks for (5 of 1,993 for a five-event mapping), never the whole
/// file. Written with Utf8JsonWriter and read with JsonDocument (no reflection, so a trimmed or native build keeps working).
/// </summary>
internal static class SpecCacheFormat
{
    /// <summary>Bump when the file's shape or the resolver's output changes, so old caches are re-parsed.</summary>
    public const int Version = 3;

    /// <summary>Magic (8), version (4), head length (4), body length (4), checksum of head and body (8).</summary>
    private const int HeaderLength = 28;

    private static readonly byte[] Magic = "SMSPEC\n\0"u8.ToArray();

    public static byte[] Write(ResolvedDocument document, string blobId)
    {
        using var body = new MemoryStream();
        var index = new List<(string Key, long Offset, long Length)>();
        using (var json = new Utf8JsonWriter(body))
        {
            foreach (var key in document.Schemas.Keys.Order(StringComparer.Ordinal))
            {
                json.Flush();
                var offset = body.Length;
                WriteSchema(json, document.Schemas[key]);
                json.Flush();
                json.Reset();
                index.Add((key, offset, body.Length - offset));
            }
        }
        using var head = new MemoryStream();
        using (var json = new Utf8JsonWriter(head))
        {
            json.WriteStartObject();
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
            foreach (var (key, offset, length) in index)
            {
                json.WriteStartArray(key);
                json.WriteNumberValue(offset);
                json.WriteNumberValue(length);
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        var file = new byte[HeaderLength + head.Length + body.Length];
        Magic.CopyTo(file, 0);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(12), checked((int)head.Length));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(16), checked((int)body.Length));
        head.GetBuffer().AsSpan(0, (int)head.Length).CopyTo(file.AsSpan(HeaderLength));
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(file.AsSpan(HeaderLength + (int)head.Length));
        BinaryPrimitives.WriteUInt64LittleEndian(file.AsSpan(20), Checksum(file.AsSpan(HeaderLength)));
        return file;
    }

    /// <summary>Reads a cache file; null when it is not one of this version for <paramref name="blobId"/> (corrupt, truncated, stale, other blob).</summary>
    public static OpenApiSpec? Read(byte[] bytes, string blobId)
    {
        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)) != Version)
        {
            return null;
        }
        var headLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16));
        if (headLength < 0 || bodyLength < 0 || (long)HeaderLength + headLength + bodyLength != bytes.Length
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(20)) != Checksum(bytes.AsSpan(HeaderLength)))
        {
            return null;
        }
        var bodyStart = HeaderLength + headLength;
        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(HeaderLength, headLength));
            var root = document.RootElement;
            if (root.GetProperty("blob").GetString() != blobId)
            {
                return null;
            }
            var servers = root.GetProperty("servers").EnumerateArray().Select(s => s.GetString()!).ToImmutableArray();
            var endpoints = root.GetProperty("endpoints").EnumerateArray().Select(ReadEndpoint).ToImmutableArray();
            var ranges = new Dictionary<string, (int Offset, int Length)>(StringComparer.Ordinal);
            foreach (var schema in root.GetProperty("schemas").EnumerateObject())
            {
                var (offset, length) = (schema.Value[0].GetInt32(), schema.Value[1].GetInt32());
                if (offset < 0 || length < 0 || (long)offset + length > bodyLength)
                {
                    return null;
                }
                ranges[schema.Name] = (bodyStart + offset, length);
            }
            // The bytes stay alive with the spec: a schema is decoded from its range on first use.
            return new OpenApiSpec(root.GetProperty("openapi").GetString()!, servers, endpoints, ranges.Keys,
                key => ranges.TryGetValue(key, out var range) ? ReadSchema(key, bytes.AsMemory(range.Offset, range.Length)) : null);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or JsonException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// A cheap 64-bit checksum (FNV-style over 8-byte words) against torn or damaged files; not a defence against a
    /// forger, who could as well write a valid cache file into the git folder.
    /// </summary>
    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        const ulong Prime = 0x100000001B3;
        var hash = 0xCBF29CE484222325UL ^ (ulong)data.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            hash = (hash ^ word) * Prime;
            hash ^= hash >> 29;
        }
        foreach (var tail in data[(words.Length * sizeof(ulong))..])
        {
            hash = (hash ^ tail) * Prime;
        }
        return hash;
    }

    private static SpecSchema ReadSchema(string key, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadSchema(key, document.RootElement);
    }

    private static SpecEndpoint ReadEndpoint(JsonElement element) => new(
        element.GetProperty("method").GetString()!,
        element.GetProperty("path").GetString()!,
        element.TryGetProperty("request", out var request) ? request.GetString() : null,
        [.. element.GetProperty("events").EnumerateObject().Select(e => new SpecStreamEvent(e.Name, e.Value.GetString()!))]);

    private static void WriteSchema(Utf8JsonWriter json, SpecSchema schema)
    {
        json.WriteStartObject();
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
