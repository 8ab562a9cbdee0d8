using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SpecMap.Core.Probe.Checks;

/// <summary>An OpenAPI document that cannot be read as an event spec; the message names file, line and column.</summary>
internal sealed class EventSchemaException(string message) : Exception(message);

/// <summary>One streaming event's schema: the `type` value it answers, its component name and JSON pointer.</summary>
internal sealed record EventSchema(string EventType, string Name, string Pointer)
{
    /// <summary>The rule a finding names: `#/components/schemas/ResponseTextDeltaEvent`.</summary>
    public string SpecRule => "#" + Pointer;
}

/// <summary>
/// The streaming events an OpenAPI document declares, each with a JSON Schema (JsonSchema.Net 7.4) evaluated over the whole
/// document so `$ref: '#/components/schemas/X'` resolves inside it. 3.1 schemas are JSON Schema 2020-12 as they stand;
/// a 3.0 document's `nullable: true` is rewritten to a `null` alternative first. Unknown keywords (`x-stainless-const`,
/// `discriminator`, `example`) are allowed. Events are found through a union schema (ResponseStreamEvent), one member
/// per `type` value, so each event is validated against its own schema and never against the whole union.
/// </summary>
internal sealed class EventSchemas
{
    public const string DefaultUnion = "ResponseStreamEvent";

    private readonly FrozenDictionary<string, EventSchema> _byType;
    private readonly Dictionary<string, JsonSchema> _built = new(StringComparer.Ordinal);
    private readonly Uri _baseUri;

    private EventSchemas(string fileName, string union, JsonElement root, Uri baseUri, string openApiVersion, FrozenDictionary<string, EventSchema> byType)
    {
        FileName = fileName;
        Union = union;
        Root = root;
        _baseUri = baseUri;
        OpenApiVersion = openApiVersion;
        _byType = byType;
        // JsonSchema.Net 7.4, not 8: 8 builds every meta-schema in a module initialiser, which NativeAOT runs at every
        // start of specmap (40% of `--version`), though only the probe validates. 7.4 reads unknown keywords as such.
        EvaluationOptions = new EvaluationOptions { EvaluateAs = SpecVersion.Draft202012, OutputFormat = OutputFormat.Hierarchical };
        EvaluationOptions.SchemaRegistry.Register(new JsonNodeBaseDocument(JsonNode.Parse(root.GetRawText())!, baseUri));
    }

    /// <summary>How every event of this document is evaluated: its registry holds the document, so `$ref`s resolve.</summary>
    public EvaluationOptions EvaluationOptions { get; }

    /// <summary>The union schema whose members were taken as the events (it may be absent: then *Event schemas were).</summary>
    public string Union { get; }

    /// <summary>How errors name the document.</summary>
    public string FileName { get; }

    /// <summary>The document as JSON (after the 3.0 `nullable` rewrite).</summary>
    public JsonElement Root { get; }

    public string OpenApiVersion { get; }

    /// <summary>Every declared event type, sorted.</summary>
    public ImmutableArray<string> EventTypes => [.. _byType.Keys.Order(StringComparer.Ordinal)];

    public EventSchema? Find(string eventType) => _byType.GetValueOrDefault(eventType);

    /// <summary>Reads a YAML or JSON OpenAPI document and finds its events through <paramref name="union"/>.</summary>
    public static EventSchemas Load(byte[] openApiDocument, string fileNameForErrors, string union = DefaultUnion)
    {
        var json = LooksLikeJson(openApiDocument) ? openApiDocument : YamlToJson.Convert(openApiDocument, fileNameForErrors);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new EventSchemaException($"{fileNameForErrors}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not valid JSON: {FirstSentence(e.Message)}");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new EventSchemaException($"{fileNameForErrors}(1,1): an OpenAPI document is a JSON object");
        }
        var version = root.TryGetProperty("openapi", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;
        if (version.StartsWith("3.0", StringComparison.Ordinal))
        {
            root = NullableRewriter.Rewrite(root);
        }
        if (!root.TryGetProperty("components", out var components) || !components.TryGetProperty("schemas", out var schemas) || schemas.ValueKind != JsonValueKind.Object)
        {
            throw new EventSchemaException($"{fileNameForErrors}(1,1): the document has no components.schemas, so it declares no events");
        }
        var byType = FindEvents(schemas, union);
        if (byType.Count == 0)
        {
            throw new EventSchemaException($"{fileNameForErrors}(1,1): no streaming event schemas found (looked for the members of '{union}' and *Event schemas with a single `type` value)");
        }
        // A stable base URI per document: JsonSchema.Net's registry is per instance here, so two documents never clash.
        return new EventSchemas(fileNameForErrors, union, root, new Uri("urn:specmap:openapi"), version, byType.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The schema for <paramref name="schema"/> (read once, then reused for every event of that type).</summary>
    public JsonSchema SchemaFor(EventSchema schema)
    {
        lock (_built)
        {
            if (!_built.TryGetValue(schema.Name, out var built))
            {
                var reference = $$"""{"$ref": "{{_baseUri}}#{{schema.Pointer}}"}""";
                try
                {
                    built = JsonSchema.FromText(reference);
                }
                catch (Exception e) when (e is JsonSchemaException or RefResolutionException or JsonException)
                {
                    throw Unusable(schema, e);
                }
                _built[schema.Name] = built;
            }
            return built;
        }
    }

    /// <summary>The one-line error for a schema JsonSchema.Net cannot build or evaluate (a `$ref` to nothing, a bad keyword value).</summary>
    public EventSchemaException Unusable(EventSchema schema, Exception cause) =>
        new($"{FileName}(1,1): the schema {schema.SpecRule} for '{schema.EventType}' cannot be used: {cause.Message}");

    /// <summary>The document node an absolute schema location (`urn:specmap:openapi#/components/...`) names, or null.</summary>
    public JsonElement? At(Uri schemaLocation)
    {
        var fragment = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        return PointerText.Resolve(Root, fragment);
    }

    private static Dictionary<string, EventSchema> FindEvents(JsonElement schemas, string union)
    {
        var byType = new Dictionary<string, EventSchema>(StringComparer.Ordinal);
        if (schemas.TryGetProperty(union, out var unionSchema))
        {
            foreach (var key in new[] { "anyOf", "oneOf" })
            {
                if (!unionSchema.TryGetProperty(key, out var members) || members.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var member in members.EnumerateArray())
                {
                    if (member.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target
                        && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        var name = PointerText.Unescape(target["#/components/schemas/".Length..]);
                        if (schemas.TryGetProperty(name, out var schema) && SingleType(schema) is { } type)
                        {
                            byType.TryAdd(type, new EventSchema(type, name, target[1..]));
                        }
                    }
                }
            }
            if (byType.Count > 0)
            {
                return byType;
            }
        }
        // No union: every *Event schema whose `type` allows exactly one value, first by name on a clash.
        foreach (var schema in schemas.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (schema.Name.EndsWith("Event", StringComparison.Ordinal) && SingleType(schema.Value) is { } type)
            {
                byType.TryAdd(type, new EventSchema(type, schema.Name, "/components/schemas/" + PointerText.Escape(schema.Name)));
            }
        }
        return byType;
    }

    /// <summary>The one value `properties.type` allows (`enum: [x]` or `const: x`), or null.</summary>
    private static string? SingleType(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (type.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String)
        {
            return constant.GetString();
        }
        if (type.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() == 1
            && values[0].ValueKind == JsonValueKind.String)
        {
            return values[0].GetString();
        }
        return null;
    }

    private static bool LooksLikeJson(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('{');
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
