using System.Diagnostics;
using System.Text.Json;
using LibGit2Sharp;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Outline;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;
using Xunit.Abstractions;

namespace SpecMap.Tests.Resolution;

/// <summary>
/// The round-trip invariant (issue 11): every declaration the outliners emit is found again, at the same commit, by
/// the reference `path#qname(signature)` and by the reference `path:start-end`, each resolving to exactly that
/// declaration. A name that is not unique in its file (partial declarations, `@overload` stubs, a property's setter,
/// the same member in two `#if` branches) may be ambiguous, but then its candidates must include the declaration.
/// In process, over sampled commits and files of the benchmark bundles (fixed seed) and the hand-made corpus.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    private const int Seed = 11;

    [Fact]
    public void Every_declaration_of_the_corpus_is_found_again_by_its_name_and_by_its_lines()
    {
        var corpus = CorpusFolder();
        Assert.True(corpus is not null, "bench/roundtrip/corpus not found above the test binaries");
        using var repo = TestRepository.Create();
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(corpus, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            repo.Write(file, File.ReadAllText(Path.Combine(corpus, file)));
        }
        var commit = repo.Commit("corpus");
        var declarations = Declarations(new GitTreeSource(repo.Repository, repo.Repository.Lookup<Commit>(commit)), files);
        Assert.True(declarations.Count > 100, $"only {declarations.Count} declarations outlined in the corpus");
        Check(declarations, commit, mappingFolder: repo.Root, repoPath: null, "corpus");
    }

    [BenchBundleFact("flask.bundle")]
    public void Every_sampled_flask_declaration_is_found_again_by_its_name_and_by_its_lines() =>
        CheckBundle("flask.bundle", ".py", commits: 3, filesPerCommit: 25);

    [BenchBundleFact("humanizer.bundle")]
    public void Every_sampled_Humanizer_declaration_is_found_again_by_its_name_and_by_its_lines() =>
        CheckBundle("humanizer.bundle", ".cs", commits: 3, filesPerCommit: 60);

    private void CheckBundle(string bundle, string extension, int commits, int filesPerCommit)
    {
        var clone = BenchBundles.CloneBare(bundle);
        var mappings = Path.Combine(Path.GetTempPath(), "specmap-tests", "roundtrip-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(mappings);
        try
        {
            using var repository = new Repository(clone);
            var random = new Random(Seed);
            var history = repository.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repository.Branches["bench"].Tip, FirstParentOnly = true }).ToList();
            var sampled = new[] { history[0] }.Concat(history.Skip(1).OrderBy(_ => random.Next()).Take(commits - 1));
            var total = 0;
            foreach (var commit in sampled)
            {
                var tree = new GitTreeSource(repository, commit);
                var sources = tree.Paths.Where(p => p.EndsWith(extension, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                // Files with conditional code first (the outliner reads every branch of them), then a fixed sample.
                var conditional = sources.Where(p => tree.Read(p)?.Text.Contains("#if", StringComparison.Ordinal) == true).Take(filesPerCommit / 4).ToList();
                var files = conditional.Concat(sources.Except(conditional).OrderBy(_ => random.Next()).Take(filesPerCommit - conditional.Count))
                    .Order(StringComparer.Ordinal).ToList();
                var declarations = Declarations(tree, files);
                total += declarations.Count;
                Check(declarations, commit.Sha, mappings, clone, $"{bundle} {commit.Sha[..8]}");
            }
            Assert.True(total > 200, $"only {total} declarations outlined");
        }
        finally
        {
            TempFolder.Delete(mappings);
            TempFolder.Delete(clone);
        }
    }

    private sealed record Declaration(string File, OutlineSymbol Symbol, bool NameUnique)
    {
        public string SymbolReference => $"{File}#{Name}";

        public string Name => Symbol.QualifiedName + (Symbol.Signature is { } s && (s.StartsWith('(') || s.StartsWith('<')) ? s : string.Empty);
    }

    private static List<Declaration> Declarations(ISourceTree tree, List<string> files)
    {
        var outliners = new Outliners();
        var declarations = new List<Declaration>();
        foreach (var path in files)
        {
            if (tree.Read(path) is not { IsBinary: false } file || outliners.Outline(path, file.Text, file.BlobId) is not { } outline)
            {
                continue;
            }
            var symbols = outline.Symbols.Where(s => s.Kind != SymbolKinds.Heading).ToList();
            var names = symbols.Select(s => new Declaration(path, s, true).Name).CountBy(n => n).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            declarations.AddRange(symbols.Select(s => new Declaration(path, s, names[new Declaration(path, s, true).Name] == 1)));
        }
        return declarations;
    }

    /// <summary>Validates both references of every declaration in one mapping and asserts each found it exactly.</summary>
    private void Check(List<Declaration> declarations, string commit, string mappingFolder, string? repoPath, string what)
    {
        var mapping = Path.Combine(mappingFolder, "roundtrip.json");
        var items = declarations.SelectMany(d => new[] { d.SymbolReference, $"{d.File}:{d.Symbol.Start}-{d.Symbol.End}" })
            .Select(r => new Dictionary<string, string> { ["implementation"] = r });
        File.WriteAllText(mapping, JsonSerializer.Serialize(new Dictionary<string, object> { ["verified_at"] = commit, ["declarations"] = items }));
        var clock = Stopwatch.StartNew();
        var report = Assert.Single(new Validator().Validate(new ValidationRequest(mappingFolder, [mapping], Repo: repoPath, Against: repoPath is null ? null : commit)).Mappings);
        var byPointer = report.References.ToDictionary(r => r.Reference.Pointer, StringComparer.Ordinal);
        var failures = new List<string>();
        for (var i = 0; i < declarations.Count; i++)
        {
            var d = declarations[i];
            var bySymbol = $"/declarations/{2 * i}/implementation";
            var byLines = $"/declarations/{(2 * i) + 1}/implementation";
            failures.AddRange(Judge(d, d.SymbolReference, byPointer.GetValueOrDefault(bySymbol), report, bySymbol, nameForm: true));
            failures.AddRange(Judge(d, byLines, byPointer.GetValueOrDefault(byLines), report, byLines, nameForm: false));
        }
        output.WriteLine($"{what}: {declarations.Count} declarations, {2 * declarations.Count} references, {failures.Count} failed, validated in {clock.ElapsedMilliseconds} ms");
        Assert.True(failures.Count == 0, $"{what}: {failures.Count} of {2 * declarations.Count} references did not round-trip:\n" + string.Join('\n', failures.Take(30)));
    }

    private static IEnumerable<string> Judge(Declaration d, string written, ReferenceResult? result, MappingReport report, string pointer, bool nameForm)
    {
        var symbol = d.Symbol;
        if (result is null)
        {
            yield return $"{written}: not reported";
            yield break;
        }
        var target = result.Target;
        var exact = target is not null && target.File == d.File && target.Start == symbol.Start && target.End == symbol.End
            && (target.Symbol is null || target.Symbol == symbol.QualifiedName);
        if (result.Status == ReferenceStatus.Ok && exact)
        {
            yield break;
        }
        if (nameForm && !d.NameUnique && result.Status == ReferenceStatus.Ambiguous
            && report.Diagnostics.Any(x => x.Pointer == pointer && x.Id == RuleIds.Ambiguous
                && x.RelatedLocations.Contains(new CodeLocation(d.File, symbol.Start, symbol.End))))
        {
            yield break;
        }
        var at = target is null ? "no target" : $"{target.File}:{target.Start}-{target.End} {target.Symbol}";
        yield return $"{written} ({symbol.Kind}, lines {symbol.Start}-{symbol.End}{(d.NameUnique ? string.Empty : ", name not unique")}): {result.Status} at {at}";
    }

    private static string? CorpusFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "bench", "roundtrip", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A fact skipped (with the reason) when a benchmark bundle or git is missing.</summary>
internal sealed class BenchBundleFactAttribute : FactAttribute
{
    public BenchBundleFactAttribute(string bundle)
    {
        if (!BenchBundles.Has(bundle))
        {
            Skip = $"{bundle} of the relocation benchmark not found (set SPECMAP_BENCH_DIR)";
        }
        else if (!GitProcess.IsInstalled("git"))
        {
            Skip = "git is not on PATH";
        }
    }
}
