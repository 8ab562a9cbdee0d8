using SpecMap.Tests.Support;

namespace SpecMap.Tests.Hooks;

/// <summary>
/// The hooks for real: temp repositories made with the git program, commits through `git commit`, the plain git hook
/// and the pre-commit framework using this repository's `.pre-commit-hooks.yaml`. The validator is the built
/// specmap.dll (via $SPECMAP), so no test builds the clone. Hooks are bash scripts: these tests are for Unix.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HookTests : IDisposable
{
    private const string Mapping = """
        {
          "endpoints": {
            "GET /items": { "status": "implemented", "implementation": "src/items.py:1-2#list_items" }
          }
        }

        """;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "specmap-tests", "hook-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string> _environment;

    public HookTests()
    {
        Directory.CreateDirectory(_root);
        _environment = new Dictionary<string, string>
        {
            ["SPECMAP"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "specmap.dll")}",
            ["PRE_COMMIT_HOME"] = Path.Combine(_root, "pre-commit-home"),
            ["HOME"] = _root,
        };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // pre-commit's cache may hold read-only git objects; a temp folder left behind is harmless.
        }
    }

    /// <summary>The specmap checkout these tests were built from (holds hooks/ and .pre-commit-hooks.yaml).</summary>
    internal static string SourceRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, ".pre-commit-hooks.yaml")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("the specmap checkout was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Plain_git_hook_blocks_a_commit_that_breaks_a_reference_and_lets_others_pass()
    {
        var repo = NewProject("plain");
        InstallHook(repo);

        // A change to a referenced file that keeps the reference true passes.
        File.AppendAllText(Path.Combine(repo, "src", "items.py"), "\n# a comment\n");
        Git(repo, "add", "-A");
        var ok = Git(repo, "commit", "-m", "comment");
        Assert.True(ok.ExitCode == 0, ok.Stdout + ok.Stderr);

        // Deleting the referenced file is blocked, and the message names the reference.
        Git(repo, "rm", "-q", "src/items.py");
        var blocked = Git(repo, "commit", "-m", "delete");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains(": error SMV01", blocked.Stdout + blocked.Stderr, StringComparison.Ordinal);
        Assert.Contains("SPEC_TO_CODE_MAPPING.json(3,", blocked.Stdout + blocked.Stderr, StringComparison.Ordinal);
        Git(repo, "reset", "-q", "--hard");
    }

    [Fact]
    public void Plain_git_hook_judges_the_index_git_commits_with_commit_a()
    {
        var repo = NewProject("commit-a");
        InstallHook(repo);
        // Deleted in the work tree only: `commit -a` stages the deletion in a temporary index (GIT_INDEX_FILE).
        File.Delete(Path.Combine(repo, "src", "items.py"));
        var blocked = Git(repo, "commit", "-a", "-m", "delete");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains(": error SMV01", blocked.Stdout + blocked.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_git_hook_skips_without_running_specmap_when_nothing_relevant_is_staged()
    {
        var repo = NewProject("skip");
        InstallHook(repo);
        // A validator that always fails: a commit that passes proves it was not run.
        var failing = new Dictionary<string, string>(_environment) { ["SPECMAP"] = "false" };
        File.WriteAllText(Path.Combine(repo, "notes.txt"), "unrelated\n");
        Git(repo, "add", "-A");
        var skipped = GitProcess.Run(repo, null, failing, "commit", "-m", "notes");
        Assert.True(skipped.ExitCode == 0, skipped.Stdout + skipped.Stderr);
        // A staged change to a referenced file does run it.
        File.AppendAllText(Path.Combine(repo, "src", "items.py"), "# more\n");
        Git(repo, "add", "-A");
        Assert.NotEqual(0, GitProcess.Run(repo, null, failing, "commit", "-m", "items").ExitCode);
        // So does a staged change to a mapping, or to the configuration, whatever files it names.
        Git(repo, "reset", "-q");
        File.AppendAllText(Path.Combine(repo, "SPEC_TO_CODE_MAPPING.json"), "\n");
        Git(repo, "add", "SPEC_TO_CODE_MAPPING.json");
        Assert.NotEqual(0, GitProcess.Run(repo, null, failing, "commit", "-m", "mapping").ExitCode);
        Git(repo, "reset", "-q");
        File.WriteAllText(Path.Combine(repo, ".specmap.json"), "{}\n");
        Git(repo, "add", ".specmap.json");
        Assert.NotEqual(0, GitProcess.Run(repo, null, failing, "commit", "-m", "configuration").ExitCode);
    }

    [Fact]
    public void Plain_git_hook_with_fix_commits_lines_that_belong_to_the_new_commit()
    {
        var repo = NewProject("staged-fix");
        InstallHook(repo);
        // The hook runs `$SPECMAP validate --staged MAPPINGS`: a wrapper adds --fix, as a team that lets the hook fix would.
        var wrapper = Path.Combine(_root, "specmap-fix.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "specmap.dll")}' \"$@\" --fix\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var fixing = new Dictionary<string, string>(_environment) { ["SPECMAP"] = wrapper };
        var items = Path.Combine(repo, "src", "items.py");

        for (var round = 1; round <= 2; round++)
        {
            // Code moves down three lines in the commit; the hook fixes the staged mapping and stages it again.
            File.WriteAllText(items, "import os\n\n\n" + File.ReadAllText(items));
            Git(repo, "add", "-A");
            var commit = GitProcess.Run(repo, null, fixing, "commit", "-m", $"move {round}");
            Assert.True(commit.ExitCode == 0, commit.Stdout + commit.Stderr);

            var committed = Git(repo, "show", "HEAD:SPEC_TO_CODE_MAPPING.json").Stdout;
            var start = 1 + (3 * round);
            Assert.Contains($"\"src/items.py:{start}-{start + 1}#list_items\"", committed, StringComparison.Ordinal);
            // No verified_at naming the parent: the lines belong to the commit that wrote this content, the new one.
            Assert.DoesNotContain("verified_at", committed, StringComparison.Ordinal);
            Assert.Equal(string.Empty, Git(repo, "status", "--porcelain").Stdout.Trim());

            // The next run reads the lines at that commit: nothing to report, nothing to fix.
            var check = GitProcess.Run(repo, null, _environment, "show", "--stat", "HEAD");
            Assert.Contains("SPEC_TO_CODE_MAPPING.json", check.Stdout, StringComparison.Ordinal);
            var validate = CliRunner.Run(repo, "validate");
            Assert.True(validate.ExitCode == 0, validate.Stdout + validate.Stderr);
            Assert.Equal(0, CliRunner.Run(repo, "validate", "--staged").ExitCode);
        }
    }

    [PreCommitFact]
    public void Pre_commit_framework_runs_this_repositorys_hook()
    {
        var hookRepo = HookRepository();
        var repo = NewProject("framework");
        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"""
            repos:
              - repo: {hookRepo.Path}
                rev: {hookRepo.Commit}
                hooks:
                  - id: specmap

            """);
        Git(repo, "add", ".pre-commit-config.yaml");
        Assert.Equal(0, GitProcess.Run(repo, null, _environment, "pre-commit", "install").ExitCode);

        var passing = Git(repo, "commit", "-m", "use the specmap hook");
        Assert.True(passing.ExitCode == 0, passing.Stdout + passing.Stderr);
        Assert.Contains("specmap", passing.Stdout + passing.Stderr, StringComparison.Ordinal);

        // Only a deletion is staged: pre-commit passes no file name for it, yet the hook must run.
        Git(repo, "rm", "-q", "src/items.py");
        var blocked = Git(repo, "commit", "-m", "break the reference");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("Failed", blocked.Stdout + blocked.Stderr, StringComparison.Ordinal);
        Assert.Contains("SPEC_TO_CODE_MAPPING.json", blocked.Stdout + blocked.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Installs this checkout's plain git hook as the repository's pre-commit hook, executable as shipped.</summary>
    private static void InstallHook(string repo)
    {
        var shipped = Path.Combine(SourceRoot(), "hooks", "pre-commit");
        var hook = Path.Combine(repo, ".git", "hooks", "pre-commit");
        File.Copy(shipped, hook);
        File.SetUnixFileMode(hook, File.GetUnixFileMode(shipped));
    }

    /// <summary>A git repository with a mapping and the file it references, committed (hooks not yet installed).</summary>
    private string NewProject(string name)
    {
        var repo = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.Combine(repo, "src"));
        Git(repo, "init", "-q", "-b", "main");
        File.WriteAllText(Path.Combine(repo, "SPEC_TO_CODE_MAPPING.json"), Mapping);
        File.WriteAllText(Path.Combine(repo, "src", "items.py"), "def list_items():\n    return []\n");
        Git(repo, "add", "-A");
        Assert.Equal(0, Git(repo, "commit", "-q", "-m", "initial").ExitCode);
        return repo;
    }

    /// <summary>A repository holding this checkout's hook files (as they are now), committed: what `repo:` points at.</summary>
    private (string Path, string Commit) HookRepository()
    {
        var path = System.IO.Path.Combine(_root, "specmap-hook");
        Directory.CreateDirectory(System.IO.Path.Combine(path, "hooks"));
        File.Copy(System.IO.Path.Combine(SourceRoot(), ".pre-commit-hooks.yaml"), System.IO.Path.Combine(path, ".pre-commit-hooks.yaml"));
        var script = System.IO.Path.Combine(path, "hooks", "pre-commit");
        File.Copy(System.IO.Path.Combine(SourceRoot(), "hooks", "pre-commit"), script);
        Git(path, "init", "-q", "-b", "main");
        Git(path, "add", "-A");
        // The executable bit travels through git, as it does from the real repository.
        Git(path, "update-index", "--chmod=+x", "hooks/pre-commit");
        Git(path, "commit", "-q", "-m", "hook");
        return (path, Git(path, "rev-parse", "HEAD").Stdout.Trim());
    }

    private GitProcess.Result Git(string repo, params string[] args) => GitProcess.Run(repo, null, _environment, args);
}

/// <summary>A fact skipped, with the reason, when the pre-commit program is not installed (xunit 2 has no dynamic skip).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PreCommitFactAttribute : FactAttribute
{
    public PreCommitFactAttribute()
    {
        if (!GitProcess.IsInstalled("pre-commit"))
        {
            Skip = "pre-commit is not installed: apt-get install -y pre-commit (.ci/install.sh does it)";
        }
    }
}
