using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// OpenAPI 3.0 marks a nullable schema with `nullable: true`, which JSON Schema 2020-12 does not know. The rewrite gives
/// such a schema a `null` alternative: `type: string` becomes `type: [string, "null"]`, an enum gains `null`, and a
/// schema with no `type` (a `$ref`, an `allOf`) becomes `anyOf: [itself, {type: null}]`.
/// </summary>
internal static class NullableRewriter
{
    public static JsonElement Rewrite(JsonElement root)
    {
        var node = JsonNode.Parse(root.GetRawText())!;
        Visit(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static void Visit(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Visit(item);
                }
                break;
            case JsonObject schema:
                foreach (var (_, child) in schema.ToList())
                {
                    Visit(child);
                }
                if (schema["nullable"] is JsonValue flag && flag.TryGetValue<bool>(out var nullable) && nullable)
                {
                    schema.Remove("nullable");
                    AllowNull(schema);
                }
                break;
            default:
                break;
        }
    }

    private static void AllowNull(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            values.Add((JsonNode?)null);
        }
        switch (schema["type"])
        {
            case JsonValue type when type.TryGetValue<string>(out var name):
                schema["type"] = new JsonArray(name, "null");
                return;
            case JsonArray types:
                types.Add((JsonNode)JsonValue.Create("null"));
                return;
            default:
                var inner = new JsonObject();
                foreach (var (key, value) in schema.ToList())
                {
                    schema.Remove(key);
                    inner[key] = value;
                }
                schema["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
                return;
        }
    }
}
