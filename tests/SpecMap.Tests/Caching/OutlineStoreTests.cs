using SpecMap.Core.Caching;
using SpecMap.Core.Outline;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Caching;

/// <summary>The persistent outline cache (issue 15): parse once, ever; torn, foreign or concurrent files never break a run.</summary>
public sealed class OutlineStoreTests : IDisposable
{
    private const string CSharp = "namespace Demo;\n\npublic sealed class Converter\n{\n    public int Convert(int value, string unit)\n    {\n        return value;\n    }\n}\n";
    private const string Python = "class Handler:\n    def handle(self, event):\n        return event\n\n\ndef create():\n    pass\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private string GitFolder => Path.Combine(_repo.Root, ".git");

    private string CacheFolder => Path.Combine(GitFolder, "specmap", "cache", OutlineStore.BuildVersion);

    [Fact]
    public void An_outline_written_by_one_run_is_read_back_by_the_next_as_it_was_parsed()
    {
        var parsed = Parse("src/Converter.cs", CSharp);
        using (var store = OutlineStore.Open(GitFolder)!)
        {
            store.Add(Blob(CSharp), "csharp", parsed);
        }
        using var next = OutlineStore.Open(GitFolder)!;
        var read = next.Find(Blob(CSharp), "csharp", "other/Path.cs");
        Assert.NotNull(read);
        Assert.Equal("other/Path.cs", read.Path);
        Assert.Equal(parsed.Symbols.ToArray(), read.Symbols.ToArray());
        Assert.Contains(read.Symbols, s => s.Signature == "(int, string)");
        Assert.Null(next.Find(Blob(CSharp), "python", "x.py"));
    }

    [Fact]
    public void Why_a_file_was_not_outlined_is_kept_with_its_outline_so_a_later_run_does_not_scan_it_again()
    {
        // Past the nesting guard's budget (nine assignments in open parentheses): refused, with the reason.
        var refused = "class C { void M() { var y = " + string.Concat(Enumerable.Repeat("(x = ", 9)) + "1; } }\n";
        var blob = Blob(refused);
        using (var first = new Outliners().WithStore(OutlineStore.Open(GitFolder)))
        {
            Assert.Contains("nests assignments", first.WhyNotOutlined("C.cs", refused, blob), StringComparison.Ordinal);
        }
        using var second = new Outliners().WithStore(OutlineStore.Open(GitFolder));
        // Other text under the same blob id: the verdict comes from the store, not from a scan of the text.
        var outline = second.Outline("D.cs", "class D { }\n", blob);
        Assert.Empty(outline!.Symbols);
        Assert.Contains("nests assignments", outline.NotOutlinedBecause, StringComparison.Ordinal);
        Assert.Null(second.WhyNotOutlined("E.cs", CSharp, Blob(CSharp)));
    }

    [Fact]
    public void Outliners_with_a_store_do_not_parse_what_an_earlier_run_parsed()
    {
        var blob = Blob(Python);
        using (var first = new Outliners().WithStore(OutlineStore.Open(GitFolder)))
        {
            first.Outline("app.py", Python, blob);
        }
        // Fresh in-memory caches, and text that would outline differently: the stored outline is what comes back.
        using var second = new Outliners().WithStore(OutlineStore.Open(GitFolder));
        var outline = second.Outline("app.py", "def other():\n    pass\n", blob);
        Assert.Equal(["Handler", "Handler.handle", "create"], outline!.Symbols.Select(s => s.QualifiedName));
    }

