using System.Collections.Immutable;
using SpecMap.Core.Contracts;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// Turns an OpenAPI 3.0/3.1 document tree into <see cref="SpecSchema"/>s: follows local `$ref`s, merges `allOf`,
/// turns `anyOf`/`oneOf` into unions, `nullable: true` (3.0) and `type: [string, "null"]` (3.1) into `string?`,
/// `enum`/`const` into allowed values, `items` into arrays, `additionalProperties` into maps. Named objects stay
/// by reference (`object` plus the schema key), so recursive schemas terminate.
/// </summary>
internal sealed class SchemaResolver
{
    private const int MaxDepth = 64;
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

    private readonly SpecNode _root;
    private readonly Dictionary<string, SpecSchema> _schemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);

    private SchemaResolver(SpecNode root) => _root = root;

    /// <summary>Every component schema, every inline object they reach, the endpoints and their stream events.</summary>
    public static ResolvedDocument Resolve(SpecNode root, string documentName)
    {
        if (root.Kind != SpecNodeKind.Object || (root.GetString("openapi") ?? root["openapi"]?.Text) is not { } version)
        {
            throw new OpenApiReadException(documentName, 0, 0, "not an OpenAPI document (no 'openapi' version field)");
        }
        var resolver = new SchemaResolver(root);
        if (root["components"]?["schemas"] is { Kind: SpecNodeKind.Object } components)
        {
            foreach (var (name, schema) in components.Members)
            {
                resolver.EnsureSchema(name, schema);
            }
        }
        var endpoints = resolver.ReadEndpoints();
        var servers = (root["servers"]?.Items ?? []).Select(s => s.GetString("url")).OfType<string>()
            .Select(EndpointPaths.ServerPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        return new ResolvedDocument(version, servers, endpoints, resolver._schemas);
    }

    /// <summary>`ResponseTextDeltaEvent` for `#/components/schemas/ResponseTextDeltaEvent`; other pointers stay as written.</summary>
    public static string KeyOf(string reference) => SchemaKeysFor.FromReference(reference);

    private ImmutableArray<SpecEndpoint> ReadEndpoints()
    {
        var endpoints = new List<SpecEndpoint>();
        if (_root["paths"] is not { Kind: SpecNodeKind.Object } paths)
        {
            return [];
        }
        foreach (var (path, item) in paths.Members)
        {
            var pathItem = Follow(item);
            foreach (var method in Methods)
            {
                if (pathItem?[method] is not { Kind: SpecNodeKind.Object } operation)
                {
                    continue;
                }
                var name = $"{method.ToUpperInvariant()} {path}";
                endpoints.Add(new SpecEndpoint(method.ToUpperInvariant(), path, RequestSchema(operation, name), StreamEvents(operation, name)));
            }
        }
        return [.. endpoints.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private string? RequestSchema(SpecNode operation, string endpointName)
    {
        var content = Follow(operation["requestBody"])?["content"];
        var schema = content is null ? null
            : content["application/json"]?["schema"]
              ?? content.Members.Where(m => m.Key.Contains("json", StringComparison.Ordinal)).Select(m => m.Value["schema"]).FirstOrDefault(s => s is not null)
              ?? content.Members.Values.Select(m => m["schema"]).FirstOrDefault(s => s is not null);
        return schema is null ? null : SchemaKeyFor(schema, $"{endpointName} request");
    }

    private ImmutableArray<SpecStreamEvent> StreamEvents(SpecNode operation, string endpointName)
    {
        var events = new SortedDictionary<string, SpecStreamEvent>(StringComparer.Ordinal);
        foreach (var response in (operation["responses"]?.Members.Values ?? []).Select(Follow))
        {
            if (response?["content"]?["text/event-stream"]?["schema"] is not { } schema)
            {
                continue;
            }
            var index = 0;
            foreach (var (member, union) in UnionMembers(schema, null, 0))
            {
                var key = SchemaKeyFor(member, $"{endpointName} stream[{index++}]");
                if (key is null)
                {
                    continue;
                }
                foreach (var name in EventNames(key, member, union))
                {
                    events.TryAdd(name, new SpecStreamEvent(name, key));
                }
            }
        }
        return [.. events.Values];
    }

    /// <summary>The object members of a (possibly nested) `anyOf`/`oneOf`, each with the union that holds it.</summary>
    private IEnumerable<(SpecNode Member, SpecNode? Union)> UnionMembers(SpecNode schema, SpecNode? union, int depth)
    {
        var target = Follow(schema);
        if (target is null || depth > MaxDepth)
        {
            yield break;
        }
        var options = target["anyOf"] ?? target["oneOf"];
        if (options is { Kind: SpecNodeKind.Array } && !target.Members.ContainsKey("properties"))
        {
            foreach (var option in options.Items)
            {
                foreach (var member in UnionMembers(option, target, depth + 1))
                {
                    yield return member;
                }
            }
            yield break;
        }
        yield return (schema, union);
    }

    /// <summary>The discriminator values that name a member: the union's `discriminator.mapping`, else the `type` property's enum/const.</summary>
    private IEnumerable<string> EventNames(string key, SpecNode member, SpecNode? union)
    {
        var discriminator = union?["discriminator"];
        var property = discriminator?.GetString("propertyName") ?? "type";
        var reference = member.GetString("$ref");
        var mapped = (discriminator?["mapping"]?.Members ?? new Dictionary<string, SpecNode>())
            .Where(m => reference is not null && m.Value.Text == reference).Select(m => m.Key).ToList();
        if (mapped.Count > 0)
        {
            return mapped;
        }
        return _schemas.TryGetValue(key, out var schema) && schema.Field(property) is { } field ? field.Type.Values : [];
    }

    /// <summary>The schema key of a body or stream member: the component for a `$ref` to an object, else an inline schema under <paramref name="inlineKey"/>.</summary>
    private string? SchemaKeyFor(SpecNode schema, string inlineKey)
    {
        if (schema.GetString("$ref") is { } reference && Lookup(reference) is { } target)
        {
            var key = KeyOf(reference);
            EnsureSchema(key, target);
            return key;
        }
        if (schema.Kind != SpecNodeKind.Object)
        {
            return null;
        }
        EnsureSchema(inlineKey, schema);
        return inlineKey;
    }

    private void EnsureSchema(string key, SpecNode node)
    {
        if (_schemas.ContainsKey(key) || !_building.Add(key))
        {
            return;
        }
        var fields = new Dictionary<string, SpecField>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var variants = new List<string>();
        Collect(node, key, fields, required, variants, 0);
        foreach (var name in required.Where(n => !fields.ContainsKey(n)).Order(StringComparer.Ordinal))
        {
            // Required without a definition anywhere (a loose allOf): still a field the code must have.
            fields[name] = new SpecField(name, true, SpecType.AnyType, [], Defined: false);
        }
        var list = fields.Values.Select(f => f with { Required = required.Contains(f.Name) }).ToImmutableArray();
        _schemas[key] = new SpecSchema(key, list, [.. variants.Distinct(StringComparer.Ordinal)]);
        _building.Remove(key);
    }

    private void Collect(SpecNode node, string key, Dictionary<string, SpecField> fields, HashSet<string> required, List<string> variants, int depth)
    {
        if (depth > MaxDepth || node.Kind != SpecNodeKind.Object)
        {
            return;
        }
        if (node.GetString("$ref") is { } reference)
        {
            var partKey = KeyOf(reference);
            if (Lookup(reference) is not { } target)
            {
                return;
            }
            EnsureSchema(partKey, target);
            if (_schemas.TryGetValue(partKey, out var part))
            {
                foreach (var field in part.Fields)
                {
                    // A part that only requires a name must not hide the property another part defines.
                    if (field.Defined || !fields.ContainsKey(field.Name))
                    {
                        fields[field.Name] = field;
                    }
                    if (field.Required)
                    {
                        required.Add(field.Name);
                    }
                }
                variants.AddRange(part.Variants);
            }
            else
            {
                Collect(target, partKey, fields, required, variants, depth + 1);
            }
            return;
        }
        foreach (var part in node["allOf"]?.Items ?? [])
        {
            Collect(part, key, fields, required, variants, depth + 1);
        }
        if (node["properties"] is { Kind: SpecNodeKind.Object } properties)
        {
            foreach (var (name, property) in properties.Members)
            {
                var (type, schemas) = TypeOf(property, $"{key}.{name}", depth + 1);
                fields[name] = new SpecField(name, false, type, schemas);
            }
        }
        foreach (var name in node["required"]?.Items ?? [])
        {
            if (name.Text is { } text)
            {
                required.Add(text);
            }
        }
        if (!node.Members.ContainsKey("properties") && (node["anyOf"] ?? node["oneOf"]) is { Kind: SpecNodeKind.Array } options)
        {
            var (_, reached) = TypeOf(SpecNode.Object(new() { ["anyOf"] = options }), key + "|", depth + 1);
            variants.AddRange(reached);
        }
    }

    /// <summary>The type of a schema node and the object schemas it reaches; inline objects are keyed by <paramref name="context"/>.</summary>
    private (SpecType Type, ImmutableArray<string> Schemas) TypeOf(SpecNode node, string context, int depth)
    {
        if (depth > MaxDepth || node.Kind != SpecNodeKind.Object)
        {
            return (SpecType.AnyType, []);
        }
        var nullable = node.IsTrue("nullable");
        var (type, schemas) = BareTypeOf(node, context, depth);
        return (nullable ? Nullable(type) : type, schemas);
    }

    private (SpecType Type, ImmutableArray<string> Schemas) BareTypeOf(SpecNode node, string context, int depth)
    {
        if (node.GetString("$ref") is { } reference)
        {
            if (Lookup(reference) is not { } target)
            {
                return (SpecType.AnyType, []);
            }
            var key = KeyOf(reference);
            if (IsObjectShape(target))
            {
                EnsureSchema(key, target);
                return (new SpecType(SpecKind.Object), [key]);
            }
            return TypeOf(target, key, depth + 1);
        }
        var options = node["anyOf"] ?? node["oneOf"];
        if (options is { Kind: SpecNodeKind.Array } && !node.Members.ContainsKey("properties"))
        {
            var types = new List<SpecType>();
            var reached = new List<string>();
            for (var i = 0; i < options.Items.Count; i++)
            {
                var (option, schemas) = TypeOf(options.Items[i], options.Items.Count == 1 ? context : $"{context}|{i}", depth + 1);
                types.Add(option);
                reached.AddRange(schemas);
            }
            return (Union(types), [.. reached.Distinct(StringComparer.Ordinal)]);
        }
        if (node["allOf"] is { Kind: SpecNodeKind.Array } parts && !node.Members.ContainsKey("properties"))
        {
            if (parts.Items.Count == 1)
            {
                // `allOf: [$ref]` is how 3.0 documents put a description or `nullable` beside a reference.
                return TypeOf(parts.Items[0], context, depth + 1);
            }
            EnsureSchema(context, node);
            return (new SpecType(SpecKind.Object), [context]);
        }
        var values = EnumValues(node);
        var declared = node["type"] switch
        {
            { Kind: SpecNodeKind.String, Text: { } one } => [one],
            { Kind: SpecNodeKind.Array } many => many.Items.Select(i => i.Text).OfType<string>().ToList(),
            _ => new List<string>(),
        };
        if (declared.Count == 0)
        {
            declared.Add(node.Members.ContainsKey("properties") || node.Members.ContainsKey("additionalProperties") ? "object"
                : node.Members.ContainsKey("items") ? "array"
                : !values.IsEmpty ? "string"
                : "");
        }
        var result = new List<SpecType>();
        var objects = new List<string>();
        foreach (var name in declared)
        {
            var (type, schemas) = OfDeclaredType(name, node, context, values, depth);
            result.Add(type);
            objects.AddRange(schemas);
        }
        return (Union(result), [.. objects]);
    }

    private (SpecType Type, ImmutableArray<string> Schemas) OfDeclaredType(string name, SpecNode node, string context, ImmutableArray<string> values, int depth)
    {
        switch (name)
        {
            case "string":
                return (new SpecType(SpecKind.String, EnumValues: values), []);
            case "integer":
                return (new SpecType(SpecKind.Integer), []);
            case "number":
                return (new SpecType(SpecKind.Number), []);
            case "boolean":
                return (new SpecType(SpecKind.Boolean), []);
            case "null":
                return (new SpecType(SpecKind.Null), []);
            case "array":
                if (node["items"] is not { } items)
                {
                    return (new SpecType(SpecKind.Array), []);
                }
                var (element, reached) = TypeOf(items, context + "[]", depth + 1);
                return (new SpecType(SpecKind.Array, element), reached);
            case "object":
                if (node.Members.ContainsKey("properties") || node.Members.ContainsKey("allOf"))
                {
                    EnsureSchema(context, node);
                    return (new SpecType(SpecKind.Object), [context]);
                }
                if (node["additionalProperties"] is { Kind: SpecNodeKind.Object } values2)
                {
                    var (value, inside) = TypeOf(values2, context + "{}", depth + 1);
                    return (new SpecType(SpecKind.Map, value), inside);
                }
                return (new SpecType(SpecKind.Object), []);
            default:
                return (SpecType.AnyType, []);
        }
    }

    /// <summary>Whether a schema is an object with fields of its own (worth a key), rather than an alias of a scalar, array or union.</summary>
    private bool IsObjectShape(SpecNode node) => IsObjectShape(node, 0);

    private bool IsObjectShape(SpecNode node, int depth)
    {
        if (depth > MaxDepth || node.Kind != SpecNodeKind.Object)
        {
            return false;
        }
        if (node.Members.ContainsKey("properties"))
        {
            return true;
        }
        if (node["allOf"] is { Kind: SpecNodeKind.Array } parts)
        {
            return parts.Items.Count > 1 || parts.Items.Any(p => Follow(p) is { } part && IsObjectShape(part, depth + 1));
        }
        return node.GetString("type") == "object" && node["additionalProperties"] is not { Kind: SpecNodeKind.Object }
            && node["anyOf"] is null && node["oneOf"] is null;
    }

    private static ImmutableArray<string> EnumValues(SpecNode node)
    {
        var values = ImmutableArray.CreateBuilder<string>();
        foreach (var value in node["enum"]?.Items ?? [])
        {
            if (value.Kind == SpecNodeKind.String)
            {
                values.Add(value.Text!);
            }
        }
        if (node["const"] is { Kind: SpecNodeKind.String, Text: { } constant } && !values.Contains(constant))
        {
            values.Add(constant);
        }
        return values.ToImmutable();
    }

    /// <summary>A union with `null` written last (`string?`), single options unwrapped, and `any` absorbing the rest.</summary>
    private static SpecType Union(List<SpecType> options)
    {
        var flat = options.SelectMany(o => o.Kind == SpecKind.Union ? o.UnionOptions : [o]).ToList();
        if (flat.Count == 0 || flat.Any(o => o.Kind == SpecKind.Any))
        {
            return SpecType.AnyType;
        }
        var hasNull = flat.Any(o => o.Kind == SpecKind.Null);
        // An open string absorbs enumerated ones: `anyOf: [string, enum: [gpt-4o, ...]]` is any string with known values.
        var openString = flat.Any(o => o is { Kind: SpecKind.String, Values.IsEmpty: true });
        var rest = flat.Where(o => o.Kind != SpecKind.Null && !(openString && o is { Kind: SpecKind.String, Values.IsEmpty: false })).ToList();
        if (rest.Count == 0)
        {
            return new SpecType(SpecKind.Null);
        }
        var inner = rest.Count == 1 ? rest[0] : new SpecType(SpecKind.Union, Options: [.. rest]);
        return hasNull ? Nullable(inner) : inner;
    }

    private static SpecType Nullable(SpecType type) =>
        type.Kind switch
        {
            SpecKind.Any or SpecKind.Null => type,
            SpecKind.Union when type.UnionOptions.Any(o => o.Kind == SpecKind.Null) => type,
            SpecKind.Union => new SpecType(SpecKind.Union, Options: [.. type.UnionOptions, new SpecType(SpecKind.Null)]),
            _ => SpecType.Nullable(type),
        };

    private SpecNode? Follow(SpecNode? node)
    {
        for (var hops = 0; node is not null && node.GetString("$ref") is { } reference && hops < MaxDepth; hops++)
        {
            node = Lookup(reference);
        }
        return node;
    }

    /// <summary>A local JSON pointer (`#/components/schemas/X`); remote references are not followed (no network).</summary>
    private SpecNode? Lookup(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }
        var node = _root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.Kind == SpecNodeKind.Array && int.TryParse(token, out var index) && index < node.Items.Count ? node.Items[index] : node[token];
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}

/// <summary>What <see cref="SchemaResolver"/> produced, before it is cached or wrapped in an <see cref="OpenApiSpec"/>.</summary>
internal sealed record ResolvedDocument(string Version, ImmutableArray<string> ServerPaths, ImmutableArray<SpecEndpoint> Endpoints, IReadOnlyDictionary<string, SpecSchema> Schemas)
{
    public OpenApiSpec ToSpec() => new(Version, ServerPaths, Endpoints, [.. Schemas.Keys], key => Schemas.GetValueOrDefault(key));
}

/// <summary>Schema keys from references.</summary>
internal static class SchemaKeysFor
{
    private const string ComponentPrefix = "#/components/schemas/";

    public static string FromReference(string reference) =>
        reference.StartsWith(ComponentPrefix, StringComparison.Ordinal) ? Uri.UnescapeDataString(reference[ComponentPrefix.Length..]) : reference;
}
