using System.Diagnostics;
using System.Text.Json;
using LibGit2Sharp;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Python;
using SpecMap.Core.Sources;
using Xunit.Abstractions;

namespace SpecMap.Tests.Outline.Python;

/// <summary>The Python outliner against real code: every .py file of flask at commits across its history, and the benchmark's references.</summary>
public sealed class PythonCorpusTests(FlaskBundle flask, ITestOutputHelper output) : IClassFixture<FlaskBundle>
{
    private const int CommitsCompared = 8;
    private readonly PythonOutliner _outliner = new();

    [FlaskCorpusFact]
    public void Outline_equals_CPython_ast_on_every_py_file_at_eight_flask_commits()
    {
        var history = flask.FirstParentHistory();
        var picked = Enumerable.Range(0, CommitsCompared)
            .Select(k => history[k * (history.Count - 1) / (CommitsCompared - 1)])
            .ToList();
        var compared = 0;
        var skipped = 0;
        var symbols = 0;
        var mismatches = new List<string>();
        var texts = new List<string>();
        foreach (var commit in picked)
        {
            var files = PythonFiles(commit.Tree).ToList();
            var expected = PythonAst.Outline([.. files.Select(f => f.Bytes)]);
            var commitCompared = 0;
            for (var i = 0; i < files.Count; i++)
            {
                var (path, bytes, blobId) = files[i];
                if (expected[i] is not { } want)
                {
                    skipped++;
                    continue;
                }
                var text = SourceDecoding.Decode(path, bytes, blobId).Text;
                var outline = _outliner.Outline(path, text);
                texts.Add(text);
                var got = outline.Symbols.Select(PythonAst.Format).ToArray();
                compared++;
                commitCompared++;
                symbols += want.Length;
                if (!got.SequenceEqual(want))
                {
                    mismatches.Add($"{commit.Sha[..8]} {path}: {FirstDifference(want, got)}");
                }
            }
            output.WriteLine($"{commit.Sha[..8]} ({commit.Author.When:yyyy-MM-dd}): {commitCompared} files compared");
        }
        // Timed on a second pass, once the code is jitted, as it runs in a long validation.
        var clock = Stopwatch.StartNew();
        foreach (var text in texts)
        {
            _ = _outliner.Outline("x.py", text);
        }
        clock.Stop();
        output.WriteLine($"{compared} files compared ({symbols} symbols) at {picked.Count} commits; {skipped} skipped (ast cannot parse them: Python 2)");
        output.WriteLine($"outliner: {clock.Elapsed.TotalMilliseconds / Math.Max(1, compared):F3} ms a file ({clock.Elapsed.TotalMilliseconds:F0} ms in all)");
        Assert.True(compared >= 200, $"only {compared} files compared");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} files differ from ast:\n" + string.Join('\n', mismatches.Take(30)));
    }

    [FlaskFullHistoryFact]
    public void Outline_equals_CPython_ast_on_every_distinct_py_blob_in_flask_history()
    {
        // Every version of every .py file flask ever had (each blob once): the widest real-code check there is here.
        var files = new Dictionary<string, (string Path, byte[] Bytes)>(StringComparer.Ordinal);
        var seenTrees = new HashSet<ObjectId>();
        foreach (var commit in flask.Repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = flask.Repository.Branches["bench"] }))
        {
            CollectBlobs(commit.Tree, seenTrees, files);
        }
        var list = files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToList();
        var expected = PythonAst.Outline([.. list.Select(f => f.Bytes)]);
        var texts = list.Select(f => SourceDecoding.Decode(f.Path, f.Bytes, string.Empty).Text).ToList();
        var outlines = texts.Select((t, i) => _outliner.Outline(list[i].Path, t)).ToList();

        // Timed on the second pass, once the code is jitted, as it runs in a long validation.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < texts.Count; i++)
        {
            _ = _outliner.Outline(list[i].Path, texts[i]);
        }
        clock.Stop();

        var compared = 0;
        var skipped = 0;
        var mismatches = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            if (expected[i] is not { } want)
            {
                skipped++;
                continue;
            }
            compared++;
            var got = outlines[i].Symbols.Select(PythonAst.Format).ToArray();
            if (!got.SequenceEqual(want))
            {
                mismatches.Add($"{list[i].Path}: {FirstDifference(want, got)}");
            }
        }
        var totalChars = texts.Sum(t => (long)t.Length);
        output.WriteLine($"{list.Count} distinct .py blobs; {compared} compared, {skipped} skipped (ast cannot parse them: Python 2)");
        output.WriteLine($"outliner, warm: {clock.Elapsed.TotalMilliseconds / list.Count:F3} ms a file, " +
            $"{totalChars / 1e6 / clock.Elapsed.TotalSeconds:F1} M chars/s ({clock.Elapsed.TotalMilliseconds:F0} ms for {totalChars / 1e6:F1} M chars)");
        Assert.True(compared >= 2000, $"only {compared} files compared");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} files differ from ast:\n" + string.Join('\n', mismatches.Take(30)));
    }

    [FlaskCorpusFact]
    public void Outline_has_every_python_symbol_the_benchmark_records()
    {
        var cases = Path.Combine(FlaskBundle.BenchDirectory!, "cases.jsonl");
        var outlines = new Dictionary<(string Commit, string File), SourceOutline?>();
        var checkedCount = 0;
        var missing = new List<string>();
        foreach (var line in File.ReadLines(cases))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("lang").GetString() != "py")
            {
                continue;
            }
            var id = root.GetProperty("id").GetString();
            Check(id + " old", root.GetProperty("old").GetString()!, root.GetProperty("old_ref"));
            var truth = root.GetProperty("truth");
            if (truth.GetProperty("status").GetString() == "found")
            {
                Check(id + " new", root.GetProperty("new").GetString()!, truth);
            }
        }
        output.WriteLine($"{checkedCount} benchmark references checked, {missing.Count} not found");
        Assert.True(checkedCount >= 600, $"only {checkedCount} references checked");
        Assert.True(missing.Count == 0, string.Join('\n', missing.Take(30)));

        void Check(string what, string commitId, JsonElement reference)
        {
            checkedCount++;
            var file = reference.GetProperty("file").GetString()!;
            if (!outlines.TryGetValue((commitId, file), out var outline))
            {
                var commit = flask.Repository.Lookup<Commit>(commitId);
                outline = commit?[file]?.Target is Blob blob
                    ? _outliner.Outline(file, SourceDecoding.Decode(file, GitTreeSource.ReadAll(blob), blob.Sha).Text)
                    : null;
                outlines[(commitId, file)] = outline;
            }
            var want = $"{reference.GetProperty("kind").GetString()} {reference.GetProperty("qname").GetString()} " +
                $"{reference.GetProperty("start").GetInt32()} {reference.GetProperty("def_line").GetInt32()} {reference.GetProperty("end").GetInt32()}";
            if (outline is null || !outline.Symbols.Any(s => $"{s.Kind} {s.QualifiedName} {s.Start} {s.DefLine} {s.End}" == want))
            {
                var near = outline?.Symbols.Where(s => s.QualifiedName == reference.GetProperty("qname").GetString())
                    .Select(s => $"{s.Kind} {s.QualifiedName} {s.Start} {s.DefLine} {s.End}");
                missing.Add($"{what} {commitId[..8]} {file}: want [{want}], have [{string.Join("; ", near ?? ["no file"])}]");
            }
        }
    }

    private static void CollectBlobs(Tree tree, HashSet<ObjectId> seenTrees, Dictionary<string, (string Path, byte[] Bytes)> files)
    {
        if (!seenTrees.Add(tree.Id))
        {
            return;
        }
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                CollectBlobs((Tree)entry.Target, seenTrees, files);
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink
                && entry.Path.EndsWith(".py", StringComparison.Ordinal) && !files.ContainsKey(entry.Target.Sha))
            {
                files[entry.Target.Sha] = (entry.Path.Replace('\\', '/'), GitTreeSource.ReadAll((Blob)entry.Target));
            }
        }
    }

    private static IEnumerable<(string Path, byte[] Bytes, string BlobId)> PythonFiles(Tree tree)
    {
        foreach (var entry in tree)
        {
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                foreach (var file in PythonFiles((Tree)entry.Target))
                {
                    yield return file;
                }
            }
            else if (entry.TargetType == TreeEntryTargetType.Blob && entry.Mode != Mode.SymbolicLink
                && entry.Path.EndsWith(".py", StringComparison.Ordinal))
            {
                var blob = (Blob)entry.Target;
                yield return (entry.Path.Replace('\\', '/'), GitTreeSource.ReadAll(blob), blob.Sha);
            }
        }
    }

    private static string FirstDifference(string[] want, string[] got)
    {
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(nothing)";
            var g = i < got.Length ? got[i] : "(nothing)";
            if (w != g)
            {
                return $"symbol {i}: ast [{w}], ours [{g}]";
            }
        }
        return "same";
    }
}
