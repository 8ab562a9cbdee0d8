using System.Text;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.OpenApi;

/// <summary>The per-blob cache: a second load reads it, a corrupt or foreign file is re-parsed and replaced, parallel loads agree.</summary>
public sealed class SpecCacheTests : IDisposable
{
    private const string Document = """
        openapi: 3.1.0
        paths:
          /events:
            get:
              responses:
                '200':
                  content:
                    text/event-stream:
                      schema:
                        anyOf:
                          - $ref: '#/components/schemas/Ping'
        components:
          schemas:
            Ping:
              type: object
              properties:
                type: {const: ping}
                at: {type: [integer, 'null']}
              required: [type]
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "specmap-tests", "cache-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly byte[] _bytes = Encoding.UTF8.GetBytes(Document);

    private string CacheFile => Path.Combine(_folder, $"openapi-{GitBlobId.Of(_bytes)}.json");

    [Fact]
    public void Second_load_comes_from_the_cache_with_the_same_model()
    {
        var first = OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var firstOrigin);
        var second = OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var secondOrigin);

        Assert.Equal((SpecOrigin.Parsed, SpecOrigin.Cache), (firstOrigin, secondOrigin));
        Assert.True(File.Exists(CacheFile));
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal("ping=Ping | type:string! at:integer?", Describe(second));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Theory]
    [InlineData("{\"format\": 1, \"blob\": ")]
    [InlineData("not json at all")]
    [InlineData("{\"format\": 999, \"blob\": \"x\"}")]
    [InlineData("{\"format\": 1, \"blob\": \"0000000000000000000000000000000000000000\", \"openapi\": \"3.1.0\", \"servers\": [], \"endpoints\": [], \"schemas\": {}}")]
    public void A_corrupt_stale_or_foreign_cache_file_is_reparsed_and_replaced(string content)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(CacheFile, content);

        var spec = OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var origin);

        Assert.Equal(SpecOrigin.Parsed, origin);
        Assert.Equal("ping=Ping | type:string! at:integer?", Describe(spec));
        OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var again);
        Assert.Equal(SpecOrigin.Cache, again);
    }

    [Fact]
    public void Concurrent_loads_of_one_blob_all_succeed_and_leave_one_whole_file()
    {
        var results = new string[8];
        Parallel.For(0, results.Length, i => results[i] = Describe(OpenApiLoader.Load(_bytes, "spec.yaml", _folder)));

        Assert.All(results, r => Assert.Equal("ping=Ping | type:string! at:integer?", r));
        Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(SpecOrigin.Cache, Origin());
    }

    [Fact]
    public void An_unwritable_cache_folder_only_costs_a_parse()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        File.WriteAllText(_folder, "a file where the folder should be");
        try
        {
            var spec = OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var origin);

            Assert.Equal(SpecOrigin.Parsed, origin);
            Assert.Equal("ping=Ping | type:string! at:integer?", Describe(spec));
        }
        finally
        {
            File.Delete(_folder);
        }
    }

    public void Dispose() => TempFolder.Delete(_folder);

    private SpecOrigin Origin()
    {
        OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var origin);
        return origin;
    }

    private static string Describe(OpenApiSpec spec)
    {
        var streamEvent = spec.StreamEvents("GET", "/events").Single();
        var schema = spec.Schema(streamEvent.Schema)!;
        return $"{streamEvent.Name}={streamEvent.Schema} | " + string.Join(" ", schema.Fields.Select(f => $"{f.Name}:{f.TypeText.Split(' ')[0]}{(f.Required ? "!" : "")}"));
    }
}
