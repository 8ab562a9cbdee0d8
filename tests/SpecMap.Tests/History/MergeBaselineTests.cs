using SpecMap.Core.Diagnostics;
using SpecMap.Core.History;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.History;

/// <summary>
/// Which commit a mapping's lines belong to when it reached the branch through a merge (issue 11, point 2): the commit
/// that wrote that content of the mapping, not the merge. Real branches and merges made with the git program.
/// </summary>
public sealed class MergeBaselineTests : IDisposable
{
    // create at 1-2, delete at 5-6.
    private const string Code = "def create(request):\n    return request\n\n\ndef delete(request):\n    return None\n";
    private const string Update = "\n\ndef update(request):\n    return request\n";
    private const string Header = "import os\nimport sys\n\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public MergeBaselineTests()
    {
        Git("checkout", "-q", "-b", "main");
        _repo.Write("a.py", Code).Write("map.json", """{ "del": "a.py:5-6" }""");
        Commit("initial");
    }

    public void Dispose() => _repo.Dispose();

    /// <summary>On `feature`: adds `update` (lines 9-10) and maps it; on main meanwhile: three lines above everything.</summary>
    private string Diverge()
    {
        Git("checkout", "-q", "-b", "feature");
        _repo.Write("a.py", Code + Update).Write("map.json", """{ "del": "a.py:5-6", "upd": "a.py:9-10" }""");
        var written = Commit("feature: update and its mapping");
        Git("checkout", "-q", "main");
        _repo.Write("a.py", Header + Code);
        Commit("main: header");
        return written;
    }

    [Fact]
    public void A_no_ff_merge_takes_the_lines_from_the_feature_commit_that_wrote_the_mapping()
    {
        var written = Diverge();
        Git("merge", "-q", "--no-ff", "-m", "merge feature", "feature");
        Assert.Equal(Header + Code + Update, _repo.Read("a.py"));

        Assert.Equal(written, Baseline.Find(_repo.Git, null, "map.json").CommitId);
        var report = EngineRun.Validate(_repo, "map.json");
        Assert.Equal(written, report.VerifiedAt);
        // Read at the feature commit and followed to HEAD: delete is now at 8-9, update at 12-13.
        Assert.Equal(new ResolvedTarget("a.py", 8, 9, "delete"), Target(report, "/del"));
        Assert.Equal(new ResolvedTarget("a.py", 12, 13, "update"), Target(report, "/upd"));

        // --fix writes those lines (not the merge's lines 5-6 and 9-10, which hold other code).
        Assert.True(CliRunner.Run(_repo.Root, "validate", "map.json", "--fix").ExitCode is 0, "fix");
        Assert.Contains("\"a.py:8-9\"", _repo.Read("map.json"), StringComparison.Ordinal);
        Assert.Contains("\"a.py:12-13\"", _repo.Read("map.json"), StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(_repo.Root, "validate", "map.json").ExitCode);
    }

    [Fact]
    public void A_merge_that_resolved_the_mapping_by_hand_wrote_it()
    {
        Diverge();
        Git("checkout", "-q", "main");
        // Main edits the mapping too, so the merge must write its own content.
        _repo.Write("map.json", """{ "del": "a.py:8-9" }""");
        Commit("main: mapping");
        Assert.NotEqual(0, Git(["merge", "-q", "--no-ff", "-m", "merge feature", "feature"], check: false).ExitCode);
        _repo.Write("map.json", """{ "del": "a.py:8-9", "upd": "a.py:12-13" }""");
        Git("add", "-A");
        Git("commit", "-q", "--no-edit");
        var merge = Git("rev-parse", "HEAD").Stdout.Trim();

        Assert.Equal(merge, Baseline.Find(_repo.Git, null, "map.json").CommitId);
        var report = EngineRun.Validate(_repo, "map.json");
        Assert.Equal(ReferenceStatus.Ok, report.References.Single(r => r.Reference.Pointer == "/upd").Status);
    }

    [Fact]
    public void A_fast_forward_takes_the_branch_commit_that_wrote_the_mapping()
    {
        Git("checkout", "-q", "-b", "feature");
        _repo.Write("a.py", Code + Update).Write("map.json", """{ "del": "a.py:5-6", "upd": "a.py:9-10" }""");
        var written = Commit("feature: update and its mapping");
        _repo.Write("a.py", Header + Code + Update);
        Commit("feature: header");
        Git("checkout", "-q", "main");
        Git("merge", "-q", "--ff-only", "feature");

        Assert.Equal(written, Baseline.Find(_repo.Git, null, "map.json").CommitId);
        var report = EngineRun.Validate(_repo, "map.json");
        Assert.Equal(new ResolvedTarget("a.py", 12, 13, "update"), Target(report, "/upd"));
    }

    [Fact]
    public void A_squash_commit_writes_the_mapping_itself()
    {
        Diverge();
        Git("merge", "-q", "--squash", "feature");
        var squash = Commit("squash feature");

        // One parent, another blob: the squash commit wrote this content (what the lines were written against is gone).
        Assert.Equal(squash, Baseline.Find(_repo.Git, null, "map.json").CommitId);
    }

    [Fact]
    public void A_mapping_changed_and_changed_back_is_read_at_the_commit_that_wrote_it_back()
    {
        var first = Git("rev-parse", "HEAD").Stdout.Trim();
        _repo.Write("map.json", """{ "del": "a.py:1-2" }""");
        Commit("wrong");
        _repo.Write("map.json", """{ "del": "a.py:5-6" }""");
        var back = Commit("back");
        _repo.Write("a.py", Header + Code);
        Commit("header");

        // Not reached without passing a change: the first commit had this content too, but the lines were written again.
        Assert.NotEqual(first, back);
        Assert.Equal(back, Baseline.Find(_repo.Git, null, "map.json").CommitId);
    }

    [Fact]
    public void A_walk_that_reaches_its_bound_says_so()
    {
        for (var i = 0; i < 4; i++)
        {
            _repo.Write("a.py", string.Concat(Enumerable.Repeat("# x\n", i + 1)) + Code);
            Commit($"code {i}");
        }
        var (_, commit, finding) = Baseline.Find(_repo.Git, null, "map.json", maxCommits: 2);
        Assert.Equal(RuleIds.HistoryWalkStopped, finding!.RuleId);
        Assert.Contains("within 2 commits", finding.Message, StringComparison.Ordinal);
        Assert.Contains(commit![..7], finding.Message, StringComparison.Ordinal);
        Assert.Null(Baseline.Find(_repo.Git, null, "map.json").Finding);
    }

    private static ResolvedTarget? Target(MappingReport report, string pointer) =>
        report.References.Single(r => r.Reference.Pointer == pointer).Target;

    private string Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Stdout.Trim();
    }

    private GitProcess.Result Git(params string[] args) => Git(args, check: true);

    private GitProcess.Result Git(string[] args, bool check)
    {
        var result = GitProcess.Run(_repo.Root, null, args);
        if (check)
        {
            Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)}: {result.Stdout}{result.Stderr}");
        }
        return result;
    }
}
