using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>`--fix` and `--diff` on references the resolver relocates through real git history.</summary>
public sealed class FixRelocationTests
{
    private const string Items = "def list_items():\n    return []\n\n\ndef get_item(key):\n    return key\n";

    private static string Shifted(string code) => "import os\n\n# helpers\n" + code;

    [Fact]
    public void Fix_follows_a_renamed_file_and_a_shifted_symbol_in_every_style()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Items);
        var mapping = """
            {
              "endpoints": {
                "GET /items": { "status": "implemented", "implementation": "src/items.py:1-2#list_items" },
                "GET /items/{key}": {
                  "status": "implemented",
                  "implementation": { "file": "src/items.py", "start_line": 5, "end_line": 6, "symbol": "get_item" }
                },
                "bare": { "status": "implemented", "implementation": "items.py:5", "symbol": "get_item" }
              }
            }

            """;
        repo.Write("SPEC_TO_CODE_MAPPING.json", mapping);
        repo.Commit("initial");
        repo.Move("src/items.py", "app/items.py");
        repo.Write("app/items.py", Shifted(Items));
        var head = repo.Commit("move and shift");

        var before = CliRunner.Run(repo.Root, "validate");
        Assert.Equal(1, before.ExitCode);

        var diff = CliRunner.Run(repo.Root, "validate", "--diff");
        Assert.Equal(0, GitProcess.Run(repo.Root, diff.Stdout, "apply", "--check", "-").ExitCode);
        Assert.Equal(mapping, repo.Read("SPEC_TO_CODE_MAPPING.json"));

        var fix = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.True(fix.ExitCode == 0, fix.Stdout + fix.Stderr + "\n" + repo.Read("SPEC_TO_CODE_MAPPING.json"));
        var expected = mapping
            .Replace("\"src/items.py:1-2#list_items\"", "\"app/items.py:4-5#list_items\"", StringComparison.Ordinal)
            .Replace("{ \"file\": \"src/items.py\", \"start_line\": 5, \"end_line\": 6", "{ \"file\": \"app/items.py\", \"start_line\": 8, \"end_line\": 9", StringComparison.Ordinal)
            .Replace("\"items.py:5\"", "\"items.py:8\"", StringComparison.Ordinal)
            .Replace("{\n  \"endpoints\"", $"{{\n  \"verified_at\": \"{head}\",\n  \"endpoints\"", StringComparison.Ordinal);
        Assert.Equal(expected, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        // What --diff printed is what --fix wrote.
        repo.Write("SPEC_TO_CODE_MAPPING.json", mapping);
        Assert.Equal(0, GitProcess.Run(repo.Root, diff.Stdout, "apply", "-").ExitCode);
        Assert.Equal(expected, repo.Read("SPEC_TO_CODE_MAPPING.json"));

        var again = CliRunner.Run(repo.Root, "validate", "--fix");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(expected, repo.Read("SPEC_TO_CODE_MAPPING.json"));
    }

    [Fact]
    public void Staged_fix_uses_the_staged_positions_of_a_partially_staged_file()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/items.py", Items);
        repo.Write("SPEC_TO_CODE_MAPPING.json", "{\n  \"a\": \"src/items.py:5-6#get_item\"\n}\n");
        repo.Commit("initial");
        // Staged: three lines added above. Work tree: three more, not staged.
        repo.Write("src/items.py", Shifted(Items));
        repo.Stage("src/items.py");
        repo.Write("src/items.py", "# a\n# b\n# c\n" + Shifted(Items));

        Assert.Equal(1, CliRunner.Run(repo.Root, "validate", "--staged").ExitCode);
        var fix = CliRunner.Run(repo.Root, "validate", "--staged", "--fix");
        Assert.True(fix.ExitCode == 0, fix.Stdout + fix.Stderr);
        // The new lines belong to the commit being made: no verified_at (it would name HEAD, the parent), so the commit
        // that writes this content of the mapping is the one they are read at.
        var expected = "{\n  \"a\": \"src/items.py:8-9#get_item\"\n}\n";
        Assert.Equal(expected, repo.Read("SPEC_TO_CODE_MAPPING.json"));
        Assert.Equal(expected, GitProcess.Run(repo.Root, null, "show", ":SPEC_TO_CODE_MAPPING.json").Stdout);
        Assert.Equal(0, CliRunner.Run(repo.Root, "validate", "--staged").ExitCode);
        // The work tree is three lines further: a work-tree run still sees the difference.
        Assert.Equal(1, CliRunner.Run(repo.Root, "validate").ExitCode);
    }
}
