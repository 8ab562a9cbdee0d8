using System.Text;
using SpecMap.Core.Fixes;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>The `--diff` patch: `git apply --check` accepts it and `git apply` produces exactly what `--fix` writes.</summary>
public sealed class UnifiedDiffTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public static TheoryData<string> Mappings()
    {
        var lines = string.Join("", Enumerable.Range(1, 30).Select(i => $"    \"k{i}\": \"v\",\n"));
        return new TheoryData<string>
        {
            // Edits far apart (two hunks), one at the top (verified_at), LF, final newline.
            "{\n  \"a\": \"src/a.py:10-20#h\",\n" + lines + "  \"z\": { \"file\": \"src/a.py\", \"lines\": [40, 50] }\n}\n",
            // CRLF, BOM, no final newline, edit on the last lines.
            "\uFEFF{\r\n\t\"version\": \"1\",\r\n\t\"a\": \"src/a.py:10-20#h\"}",
            // Everything on one line without a final newline.
            "{ \"a\": \"src/a.py:10-20#h\", \"b\": \"src/a.py:40-50\" }",
        };
    }

    [Theory]
    [MemberData(nameof(Mappings))]
    public void Git_apply_accepts_the_diff_and_reproduces_the_fix(string text)
    {
        // The engine relocates every reference: src/a.py moves to pkg/a.py two lines lower.
        using var repo = TestRepository.Create();
        var code = SnapshotRepositories.Comments(9) + SnapshotRepositories.Function("h", 11)
            + SnapshotRepositories.Comments(19) + SnapshotRepositories.Function("g", 11);
        repo.Write("src/a.py", code);
        var file = repo.PathOf("maps/SPEC_TO_CODE_MAPPING.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, new UTF8Encoding(false).GetBytes(text));
        repo.Commit("mapping");
        repo.Delete("src/a.py").Write("pkg/a.py", "import os\n\n" + code).Commit("move");
        var report = EngineRun.Validate(repo, file);
        Assert.All(report.References, r => Assert.Equal(("pkg/a.py", r.Reference.Start + 2), (r.Target?.File, r.Target?.Start)));

        var plan = MappingFixer.Plan(report, Commit);
        Assert.True(plan.Changed);
        var patch = UnifiedDiff.Render("maps/SPEC_TO_CODE_MAPPING.json", plan.OldText, plan.Edits);

        var check = GitProcess.Run(repo.Root, patch, "apply", "--check", "-");
        Assert.True(check.ExitCode == 0, check.Stderr + "\n" + patch);
        var apply = GitProcess.Run(repo.Root, patch, "apply", "-");
        Assert.Equal(0, apply.ExitCode);
        Assert.Equal(new UTF8Encoding(false).GetBytes(plan.NewText), File.ReadAllBytes(file));
    }

    [Fact]
    public void Diff_has_git_headers_and_three_lines_of_context()
    {
        var text = string.Join("", Enumerable.Range(1, 9).Select(i => $"l{i}\n"));
        var patch = UnifiedDiff.Render("m.json", text, [new Core.Diagnostics.MappingEdit("/", text.IndexOf("l5", StringComparison.Ordinal), "l5", "L5")]);
        Assert.Equal("diff --git a/m.json b/m.json\n--- a/m.json\n+++ b/m.json\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n", patch);
    }

    [Fact]
    public void A_key_inserted_at_the_end_of_an_unchanged_line_leaves_that_line_as_context()
    {
        // verified_at inserted after `"$schema": …,` (at that line's end): the $schema line must not be removed and re-added.
        var text = "{\n  \"$schema\": \"s.json\",\n  \"a\": \"x.py:1\"\n}\n";
        var at = text.IndexOf(",\n", StringComparison.Ordinal) + 1;
        var patch = UnifiedDiff.Render("m.json", text, [new Core.Diagnostics.MappingEdit("/", at, "", "\n  \"verified_at\": \"abc\",")]);
        Assert.Equal("diff --git a/m.json b/m.json\n--- a/m.json\n+++ b/m.json\n@@ -1,4 +1,5 @@\n {\n   \"$schema\": \"s.json\",\n"
            + "+  \"verified_at\": \"abc\",\n   \"a\": \"x.py:1\"\n }\n", patch);
    }

    [Fact]
    public void No_edits_no_diff() => Assert.Equal(string.Empty, UnifiedDiff.Render("m.json", "{}", []));

}
