using System.Text;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>`specmap validate --fix / --diff / --staged` end to end: the real program on real repositories.</summary>
public sealed class FixCommandTests
{
    private const string Code = "def list_items():\n    return []\n";

    /// <summary>A mapping in the team's own style: CRLF, a BOM, comments, trailing commas, tabs, no final newline.</summary>
    private const string StyledMapping =
        "\uFEFF{\r\n\t// kept as written\r\n\t\"items\": {\r\n\t\t\"GET /items\": { \"implementation\": \"src/items.py:1-2#list_items\", },\r\n\t},\r\n}";

    private static void WriteBytes(TestRepository repo, string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(repo.PathOf(path))!);
        File.WriteAllBytes(repo.PathOf(path), new UTF8Encoding(false).GetBytes(text));
    }

    [Fact]
    public void Fix_records_verified_at_preserving_every_other_byte_and_is_idempotent()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        WriteBytes(repo, "SPEC_TO_CODE_MAPPING.json", StyledMapping);
        var head = repo.Commit("initial");

        var first = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var expected = StyledMapping.Replace("\t\"items\"", $"\t\"verified_at\": \"{head}\",\r\n\t\"items\"", StringComparison.Ordinal);
        Assert.Equal(new UTF8Encoding(false).GetBytes(expected), File.ReadAllBytes(repo.PathOf("SPEC_TO_CODE_MAPPING.json")));
        Assert.Contains("recorded verified_at", first.Stderr, StringComparison.Ordinal);

        var before = File.GetLastWriteTimeUtc(repo.PathOf("SPEC_TO_CODE_MAPPING.json"));
        var second = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(new UTF8Encoding(false).GetBytes(expected), File.ReadAllBytes(repo.PathOf("SPEC_TO_CODE_MAPPING.json")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(repo.PathOf("SPEC_TO_CODE_MAPPING.json")));
        Assert.DoesNotContain("specmap: SPEC_TO_CODE_MAPPING.json:", second.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_prints_a_patch_git_applies_and_changes_nothing()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        WriteBytes(repo, "maps/api.specmap.json", StyledMapping);
        var head = repo.Commit("initial");

        var diff = CliRunner.Run(repo.Root, "validate", "--diff");
        Assert.Equal(0, diff.ExitCode);
        Assert.Equal(new UTF8Encoding(false).GetBytes(StyledMapping), File.ReadAllBytes(repo.PathOf("maps/api.specmap.json")));
        Assert.StartsWith("diff --git a/maps/api.specmap.json b/maps/api.specmap.json\n", diff.Stdout, StringComparison.Ordinal);
        Assert.Contains($"+\t\"verified_at\": \"{head}\",\r\n", diff.Stdout, StringComparison.Ordinal);

        var check = GitProcess.Run(repo.Root, diff.Stdout, "apply", "--check", "-");
        Assert.True(check.ExitCode == 0, check.Stderr);
        Assert.Equal(0, GitProcess.Run(repo.Root, diff.Stdout, "apply", "-").ExitCode);
        // What git applied is what --fix would have written: a second --diff finds nothing left.
        var again = CliRunner.Run(repo.Root, "validate", "--diff");
        Assert.Equal(string.Empty, again.Stdout);
    }

    [Fact]
    public void Fix_exits_1_while_an_error_remains_and_then_leaves_verified_at_alone()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{\n  \"a\": \"src/items.py:1-2#list_items\",\n  \"b\": \"src/gone.py:1-2#f\"\n}\n");
        repo.Commit("initial");
        var result = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SMV0101", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("verified_at", repo.Read("SPEC_TO_CODE_MAPPING.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_fix_moves_verified_at_so_a_second_fix_changes_nothing()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code + "\n\ndef get_item():\n    return 1\n");
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{\n  \"a\": \"src/items.py:1-2#list_items\",\n  \"b\": \"src/items.py:5-6#get_item\"\n}\n");
        repo.Commit("initial");
        repo.Write("src/items.py", "# header\n\n" + Code);
        var head = repo.Commit("shift and delete");
        var first = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(1, first.ExitCode);
        var afterFirst = repo.Read("SPEC_TO_CODE_MAPPING.json");
        Assert.Contains("src/items.py:3-4#list_items", afterFirst, StringComparison.Ordinal);
        Assert.Contains($"\"verified_at\": \"{head}\"", afterFirst, StringComparison.Ordinal);
        var second = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(afterFirst, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        Assert.Matches(@"\(4,8\): error SMV010[127]", second.Stdout);
    }

    [Fact]
    public void A_lost_lines_only_reference_is_pinned_to_its_symbol_so_moving_verified_at_cannot_launder_it()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", "def list_items():\n    return []\n\n\ndef get_item(item_id):\n    return DATABASE.lookup(item_id, default=None)\n");
        repo.Write("SPEC_TO_CODE_MAPPING.json",
            "{\n  \"a\": \"src/items.py:1-2#list_items\",\n  \"b\": \"src/items.py:5-6\",\n  \"c\": { \"file\": \"src/items.py\", \"lines\": \"5-6\" }\n}\n");
        repo.Commit("initial");
        // get_item is deleted and other code now sits at lines 5-6: read at the new commit, "5-6" would look fine.
        repo.Write("src/items.py", "# header\n\ndef list_items():\n    return []\n\ndef shutdown():\n    raise SystemExit(0)\n");
        repo.Commit("delete get_item");
        Assert.Equal(1, CliRunner.Run(repo.Root, "validate", "--fix").ExitCode);
        var fixedText = repo.Read("SPEC_TO_CODE_MAPPING.json");
        Assert.Contains("\"src/items.py:5-6#get_item\"", fixedText, StringComparison.Ordinal);
        Assert.Contains("{ \"file\": \"src/items.py\", \"symbol\": \"get_item\", \"lines\": \"5-6\" }", fixedText, StringComparison.Ordinal);
        var second = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(fixedText, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        Assert.Equal(2, second.Stdout.Split('\n').Count(l => l.Contains("error SMV0107", StringComparison.Ordinal)));
    }

    [Fact]
    public void Staged_mode_judges_the_index_not_the_work_tree()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{ \"a\": \"src/items.py:1-2#list_items\" }\n");
        repo.Commit("initial");

        // Deleted in the index only: the work tree still has it.
        Assert.Equal(0, GitProcess.Run(repo.Root, null, "rm", "-q", "--cached", "src/items.py").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "validate").ExitCode);
        var staged = CliRunner.Run(repo.Root, "validate", "--staged");
        Assert.Equal(1, staged.ExitCode);
        Assert.Contains(": error SMV01", staged.Stdout, StringComparison.Ordinal);

        // Staged again, then deleted in the work tree only: the index is fine, the work tree is not.
        Assert.Equal(0, GitProcess.Run(repo.Root, null, "add", "src/items.py").ExitCode);
        File.Delete(repo.PathOf("src/items.py"));
        Assert.Equal(0, CliRunner.Run(repo.Root, "validate", "--staged").ExitCode);
        Assert.Equal(1, CliRunner.Run(repo.Root, "validate").ExitCode);
    }

    [Fact]
    public void Staged_mapping_is_read_from_the_index_when_partially_staged()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{ \"a\": \"src/items.py:1-2#list_items\" }\n");
        repo.Commit("initial");
        // Staged: a broken reference. Work tree: fixed again but not staged.
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{ \"a\": \"src/missing.py:1-2#list_items\" }\n");
        Assert.Equal(0, GitProcess.Run(repo.Root, null, "add", "SPEC_TO_CODE_MAPPING.json").ExitCode);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{ \"a\": \"src/items.py:1-2#list_items\" }\n");
        Assert.Equal(1, CliRunner.Run(repo.Root, "validate", "--staged").ExitCode);
        Assert.Equal(0, CliRunner.Run(repo.Root, "validate").ExitCode);
    }

    [Fact]
    public void Staged_fix_rewrites_and_restages_a_mapping_without_unstaged_changes()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        repo.Write("SPEC_TO_CODE_MAPPING.json", $"{{\n  \"verified_at\": \"{repo.Commit("code")}\",\n  \"a\": \"src/items.py:1-2#list_items\"\n}}\n");
        repo.Commit("mapping");
        repo.Write("src/items.py", "import os\n\n\n" + Code).Stage("src/items.py");

        var result = CliRunner.Run(repo.Root, "validate", "--staged", "--fix");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Contains("(staged)", result.Stderr, StringComparison.Ordinal);
        // The new lines belong to the commit being made, which has no id yet: verified_at goes, and the commit that
        // writes this content of the mapping becomes its baseline.
        var expected = "{\n  \"a\": \"src/items.py:4-5#list_items\"\n}\n";
        Assert.Equal(expected, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        Assert.Equal(expected, GitProcess.Run(repo.Root, null, "show", ":SPEC_TO_CODE_MAPPING.json").Stdout);
    }

    [Fact]
    public void Staged_fix_refuses_a_mapping_with_unstaged_changes_and_shows_the_diff()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Code);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{\n  \"a\": \"src/items.py:1-2#list_items\"\n}\n");
        repo.Commit("initial");
        repo.Write("src/items.py", "import os\n\n\n" + Code).Stage("src/items.py");
        var unstaged = "{\n  \"a\": \"src/items.py:1-2#list_items\",\n  \"b\": \"src/items.py:1\"\n}\n";
        repo.Write("SPEC_TO_CODE_MAPPING.json", unstaged);

        var result = CliRunner.Run(repo.Root, "validate", "--staged", "--fix");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unstaged changes", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("diff --git a/SPEC_TO_CODE_MAPPING.json", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(unstaged, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        Assert.Equal("{\n  \"a\": \"src/items.py:1-2#list_items\"\n}\n", GitProcess.Run(repo.Root, null, "show", ":SPEC_TO_CODE_MAPPING.json").Stdout);
    }
}
