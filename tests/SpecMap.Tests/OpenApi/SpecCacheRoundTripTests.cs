using SpecMap.Core.Contracts;
using SpecMap.Core.OpenApi;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.OpenApi;

/// <summary>The cache file of OpenAI's real tip document reads back exactly what the parse produced, schema by schema.</summary>
public sealed class SpecCacheRoundTripTests
{
    [OpenAiSpecFact]
    public void Every_schema_of_the_tip_document_reads_back_from_the_cache_as_parsed()
    {
        var document = SpecDocumentLocation.Read("main:openapi.yaml", OpenAiSpecBundle.Repository);
        var parsed = OpenApiLoader.Parse(document.Content, document.Name);

        var cached = SpecCacheFormat.Read(SpecCacheFormat.Write(parsed, document.BlobId), document.BlobId)!;

        Assert.NotNull(cached);
        Assert.Equal(parsed.Version, cached.Version);
        Assert.Equal(parsed.ServerPaths.AsEnumerable(), cached.ServerPaths.AsEnumerable());
        Assert.Equal(parsed.Endpoints.Select(Describe), cached.Endpoints.Select(Describe));
        Assert.Equal(parsed.Schemas.Keys.Order(StringComparer.Ordinal), cached.SchemaKeys.Order(StringComparer.Ordinal));
        Assert.True(parsed.Schemas.Count > 1_400, $"{parsed.Schemas.Count} schemas");
        foreach (var (key, schema) in parsed.Schemas)
        {
            Assert.Equal(Describe(schema), Describe(cached.Schema(key)!));
        }
        Assert.Null(cached.Schema("NoSuchSchema"));
        Assert.Null(SpecCacheFormat.Read(SpecCacheFormat.Write(parsed, document.BlobId), new string('0', 40)));
    }

    private static string Describe(SpecEndpoint endpoint) =>
        $"{endpoint.Name} request={endpoint.RequestSchema} events={string.Join(",", endpoint.StreamEvents.Select(e => $"{e.Name}={e.Schema}"))}";

    private static string Describe(SpecSchema schema) =>
        $"{schema.Key} variants=[{string.Join(",", schema.Variants)}] " + string.Join(" ", schema.Fields.Select(f =>
            $"{f.Name}{(f.Required ? "!" : "")}{(f.Defined ? "" : "?undefined")}:{Describe(f.Type)}->[{string.Join(",", f.Schemas)}]"));

    /// <summary>Every part of a type, enum values in order included (TypeText may shorten).</summary>
    private static string Describe(SpecType type) =>
        $"{type.Kind}({(type.Element is null ? "" : "element " + Describe(type.Element))}"
        + $"{string.Join("|", type.UnionOptions.Select(Describe))}{(type.Values.IsEmpty ? "" : "enum " + string.Join(",", type.Values))})";
}
