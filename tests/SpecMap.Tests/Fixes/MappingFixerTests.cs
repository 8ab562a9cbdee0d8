using System.Runtime.CompilerServices;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Mapping;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>Applying fixes: byte-exact preservation (snapshots), `verified_at`, idempotence, conflicts.</summary>
public sealed class MappingFixerTests
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private static string SnapshotPath(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Snapshots", name);

    private static MappingDocument Parse(string text) => MappingLoader.Parse(Encoding.UTF8.GetBytes(text), "map.json", null, _ => false);

    [Theory]
    [InlineData("crlf-bom-comments")]
    [InlineData("lf-final-newline")]
    public void Fix_changes_only_the_values_byte_for_byte(string snapshot)
    {
        using var repo = TestRepository.Create();
        var expected = File.ReadAllBytes(SnapshotPath($"{snapshot}.expected.json"));
        var report = SnapshotRepositories.Validate(repo, snapshot, File.ReadAllBytes(SnapshotPath($"{snapshot}.input.json")));
        var plan = MappingFixer.Plan(report, Commit);
        var output = new UTF8Encoding(false).GetBytes(plan.NewText);
        Assert.Equal(Encoding.UTF8.GetString(expected), plan.NewText);
        Assert.Equal(expected, output);
        Assert.True(plan.VerifiedAtSet);
    }

    [Theory]
    [InlineData("crlf-bom-comments")]
    [InlineData("lf-final-newline")]
    public void Fixing_the_fixed_mapping_changes_nothing(string snapshot)
    {
        using var repo = TestRepository.Create();
        var report = SnapshotRepositories.Validate(repo, snapshot, File.ReadAllBytes(SnapshotPath($"{snapshot}.input.json")));
        var head = repo.Repository.Head.Tip.Sha;
        var once = MappingFixer.Plan(report, head);
        Assert.True(once.Changed);
        File.WriteAllBytes(repo.PathOf(SnapshotRepositories.MappingPath), new UTF8Encoding(false).GetBytes(once.NewText));
        // After the fix the engine finds every reference where the mapping says: nothing is left to fix.
        var again = MappingFixer.Plan(SnapshotRepositories.Run(repo), head);
        Assert.False(again.Changed);
        Assert.Equal(once.NewText, again.NewText);
    }

    [Fact]
    public void Verified_at_is_replaced_in_place()
    {
        var document = Parse("{\n  \"verified_at\": \"abc\", // old\n  \"a\": 1\n}\n");
        var edit = FixBuilder.VerifiedAt(document, Commit)!;
        Assert.Equal($"{{\n  \"verified_at\": \"{Commit}\", // old\n  \"a\": 1\n}}\n", MappingFixer.Apply(document.Text, [edit]));
        Assert.Null(FixBuilder.VerifiedAt(Parse($"{{ \"verified_at\": \"{Commit}\" }}"), Commit));
    }

    [Theory]
    [InlineData("{\n    \"version\": \"1\"\n}", "{\n    \"verified_at\": \"C\",\n    \"version\": \"1\"\n}")]
    [InlineData("{\r\n\t\"version\": \"1\"\r\n}\r\n", "{\r\n\t\"verified_at\": \"C\",\r\n\t\"version\": \"1\"\r\n}\r\n")]
    [InlineData("{ \"version\": \"1\" }", "{ \"verified_at\": \"C\", \"version\": \"1\" }")]
    [InlineData("{}", "{\"verified_at\": \"C\"}")]
    [InlineData("\uFEFF{\n  // c\n  \"a\": 1,\n}", "\uFEFF{\n  // c\n  \"verified_at\": \"C\",\n  \"a\": 1,\n}")]
    public void Verified_at_is_inserted_in_the_files_style(string text, string expected)
    {
        var document = Parse(text);
        Assert.Equal(expected, MappingFixer.Apply(document.Text, [FixBuilder.VerifiedAt(document, "C")!]));
        // The result is still a mapping whose verified_at reads back.
        Assert.Equal("C", Parse(expected).VerifiedAt);
    }

    [Fact]
    public void Verified_at_is_not_moved_while_a_reference_problem_stays_unfixed()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/a.py", "def kept():\n" + string.Concat(Enumerable.Repeat("    pass\n", 24))).Write(SnapshotRepositories.MappingPath, "{\n  \"a\": \"src/a.py:10-20#gone\"\n}").Commit();
        var report = SnapshotRepositories.Run(repo);
        Assert.Equal(RuleIds.SymbolNotFound, Assert.Single(report.Diagnostics).Id);
        var plan = MappingFixer.Plan(report, Commit);
        Assert.False(plan.VerifiedAtSet);
        Assert.False(plan.Changed);
    }

    [Fact]
    public void Conflicting_fixes_keep_the_first_and_report_the_other()
    {
        var document = Parse("{ \"a\": \"src/a.py:10-20\" }");
        var reference = Assert.Single(document.References);
        var first = new MappingFix("one", FixSafety.Safe, [new MappingEdit("/a", 17, "10", "11")]);
        var second = new MappingFix("two", FixSafety.Safe, [new MappingEdit("/a", 16, ":10", ":12")]);
        var diagnostics = new[] { first, second }.Select(f => new Diagnostic(RuleIds.SymbolShifted, Severity.Error, f.Description,
            reference.Location, reference.Pointer, f)).ToList();
        var report = new MappingReport(document, null, null, [], [.. diagnostics]);
        var plan = MappingFixer.Plan(report, null);
        Assert.Equal("{ \"a\": \"src/a.py:11-20\" }", plan.NewText);
        Assert.Single(plan.Fixed);
        Assert.Single(plan.Skipped);
    }

    [Fact]
    public void A_fix_whose_old_text_does_not_match_is_not_applied()
    {
        var document = Parse("{ \"a\": \"src/a.py:10-20\" }");
        var reference = Assert.Single(document.References);
        var stale = new MappingFix("stale", FixSafety.Safe, [new MappingEdit("/a", 17, "99", "11")]);
        var report = new MappingReport(document, null, null, [],
            [new Diagnostic(RuleIds.SymbolShifted, Severity.Error, "x", reference.Location, reference.Pointer, stale)]);
        Assert.False(MappingFixer.Plan(report, null).Changed);
    }
}
