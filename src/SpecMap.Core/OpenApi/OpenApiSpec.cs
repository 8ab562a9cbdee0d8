using System.Collections.Immutable;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// What specmap knows of an OpenAPI document: endpoints, their request bodies and stream events, and every schema
/// as a flat list of fields. Schemas are materialised on first use (<see cref="SchemaSource"/>), so a run that
/// checks five events reads five schemas out of a 1,422-schema cache.
/// </summary>
internal sealed class OpenApiSpec
{
    private readonly Func<string, SpecSchema?> _load;
    private readonly Dictionary<string, SpecSchema?> _loaded = new(StringComparer.Ordinal);

    public OpenApiSpec(string version, ImmutableArray<string> serverPaths, ImmutableArray<SpecEndpoint> endpoints, IReadOnlyCollection<string> schemaKeys, Func<string, SpecSchema?> load)
    {
        Version = version;
        ServerPaths = serverPaths;
        Endpoints = endpoints;
        SchemaKeys = schemaKeys;
        _load = load;
    }

    /// <summary>The `openapi` field: `3.0.0`, `3.1.0`.</summary>
    public string Version { get; }

    /// <summary>The path parts of the `servers` URLs (`/v1` for `https://api.openai.com/v1`), sorted, without duplicates.</summary>
    public ImmutableArray<string> ServerPaths { get; }

    /// <summary>Sorted by path, then method.</summary>
    public ImmutableArray<SpecEndpoint> Endpoints { get; }

    public IReadOnlyCollection<string> SchemaKeys { get; }

    /// <summary>A schema by key (`ResponseTextDeltaEvent`) or by reference (`#/components/schemas/ResponseTextDeltaEvent`).</summary>
    public SpecSchema? Schema(string keyOrReference)
    {
        var key = SchemaKeysFor.FromReference(keyOrReference);
        lock (_loaded)
        {
            if (!_loaded.TryGetValue(key, out var schema))
            {
                schema = _load(key);
                _loaded[key] = schema;
            }
            return schema;
        }
    }

    /// <summary>
    /// The endpoint for a mapping's `METHOD PATH`: the path may carry a server's path prefix (`POST /v1/responses`
    /// for `/responses` under `https://api.openai.com/v1`), and parameter names need not agree (`{id}`, `{response_id}`).
    /// </summary>
    public SpecEndpoint? FindEndpoint(string method, string path)
    {
        var wanted = EndpointPaths.Normalize(path);
        foreach (var candidate in EndpointPaths.WithoutServerPrefix(wanted, ServerPaths))
        {
            foreach (var endpoint in Endpoints)
            {
                if (string.Equals(endpoint.Method, method, StringComparison.OrdinalIgnoreCase) && EndpointPaths.Match(EndpointPaths.Normalize(endpoint.Path), candidate))
                {
                    return endpoint;
                }
            }
        }
        return null;
    }

    /// <summary>`POST /v1/responses` as one string.</summary>
    public SpecEndpoint? FindEndpoint(string methodAndPath)
    {
        var space = methodAndPath.Trim().IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? FindEndpoint(methodAndPath.Trim()[..space], methodAndPath.Trim()[(space + 1)..].Trim()) : null;
    }

    /// <summary>The stream events of an endpoint, or empty when it has no `text/event-stream` response.</summary>
    public ImmutableArray<SpecStreamEvent> StreamEvents(string method, string path) => FindEndpoint(method, path)?.StreamEvents ?? [];

    /// <summary>An event by name: in the stream of <paramref name="endpoint"/> when given, else in any endpoint's stream (the first by path).</summary>
    public SpecStreamEvent? FindEvent(string name, SpecEndpoint? endpoint = null)
    {
        foreach (var candidate in endpoint is null ? Endpoints : [endpoint])
        {
            foreach (var streamEvent in candidate.StreamEvents)
            {
                if (streamEvent.Name == name)
                {
                    return streamEvent;
                }
            }
        }
        return null;
    }

    /// <summary>The request-body properties of an endpoint (flattened over `allOf`), or empty.</summary>
    public ImmutableArray<SpecField> RequestFields(SpecEndpoint endpoint) =>
        endpoint.RequestSchema is { } key && Schema(key) is { } schema ? schema.Fields : [];
}
