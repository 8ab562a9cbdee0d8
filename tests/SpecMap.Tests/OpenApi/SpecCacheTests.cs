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

    private string CacheFile => SpecCache.FileFor(_folder, GitBlobId.Of(_bytes));

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

    [Theory]
    [InlineData("truncated")]
    [InlineData("a byte flipped in a schema")]
    [InlineData("another version")]
    [InlineData("empty")]
    public void A_damaged_cache_file_is_ignored_and_rebuilt(string damage)
    {
        OpenApiLoader.Load(_bytes, "spec.yaml", _folder);
        var whole = File.ReadAllBytes(CacheFile);
        var damaged = damage switch
        {
            "truncated" => whole[..(whole.Length / 2)],
            "a byte flipped in a schema" => Flip(whole, Encoding.UTF8.GetString(whole).LastIndexOf("integer", StringComparison.Ordinal)),
            "another version" => Flip(whole, 8),
            _ => [],
        };
        File.WriteAllBytes(CacheFile, damaged);

        var spec = OpenApiLoader.Load(_bytes, "spec.yaml", _folder, null, out var origin);

        Assert.Equal(SpecOrigin.Parsed, origin);
        Assert.Equal("ping=Ping | type:string! at:integer?", Describe(spec));
        Assert.Equal(whole, File.ReadAllBytes(CacheFile));
        Assert.Equal(SpecOrigin.Cache, Origin());
    }

    [Fact]
    public void Concurrent_writers_of_many_blobs_leave_only_whole_files_within_the_bound()
    {
        // Twelve versions written by four runs each, at once: every load succeeds, every file left reads back, none is torn.
        var versions = Enumerable.Range(0, 12).Select(i => Encoding.UTF8.GetBytes(Document.Replace("ping", $"ping{i}", StringComparison.Ordinal))).ToArray();
        var results = new string[versions.Length * 4];
        Parallel.For(0, results.Length, i =>
        {
            var version = i % versions.Length;
            var streamEvent = OpenApiLoader.Load(versions[version], "spec.yaml", _folder).StreamEvents("GET", "/events").Single();
            results[i] = streamEvent.Name;
        });

        Assert.Equal(Enumerable.Range(0, results.Length).Select(i => $"ping{i % versions.Length}"), results);
        var files = Directory.GetFiles(_folder);
        Assert.InRange(files.Length, 1, SpecCache.MaxFiles);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        foreach (var version in versions.Where(v => File.Exists(SpecCache.FileFor(_folder, GitBlobId.Of(v)))))
        {
            OpenApiLoader.Load(version, "spec.yaml", _folder, null, out var origin);
            Assert.Equal(SpecOrigin.Cache, origin);
        }
    }

    [Fact]
    public void A_write_deletes_old_format_files_and_keeps_the_newest_versions()
    {
        Directory.CreateDirectory(_folder);
        var oldFormat = Path.Combine(_folder, $"openapi-{GitBlobId.Of(_bytes)}.json");
        File.WriteAllText(oldFormat, "{\"format\": 2}");
        var unrelated = Path.Combine(_folder, "other.bin");
        File.WriteAllText(unrelated, "not ours");
        static byte[] Version(int i) => Encoding.UTF8.GetBytes(Document + $"\n# version {i}\n");
        for (var i = 0; i < SpecCache.MaxFiles + 3; i++)
        {
            OpenApiLoader.Load(Version(i), "spec.yaml", _folder);
            // Distinct times, oldest first, whatever the file system's clock resolution.
            File.SetLastWriteTimeUtc(SpecCache.FileFor(_folder, GitBlobId.Of(Version(i))), new DateTime(2026, 1, 1, 0, i, 0, DateTimeKind.Utc));
        }

        Assert.False(File.Exists(oldFormat));
        Assert.True(File.Exists(unrelated));
        Assert.Equal(SpecCache.MaxFiles, Directory.GetFiles(_folder, "openapi-*.spec").Length);
        OpenApiLoader.Load(Version(SpecCache.MaxFiles + 2), "spec.yaml", _folder, null, out var newest);
        OpenApiLoader.Load(Version(0), "spec.yaml", _folder, null, out var oldest);
        Assert.Equal((SpecOrigin.Cache, SpecOrigin.Parsed), (newest, oldest));
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

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = bytes.ToArray();
        copy[at] ^= 0x20;
        return copy;
    }

    private static string Describe(OpenApiSpec spec)
    {
        var streamEvent = spec.StreamEvents("GET", "/events").Single();
        var schema = spec.Schema(streamEvent.Schema)!;
        return $"{streamEvent.Name}={streamEvent.Schema} | " + string.Join(" ", schema.Fields.Select(f => $"{f.Name}:{f.TypeText.Split(' ')[0]}{(f.Required ? "!" : "")}"));
    }
}
