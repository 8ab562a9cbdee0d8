using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>Bad input gets one clear line and exit 2, never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public BadInputTests()
    {
        _repo.Write("src/app.py", "def f():\n    pass\n").Commit();
    }

    public void Dispose() => _repo.Dispose();

    private static void AssertOneCleanLine(CliRunner.Result result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Invalid_json_is_SMV0001_with_file_line_and_column()
    {
        _repo.Write("map.json", "{\n  \"a\": \"src/app.py\",\n  \"b\": [1, 2,, 3]\n}\n");
        // A real process: exit code 2 and one clean line on stderr, as a hook or CI sees them.
        var result = CliRunner.RunProcess(_repo.Root, "validate", "map.json");
        AssertOneCleanLine(result, "map.json(3,14): error SMV0001: invalid JSON");
    }

    [Fact]
    public void A_directory_instead_of_a_file() =>
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "src"), "src: is a directory");

    [Fact]
    public void A_binary_file()
    {
        File.WriteAllBytes(_repo.PathOf("map.json"), [0x7B, 0x00, 0xFF, 0x7D]);
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "map.json"), "map.json: is a binary file");
    }

    [Fact]
    public void A_missing_mapping() =>
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "nope.json"), "nope.json: no such file");

    [Fact]
    public void A_missing_repository()
    {
        _repo.Write("map.json", "{}");
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "map.json", "--repo", "/nonexistent/repo"), "does not exist");
    }

    [Fact]
    public void An_unknown_revision()
    {
        _repo.Write("map.json", "{}");
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "map.json", "--against", "no-such-branch"), "is not a commit");
    }

    [Fact]
    public void An_unknown_option_or_format()
    {
        // A real process: a parse error exits 2 (System.CommandLine's own code would be 1).
        var option = CliRunner.RunProcess(_repo.Root, "validate", "--bogus");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--bogus", option.Stderr, StringComparison.Ordinal);
        _repo.Write("map.json", "{}");
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "validate", "map.json", "--format", "yaml"), "unknown --format 'yaml'");
    }

    [Fact]
    public void Outline_of_a_missing_or_unknown_file() =>
        AssertOneCleanLine(CliRunner.Run(_repo.Root, "outline", "src/nope.py"), "src/nope.py: no such file");
}
