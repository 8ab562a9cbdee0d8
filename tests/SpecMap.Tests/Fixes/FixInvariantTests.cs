using System.Runtime.CompilerServices;
using System.Text.Json;
using SpecMap.Cli.Demo;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>
/// `--fix` never loses tracking (issue 11, point 7), as a property over fixture repositories: validation after `--fix`
/// at the same commit gives every reference the target it had before, every relocation that was fixed is now ok, and a
/// second `--fix` changes nothing.
/// </summary>
public sealed class FixInvariantTests : IDisposable
{
    private readonly List<string> _folders = [];
    private readonly List<TestRepository> _repositories = [];

    public void Dispose()
    {
        foreach (var repository in _repositories)
        {
            repository.Dispose();
        }
        foreach (var folder in _folders)
        {
            TempFolder.Delete(folder);
        }
    }

    public static TheoryData<string> Fixtures() =>
        ["demo", "crlf-bom-comments", "lf-final-newline", "list-part-moved-to-another-file", "lost-lines-and-shifted", "merged-feature", "renamed-and-moved"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fix_keeps_every_target_and_makes_the_fixed_references_ok(string fixture) =>
        AssertFixKeepsTracking(Build(fixture));

    [BenchBundlesFact]
    public void Fix_keeps_tracking_on_the_flask_end_to_end_mapping() => AssertFixKeepsTracking(BenchMapping("flask"));

    [BenchBundlesFact]
    public void Fix_keeps_tracking_on_the_humanizer_end_to_end_mapping() => AssertFixKeepsTracking(BenchMapping("humanizer"));

    /// <summary>An end-to-end benchmark mapping (bench/e2e), copied out, on a bare clone of its relocation bundle.</summary>
    private ValidationRequest BenchMapping(string repo)
    {
        var bench = BenchE2e();
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(bench, "truth", repo + ".json")));
        var clone = BenchBundles.CloneBare(repo + ".bundle");
        _folders.Add(clone);
        var outside = NewFolder();
        File.Copy(Path.Combine(bench, "mappings", repo + ".json"), Path.Combine(outside, "map.json"));
        return new ValidationRequest(outside, ["map.json"], Repo: clone, Against: truth.RootElement.GetProperty("new").GetString());
    }

    private static void AssertFixKeepsTracking(ValidationRequest request)
    {
        var before = new Validator().Validate(request);
        var session = new FixSession(before.Repository);
        var plans = session.Plan(before);
        foreach (var plan in plans)
        {
            Assert.NotEqual(FixWriteOutcome.Failed, session.Write(plan).Outcome);
        }
        var after = new Validator().Validate(request);
        Assert.Equal(before.Mappings.Length, after.Mappings.Length);
        for (var m = 0; m < before.Mappings.Length; m++)
        {
            var now = Keyed(after.Mappings[m].References);
            var fixedPointers = plans[m].Fixed.Where(d => RuleCatalog.Get(d.Id).IsRelocation).Select(d => d.Pointer).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, was) in Keyed(before.Mappings[m].References))
            {
                Assert.True(now.TryGetValue(key, out var result), $"{key} is no longer read as a reference");
                // A single line stays a single line (`:85` fixed to `:6`, the declaration line of the class it stood for): the
                // same place when it starts where the target did.
                var single = was.Reference.Start is { } s && s == was.Reference.End;
                Assert.True(single && was.Target is { } t && result!.Target is { } u ? (t.File, t.Start) == (u.File, u.Start) : Place(was.Target) == Place(result!.Target),
                    $"{key} ({was.Reference.Original}): {Place(was.Target)} before --fix, {Place(result.Target)} after ({string.Join("; ", result.Outcome.Findings.Select(f => f.Message))})");
                if (fixedPointers.Contains(was.Reference.Pointer) && was.Status == ReferenceStatus.Relocated)
                {
                    Assert.True(result.Status == ReferenceStatus.Ok,
                        $"{key} was fixed but is {result.Status}: {string.Join("; ", result.Outcome.Findings.Select(f => f.Message))}");
                }
            }
        }
        // Twice is byte-identical.
        var again = new Validator().Validate(request);
        Assert.All(new FixSession(again.Repository).Plan(again), plan => Assert.False(plan.Changed, UnifiedDiff.Render("map", plan.OldText, plan.Edits)));
    }

    /// <summary>Each reference by its place in the mapping: pointer, part, and which of the references joined in that
    /// string it is. Not the offset of the joined one: rewriting `ByteRate.cs:6` to `:11` moves the next one along.</summary>
    private static Dictionary<(string Pointer, int Part, int Joined), ReferenceResult> Keyed(IEnumerable<ReferenceResult> references) =>
        references.GroupBy(r => (r.Reference.Pointer, r.Reference.Part))
            .SelectMany(g => g.OrderBy(r => r.Reference.SegmentStart).Select((r, i) => (Key: (g.Key.Pointer, g.Key.Part, i), Result: r)))
            .ToDictionary(e => e.Key, e => e.Result);

    private static (string File, int Start, int End)? Place(ResolvedTarget? target) =>
        target is null ? null : (target.File, target.Start, target.End);

    private ValidationRequest Build(string fixture)
    {
        if (fixture == "demo")
        {
            var root = DemoRepository.Create(NewFolder());
            return new ValidationRequest(root, [DemoRepository.MappingPath]);
        }
        var repo = TestRepository.Create();
        _repositories.Add(repo);
        switch (fixture)
        {
            case "crlf-bom-comments" or "lf-final-newline":
                SnapshotRepositories.Validate(repo, fixture, File.ReadAllBytes(SnapshotPath($"{fixture}.input.json")));
                break;
            case "list-part-moved-to-another-file":
                // One string, two parts: `delete` moves to b.py (that part cannot be written without the other), `create`
                // shifts; another reference shifts and could be fixed alone.
                repo.Write("a.py", Functions("create", "delete", "update")).Write("map.json", """
                    { "both": "a.py:1-2, 5-6", "update": "a.py:9-10" }
                    """);
                repo.Commit("code and mapping");
                repo.Write("a.py", "import os\n\n\n" + Functions("create", "update")).Write("b.py", Functions("delete")).Commit("split");
                break;
            case "lost-lines-and-shifted":
                repo.Write("a.py", Functions("create", "delete", "update")).Write("map.json", """
                    { "gone": "a.py:5-6", "update": { "file": "a.py", "lines": "9-10" } }
                    """);
                repo.Commit("code and mapping");
                repo.Write("a.py", "import os\n\n\n" + Functions("create", "update")).Commit("delete it");
                break;
            case "merged-feature":
                GitProcess.Run(repo.Root, null, "checkout", "-q", "-b", "main");
                repo.Write("a.py", Functions("create", "delete")).Write("map.json", """{ "del": "a.py:5-6" }""").Commit("initial");
                GitProcess.Run(repo.Root, null, "checkout", "-q", "-b", "feature");
                repo.Write("a.py", Functions("create", "delete", "update")).Write("map.json", """{ "del": "a.py:5-6", "upd": "a.py:9-10#update" }""").Commit("feature");
                GitProcess.Run(repo.Root, null, "checkout", "-q", "main");
                repo.Write("a.py", "import os\n\n\n" + Functions("create", "delete")).Commit("main moves code");
                Assert.Equal(0, GitProcess.Run(repo.Root, null, "merge", "-q", "--no-ff", "-m", "merge", "feature").ExitCode);
                break;
            case "renamed-and-moved":
                repo.Write("src/a.py", Functions("create", "delete")).Write("src/c.py", Functions("other")).Write("map.json", """
                    { "create": "src/a.py:1-2#create", "delete": { "file": "src/a.py", "line": 5 }, "other": "c.py:1-2" }
                    """);
                repo.Commit("code and mapping");
                repo.Move("src/a.py", "src/api/a.py").Write("src/api/a.py", "# moved\n" + Functions("create", "delete"))
                    .Write("src/c.py", "\n\n" + Functions("other")).Commit("rename");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fixture), fixture, "no such fixture");
        }
        return new ValidationRequest(repo.Root, [fixture is "crlf-bom-comments" or "lf-final-newline" ? SnapshotRepositories.MappingPath : "map.json"]);
    }

    /// <summary>bench/e2e of the checkout these tests were built from.</summary>
    private static string BenchE2e()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "bench", "e2e", "mappings")))
            {
                return Path.Combine(folder.FullName, "bench", "e2e");
            }
        }
        throw new InvalidOperationException("bench/e2e was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Two-line functions, two blank lines apart: the first at 1-2, the second at 5-6, the third at 9-10.</summary>
    private static string Functions(params string[] names) =>
        string.Join("\n\n", names.Select(n => $"def {n}(request):\n    return request\n"));

    private static string SnapshotPath(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Snapshots", name);

    private string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "specmap-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }
}

/// <summary>A fact skipped, with the reason, when the relocation bundles are not here.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BenchBundlesFactAttribute : FactAttribute
{
    public BenchBundlesFactAttribute()
    {
        if (!BenchBundles.Has("flask.bundle") || !BenchBundles.Has("humanizer.bundle"))
        {
            Skip = "the relocation bundles are not here: set SPECMAP_BENCH_DIR to shared/bench/reloc";
        }
    }
}
