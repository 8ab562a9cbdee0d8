using SpecMap.Core.Diagnostics;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Hostile;

/// <summary>Issue 14 §4, §6: shallow clones say where their history ends (SMV0404) instead of passing silently, and a
/// work-tree file nobody may read neither crashes the run nor hides the rest.</summary>
public sealed class RepositoryShapeTests : IDisposable
{
    private const string Code = "def create(request):\n    return request\n\n\ndef delete(request):\n    return None\n";
    private const string Mapping = """{ "impl": "a.py:5-6" }""";

    private readonly TestRepository _repo = TestRepository.Create();
    private readonly string _clone = Path.Combine(Path.GetTempPath(), "specmap-tests", "clone-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        _repo.Dispose();
        TempFolder.Delete(_clone);
    }

    /// <summary>The mapping is written first; the code above its lines moves in later commits.</summary>
    private string[] History()
    {
        var written = _repo.Write("a.py", Code).Write("map.json", Mapping).Commit("mapping");
        var moved = _repo.Write("a.py", "# one\n# two\n" + Code).Commit("code moves");
        var later = _repo.Write("other.txt", "z\n").Commit("unrelated");
        return [written, moved, later];
    }

    private void ShallowClone(int depth)
    {
        var result = GitProcess.Run(Path.GetTempPath(), null, "clone", "-q", "--depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new Uri(_repo.Root).AbsoluteUri, _clone);
        Assert.True(result.ExitCode == 0, result.Stderr);
    }

    private static IReadOnlyList<Diagnostic> Validate(string root) =>
        Assert.Single(new Validator().Validate(new ValidationRequest(root, ["map.json"])).Mappings).Diagnostics;

    [Fact]
    public void A_shallow_clone_without_verified_at_says_where_its_history_ends()
    {
        var commits = History();
        // The whole history sees the move.
        Assert.Contains(Validate(_repo.Root), d => d.Id == RuleIds.SymbolShifted || d.Id == RuleIds.LinesChanged);

        ShallowClone(depth: 1);
        var diagnostics = Validate(_clone);
        var warning = Assert.Single(diagnostics, d => d.Id == RuleIds.ShallowHistory);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains($"shallow boundary at commit {commits[2][..7]}", warning.Message, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow", warning.Message, StringComparison.Ordinal);
        Assert.Contains("verified_at", warning.Message, StringComparison.Ordinal);
        Assert.Equal("/verified_at", warning.Pointer);
    }

    [Fact]
    public void A_shallow_clone_deep_enough_to_hold_the_writer_says_nothing()
    {
        _repo.Write("README.md", "# r\n").Commit("start");
        _repo.Write("a.py", Code).Write("map.json", """{ "impl": "a.py:1-2" }""").Commit("first mapping");
        History();
        // The clone's boundary is the first mapping: the walk ends on the change after it, not at the boundary.
        ShallowClone(depth: 4);
        Assert.True(File.Exists(Path.Combine(_clone, ".git", "shallow")), "the clone is not shallow");
        Assert.DoesNotContain(Validate(_clone), d => d.Id == RuleIds.ShallowHistory);
        Assert.Contains(Validate(_clone), d => d.Id == RuleIds.SymbolShifted || d.Id == RuleIds.LinesChanged);
    }

    [Fact]
    public void An_against_commit_missing_from_a_shallow_clone_hints_at_unshallowing()
    {
        var commits = History();
        ShallowClone(depth: 1);
        var result = CliRunner.Run(_clone, "validate", "map.json", "--against", commits[0]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the clone is shallow", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("git fetch --unshallow", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_sparse_checkout_neither_reports_nor_diffs_files_outside_the_cone_as_deleted()
    {
        var baseline = _repo.Write("src/app.py", "def f():\n    pass\n").Write("docs/guide.md", "# Guide\n")
            .Write("map.json", """{ "impl": "src/app.py#f", "lines": "src/app.py:1-2", "docs": "docs/guide.md#guide" }""").Commit();
        var sparse = GitProcess.Run(_repo.Root, null, "sparse-checkout", "set", "docs");
        Assert.True(sparse.ExitCode == 0, sparse.Stderr);
        Assert.False(File.Exists(_repo.PathOf("src/app.py")), "git left the file outside the cone on disk");

        Assert.Empty(Validate(_repo.Root));
        using var git = Core.Sources.GitRepository.Open(Path.Combine(_repo.Root, ".git"));
        var changes = Core.History.ChangedFiles.Compute(git, git.Commit(baseline)!, git.WorkTree());
        Assert.DoesNotContain("src/app.py", changes.Deleted);
    }

    /// <summary>libgit2 stops its work-tree diff at the first file it cannot open (LockedFileException), which needs a
    /// file whose stat no longer matches the index: same size, new time. The run needs the diff because a referenced
    /// file was renamed. Run as the real program, without the right to bypass file permissions when the tests run as root.</summary>
    [UnreadableFileFact]
    public void An_unreadable_unrelated_file_neither_crashes_nor_hides_the_rest()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _repo.Write("a.py", Code).Write("other.txt", "z\n").Write("map.json", Mapping).Commit();
        _repo.Move("a.py", "b.py").Stage();
        _repo.Write("other.txt", "Z\n");
        var other = _repo.PathOf("other.txt");
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddDays(1));
        _repo.Write("referenced.json", """{ "impl": "a.py:5-6", "secret": "other.txt:1" }""");
        File.SetUnixFileMode(other, UnixFileMode.None);
        try
        {
            var unrelated = UnreadableFileFactAttribute.Run(_repo.Root, "validate", "map.json");
            Assert.True(unrelated.ExitCode == 1, $"exit {unrelated.ExitCode}: {unrelated.Stderr}");
            Assert.DoesNotContain("internal error", unrelated.Stderr, StringComparison.Ordinal);
            Assert.Contains("SMV0104", unrelated.Stdout, StringComparison.Ordinal);
            Assert.Contains("renamed to 'b.py'", unrelated.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("other.txt", unrelated.Stdout, StringComparison.Ordinal);

            var referenced = UnreadableFileFactAttribute.Run(_repo.Root, "validate", "referenced.json");
            Assert.True(referenced.ExitCode == 1, $"exit {referenced.ExitCode}: {referenced.Stderr}");
            Assert.Contains("warning SMV0402: 'other.txt' is not checked, because it cannot be read", referenced.Stdout, StringComparison.Ordinal);
            Assert.Contains("SMV0104", referenced.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(other, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>
/// Runs the real program where a file with mode 000 cannot be read. As root, permissions do not bind (CAP_DAC_OVERRIDE),
/// so the program runs under `setpriv` with that capability and CAP_DAC_READ_SEARCH out of its bounding set; skipped,
/// saying why, on Windows (no mode bits) and where root cannot drop them.
/// </summary>
internal sealed class UnreadableFileFactAttribute : FactAttribute
{
    private static readonly string[] DropOverride = ["--bounding-set=-dac_override,-dac_read_search"];

    public UnreadableFileFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "file modes do not make a file unreadable on Windows";
        }
        else if (Environment.IsPrivilegedProcess && !CanDropOverride())
        {
            Skip = "the tests run as root, where chmod 000 does not stop reads, and `setpriv --bounding-set=-dac_override,-dac_read_search` is not available to drop that right";
        }
    }

    public static CliRunner.Result Run(string workingDirectory, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "specmap.dll");
        return Environment.IsPrivilegedProcess
            ? CliRunner.RunProgram(workingDirectory, "setpriv", [.. DropOverride, "dotnet", dll, .. args])
            : CliRunner.RunProcess(workingDirectory, args);
    }

    private static bool CanDropOverride()
    {
        if (!GitProcess.IsInstalled("setpriv"))
        {
            return false;
        }
        try
        {
            return CliRunner.RunProgram(Path.GetTempPath(), "setpriv", [.. DropOverride, "true"]).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
