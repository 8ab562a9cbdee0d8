using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Hostile;

/// <summary>Issue 14 §1, §5, §6: a reference is read only inside the tree it names, within a budget, and says when it is not.</summary>
public sealed class RepositoryEscapeTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "specmap-tests", "outside-" + Guid.NewGuid().ToString("N")[..8]);

    public RepositoryEscapeTests()
    {
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.py"), "def secret():\n    pass\n");
        _repo.Write("src/app.py", "def f():\n    pass\n");
    }

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private Diagnostic Only(string reference, string? against = null, string extra = "")
    {
        _repo.Write("map.json", $$"""{ {{extra}} "impl": "{{reference}}" }""");
        var report = RunBounded(() => new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"], Against: against)));
        return Assert.Single(report.AllDiagnostics);
    }

    /// <summary>Every read here must finish: a FIFO or /dev/zero would hang or exhaust memory.</summary>
    private static ValidationReport RunBounded(Func<ValidationReport> run)
    {
        var task = Task.Run(run);
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), "validate hung");
        return task.Result;
    }

    [Fact]
    public void A_folder_link_out_of_the_work_tree_is_SMV0003_for_every_file_below_it()
    {
        File.CreateSymbolicLink(_repo.PathOf("outdir"), _outside);
        var diagnostic = Only("outdir/secret.py:1-2");
        Assert.Equal(RuleIds.LeavesRepository, diagnostic.Id);
        Assert.Contains("passes through the symbolic link 'outdir'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_committed_folder_link_to_etc_is_SMV0003_in_the_work_tree_and_in_the_commit()
    {
        File.CreateSymbolicLink(_repo.PathOf("etcdir"), "/etc");
        _repo.Write("map.json", "{}").Commit();
        Assert.Equal(RuleIds.LeavesRepository, Only("etcdir/passwd:1").Id);
        Assert.Equal(RuleIds.LeavesRepository, Only("etcdir/hostname.py:1").Id);
        _repo.Commit();
        Assert.Equal(RuleIds.LeavesRepository, Only("etcdir/passwd:1", against: "HEAD").Id);
    }

    [Fact]
    public void A_link_that_stays_inside_is_followed()
    {
        File.CreateSymbolicLink(_repo.PathOf("alias"), "src");
        _repo.Write("map.json", """{ "impl": "alias/app.py:1-2" }""");
        Assert.Empty(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).AllDiagnostics);
    }

    [Theory]
    [InlineData(".git/config:1")]
    [InlineData("src/../.git/HEAD:1")]
    [InlineData(".GIT/config.py:1")]
    public void Git_s_own_store_is_never_a_target(string reference)
    {
        _repo.Commit();
        Assert.Equal(RuleIds.LeavesRepository, Only(reference).Id);
    }

    [Fact]
    public void A_docs_root_leaving_the_repository_is_SMV0003()
    {
        Directory.CreateDirectory(Path.Combine(_outside, "docs"));
        File.WriteAllText(Path.Combine(_outside, "guide.md"), "# Guide\n");
        var diagnostic = Only("guide.md#guide", extra: "\"docs_root\": \"../" + Path.GetFileName(_outside) + "\",");
        Assert.Equal(RuleIds.LeavesRepository, diagnostic.Id);
        Assert.Contains("docs_root", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("devdir/zero:1")]
    [InlineData("devdir/urandom:1")]
    [InlineData("devdir/zero.py#x")]
    public void A_folder_link_to_dev_neither_hangs_nor_reads(string reference)
    {
        File.CreateSymbolicLink(_repo.PathOf("devdir"), "/dev");
        Assert.Equal(RuleIds.LeavesRepository, Only(reference).Id);
    }

    [Fact]
    public void A_fifo_in_the_repository_is_never_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        System.Diagnostics.Process.Start("mkfifo", [_repo.PathOf("fifo.py")])!.WaitForExit();
        // Size 0 by stat, so never opened: an empty file, whose symbol is not there.
        Assert.Equal(RuleIds.SymbolNotFound, Only("fifo.py#x").Id);
        // Given as the mapping, it reads as empty instead of blocking.
        var result = CliRunner.Run(_repo.Root, "validate", "fifo.py");
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_checked_and_says_why()
    {
        using (var big = File.Create(_repo.PathOf("src/huge.py")))
        {
            big.SetLength(17L * 1024 * 1024);
        }
        var diagnostic = Only("src/huge.py:1-2");
        Assert.Equal(RuleIds.FileNotChecked, diagnostic.Id);
        Assert.Contains("over the 16 MiB limit", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_files_and_LFS_pointers_are_not_checked_and_say_why()
    {
        File.WriteAllBytes(_repo.PathOf("src/blob.py"), [0x64, 0x65, 0x66, 0x00, 0x0A]);
        _repo.Write("src/model.py", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n");
        Assert.Contains("binary", Only("src/blob.py:1").Message, StringComparison.Ordinal);
        var lfs = Only("src/model.py#Model");
        Assert.Equal(RuleIds.FileNotChecked, lfs.Id);
        Assert.Contains("Git LFS pointer", lfs.Message, StringComparison.Ordinal);
        _repo.Commit();
        Assert.Contains("Git LFS pointer", Only("src/model.py#Model", against: "HEAD").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_python_file_is_decoded_by_its_coding_line()
    {
        var latin1 = System.Text.Encoding.Latin1.GetBytes("# -*- coding: latin-1 -*-\ndef caf\u00e9():\n    pass\n");
        File.WriteAllBytes(_repo.PathOf("src/menu.py"), latin1);
        _repo.Write("map.json", """{ "impl": "src/menu.py#café" }""");
        Assert.Empty(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).AllDiagnostics);
    }

    [Fact]
    public void A_sparse_checkout_reads_files_outside_the_cone_from_the_index()
    {
        _repo.Write("map.json", """{ "impl": "src/app.py#f" }""").Commit();
        // What `git sparse-checkout set docs` leaves: the flag on, the file gone from disk, the index keeping it.
        _repo.Repository.Config.Set("core.sparseCheckout", true);
        _repo.Delete("src/app.py");
        Assert.Empty(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).AllDiagnostics);
    }

    [Fact]
    public void A_bare_repository_checked_against_a_commit_finds_the_mappings_in_that_commit()
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", """{ "impl": "src/app.py#nope" }""").Commit();
        var bare = Path.Combine(_outside, "bare.git");
        LibGit2Sharp.Repository.Clone(_repo.Root, bare, new LibGit2Sharp.CloneOptions { IsBare = true });
        var result = CliRunner.Run(_outside, "validate", "--repo", "bare.git", "--against", "HEAD");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SMV0107", result.Stdout, StringComparison.Ordinal);
        // --fix has no file to write there: it must not write into the git folder.
        CliRunner.Run(_outside, "validate", "--repo", "bare.git", "--against", "HEAD", "--fix");
        Assert.False(File.Exists(Path.Combine(bare, "SPEC_TO_CODE_MAPPING.json")));
    }
}
