using System.Text.Json;
using LibGit2Sharp;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.History;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.History;

/// <summary>Which commit a mapping's lines belong to (contract §1), shallow clones (SMV0401) and `--against` in a bare repository.</summary>
public sealed class BaselineTests : IDisposable
{
    private const string Code = "def create(request):\n    return request\n\n\ndef delete(request):\n    return None\n";

    private readonly TestRepository _repo = TestRepository.Create();
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        _repo.Dispose();
        foreach (var folder in _folders)
        {
            Support.TempFolder.Delete(folder);
        }
    }

    private string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "specmap-tests", Guid.NewGuid().ToString("N")[..12]);
        _folders.Add(folder);
        return folder;
    }

    [Fact]
    public void Verified_at_names_the_baseline()
    {
        var first = _repo.Write("a.py", Code).Commit();
        _repo.Write("a.py", "# x\n" + Code).Commit();
        var (tree, commit, finding) = Baseline.Find(_repo.Git, first[..10], "map.json");
        Assert.Equal(first, commit);
        Assert.Null(finding);
        Assert.Equal(Code, tree!.Read("a.py")!.Text);
    }

    [Fact]
    public void Without_verified_at_the_last_commit_that_changed_the_mapping_is_the_baseline()
    {
        _repo.Write("a.py", Code).Commit();
        var mappingCommit = _repo.Write("map.json", "{}").Commit();
        _repo.Write("a.py", "# x\n" + Code).Commit();
        Assert.Equal(mappingCommit, Baseline.Find(_repo.Git, null, "map.json").CommitId);
        Assert.Equal(_repo.Repository.Head.Tip.Sha, Baseline.Find(_repo.Git, null, "untracked.json").CommitId);
        Assert.Equal(_repo.Repository.Head.Tip.Sha, Baseline.Find(_repo.Git, null, null).CommitId);
    }

    [Fact]
    public void An_unknown_verified_at_is_SMV0401_and_checks_continue_on_the_work_tree()
    {
        _repo.Write("a.py", Code).Write("map.json", """{ "verified_at": "0123456789abcdef0123456789abcdef01234567", "impl": "a.py:5-6#delete", "gone": "a.py#nothing" }""").Commit();
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        var warning = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.VerifiedAtUnknown);
        Assert.Equal("/verified_at", warning.Pointer);
        Assert.Equal(ReferenceStatus.Ok, mapping.References.Single(r => r.Reference.Pointer == "/impl").Status);
        Assert.Equal(ReferenceStatus.Lost, mapping.References.Single(r => r.Reference.Pointer == "/gone").Status);
    }

    [Fact]
    public void A_shallow_clone_without_the_verified_commit_reports_SMV0401()
    {
        var verified = _repo.Write("a.py", Code).Commit();
        _repo.Write("a.py", "# moved\n" + Code)
            .Write("map.json", $$"""{ "verified_at": "{{verified}}", "impl": "a.py:5-6#delete" }""").Commit();
        var clone = TempFolder();
        Git("clone", "-q", "--depth", "1", new Uri(_repo.Root).AbsoluteUri, clone);

        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(clone, ["map.json"])).Mappings);
        var warning = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.VerifiedAtUnknown);
        Assert.Contains("shallow", warning.Message, StringComparison.Ordinal);
        // Degraded to the work-tree check: the symbol is found in its file and the reference moved with it.
        var result = Assert.Single(mapping.References);
        Assert.Equal(new ResolvedTarget("a.py", 6, 7, "delete"), result.Target);
    }

    [Fact]
    public void A_bare_repository_is_checked_against_a_commit_with_the_mapping_outside()
    {
        var verified = _repo.Write("src/app.py", Code).Commit();
        var head = _repo.Move("src/app.py", "src/api/app.py").Write("src/api/app.py", "import os\n\n\n" + Code).Commit();
        var bare = TempFolder();
        Repository.Clone(_repo.Root, bare, new CloneOptions { IsBare = true });
        var outside = TempFolder();
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "map.json"), $$"""{ "verified_at": "{{verified}}", "impl": "src/app.py:5-6#delete" }""");

        var run = CliRunner.Run(outside, "validate", "map.json", "--repo", bare, "--against", head, "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var mapping = json.RootElement.GetProperty("mappings")[0];
        Assert.Equal(head, mapping.GetProperty("against").GetString());
        var reference = mapping.GetProperty("references")[0];
        Assert.Equal("relocated", reference.GetProperty("status").GetString());
        var target = reference.GetProperty("target");
        Assert.Equal(("src/api/app.py", 8, 9), (target.GetProperty("file").GetString(), target.GetProperty("start").GetInt32(), target.GetProperty("end").GetInt32()));
        Assert.Contains(mapping.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == RuleIds.FileRenamed);
    }

    private static void Git(params string[] args)
    {
        var git = GitProcess.Run(Path.GetTempPath(), null, args);
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {git.Stderr}");
    }
}