    [Fact]
    public void A_second_validation_of_unchanged_files_parses_nothing_and_reports_the_same()
    {
        var verified = _repo.Write("app.py", Python).Write("src/Converter.cs", CSharp).Commit("code");
        _repo.Write("app.py", "import os\n" + Python).Commit("shift");
        _repo.Write("map.json", $$"""
            { "verified_at": "{{verified}}", "a": { "implementation": "app.py:6-7", "symbol": "create" },
              "b": { "implementation": "src/Converter.cs:5-8", "symbol": "Demo.Converter.Convert(int, string)" } }
            """);
        var request = new ValidationRequest(_repo.Root, ["map.json"], Against: "HEAD");
        // Fresh in-memory caches each time, as separate processes have.
        var first = new Validator(new Outliners()).Validate(request);
        var segments = Directory.GetFiles(CacheFolder, "seg-*");
        var second = new Validator(new Outliners()).Validate(request);
        // Every parse is stored: a run that parsed nothing writes no segment.
        Assert.Equal(segments, Directory.GetFiles(CacheFolder, "seg-*"));
        Assert.NotEmpty(segments);
        Assert.Equal(
            first.Mappings.Single().References.Select(r => (r.Outcome.Status, r.Outcome.Target)),
            second.Mappings.Single().References.Select(r => (r.Outcome.Status, r.Outcome.Target)));
        Assert.Contains(first.Mappings.Single().References, r => r.Outcome.Status == ReferenceStatus.Relocated);
    }

    [Fact]
    public void A_torn_or_foreign_segment_is_a_miss_not_an_error()
    {
        using (var store = OutlineStore.Open(GitFolder)!)
        {
            store.Add(Blob(Python), "python", Parse("app.py", Python));
        }
        var segment = Directory.GetFiles(CacheFolder, "seg-*").Single();
        var bytes = File.ReadAllBytes(segment);
        File.WriteAllBytes(segment, bytes[..(bytes.Length / 2)]);
        File.WriteAllText(Path.Combine(CacheFolder, "seg-0-foreign.bin"), "not a segment");
        using var next = OutlineStore.Open(GitFolder)!;
        Assert.Null(next.Find(Blob(Python), "python", "app.py"));
    }

    [Fact]
    public void A_segment_cut_short_anywhere_is_a_miss()
    {
        using (var store = OutlineStore.Open(GitFolder)!)
        {
            store.Add(Blob(Python), "python", Parse("app.py", Python));
            store.Add(Blob(CSharp), "csharp", Parse("C.cs", CSharp));
        }
        var segment = Directory.GetFiles(CacheFolder, "seg-*").Single();
        var whole = File.ReadAllBytes(segment);
        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(segment, whole[..length]);
            using var next = OutlineStore.Open(GitFolder)!;
            Assert.Null(next.Find(Blob(Python), "python", "app.py"));
            Assert.Null(next.Find(Blob(CSharp), "csharp", "C.cs"));
        }
        File.WriteAllBytes(segment, whole);
        using var restored = OutlineStore.Open(GitFolder)!;
        Assert.NotNull(restored.Find(Blob(CSharp), "csharp", "C.cs"));
    }

    [Fact]
    public void A_run_writes_its_records_as_they_come_and_others_see_them_only_once_it_ends()
    {
        var texts = Enumerable.Range(0, 50).Select(i => $"def h{i}():\n    return {i}\n").ToList();
        var store = OutlineStore.Open(GitFolder)!;
        foreach (var text in texts)
        {
            store.Add(Blob(text), "python", Parse("m.py", text));
        }
        var large = new byte[300_000];
        Random.Shared.NextBytes(large);
        store.AddRecord("large", large);
        // On disk under a temporary name (past the write buffer), not yet a segment: another run meanwhile reads none of it.
        Assert.Empty(Directory.GetFiles(CacheFolder, "seg-*"));
        Assert.True(new FileInfo(Directory.GetFiles(CacheFolder, "tmp-*").Single()).Length > large.Length);
        using (var meanwhile = OutlineStore.Open(GitFolder)!)
        {
            Assert.Null(meanwhile.Find(Blob(texts[0]), "python", "m.py"));
        }
        store.Dispose();
        Assert.Empty(Directory.GetFiles(CacheFolder, "tmp-*"));
        using var after = OutlineStore.Open(GitFolder)!;
        Assert.All(texts, (text, i) => Assert.Equal($"h{i}", after.Find(Blob(text), "python", "m.py")?.Symbols.Single().Name));
        Assert.Equal(large, after.FindRecord("large"));
    }

    [Fact]
    public void Runs_open_at_the_same_time_each_write_their_own_segment()
    {
        var first = OutlineStore.Open(GitFolder)!;
        var second = OutlineStore.Open(GitFolder)!;
        first.Add(Blob(Python), "python", Parse("app.py", Python));
        second.Add(Blob(CSharp), "csharp", Parse("C.cs", CSharp));
        // The same record from both: each run keeps its own first copy.
        second.Add(Blob(Python), "python", Parse("app.py", Python));
        Assert.Equal(2, Directory.GetFiles(CacheFolder, "tmp-*").Length);
        second.Dispose();
        first.Dispose();
        Assert.Equal(2, Directory.GetFiles(CacheFolder, "seg-*").Length);
        using var reader = OutlineStore.Open(GitFolder)!;
        Assert.Equal(Parse("app.py", Python).Symbols.ToArray(), reader.Find(Blob(Python), "python", "app.py")?.Symbols.ToArray());
        Assert.Equal(Parse("C.cs", CSharp).Symbols.ToArray(), reader.Find(Blob(CSharp), "csharp", "C.cs")?.Symbols.ToArray());
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_made_costs_the_parse_and_nothing_else()
    {
        // A file where the folder should be: the run adds and ends as usual, and nothing is kept.
        Directory.CreateDirectory(Path.GetDirectoryName(CacheFolder)!);
        File.WriteAllText(CacheFolder, "in the way");
        using (var store = OutlineStore.Open(GitFolder)!)
        {
            store.Add(Blob(Python), "python", Parse("app.py", Python));
            store.Add(Blob(CSharp), "csharp", Parse("C.cs", CSharp));
            Assert.Null(store.Find(Blob(Python), "python", "app.py"));
        }
        File.Delete(CacheFolder);
        using var next = OutlineStore.Open(GitFolder)!;
        Assert.Null(next.Find(Blob(Python), "python", "app.py"));
    }

    [Fact]
    public void Many_runs_leave_a_bounded_number_of_segments_and_keep_every_outline()
    {
        var texts = Enumerable.Range(0, 20).Select(i => $"def f{i}():\n    return {i}\n").ToList();
        foreach (var text in texts)
        {
            using var store = OutlineStore.Open(GitFolder)!;
            store.Add(Blob(text), "python", Parse("m.py", text));
        }
        Assert.InRange(Directory.GetFiles(CacheFolder, "seg-*").Length, 1, 8);
        Assert.Empty(Directory.GetFiles(CacheFolder, "tmp-*"));
        using var reader = OutlineStore.Open(GitFolder)!;
        Assert.All(texts, (text, i) => Assert.Equal($"f{i}", reader.Find(Blob(text), "python", "m.py")?.Symbols.Single().Name));
    }

    [Fact]
    public void Concurrent_runs_each_add_their_outlines_and_none_is_lost_or_torn()
    {
        var texts = Enumerable.Range(0, 12).Select(i => $"def g{i}():\n    return {i}\n").ToList();
        Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = 6 }, text =>
        {
            using var store = OutlineStore.Open(GitFolder)!;
            // Each run also reads, while others write and merge segments.
            store.Find(Blob(texts[0]), "python", "m.py");
            store.Add(Blob(text), "python", Parse("m.py", text));
        });
        using var reader = OutlineStore.Open(GitFolder)!;
        Assert.All(texts, (text, i) => Assert.Equal($"g{i}", reader.Find(Blob(text), "python", "m.py")?.Symbols.Single().Name));
    }

    [Fact]
    public void The_cache_folder_is_per_build_and_can_be_switched_off()
    {
        // The engine's version and build identity, as one folder name.
        Assert.Matches("^[0-9][A-Za-z0-9._-]*-[0-9a-f]{12}$", OutlineStore.BuildVersion);
        Environment.SetEnvironmentVariable("SPECMAP_CACHE", "0");
        try
        {
            Assert.Null(OutlineStore.Open(GitFolder));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPECMAP_CACHE", null);
        }
    }

    private static string Blob(string text) => GitBlobId.Of(System.Text.Encoding.UTF8.GetBytes(text));

    private static SourceOutline Parse(string path, string text) => Outliners.Shared.For(path)!.Outline(path, text);
}
