using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>The command line run in-process reads and writes only what it is given: its writers, its folder, its environment.</summary>
public sealed class InProcessCliTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Relative_paths_are_read_from_the_given_working_directory()
    {
        _repo.Write("src/app.py", "def handler():\n    return 1\n").Write("map.json", """{ "impl": "src/app.py:1-2#handler" }""");
        _repo.Commit("mapping");
        var before = Directory.GetCurrentDirectory();
        var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", "json", "--output", "out/report.json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.Contains("\"path\": \"map.json\"", _repo.Read("out/report.json"), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public void Help_goes_to_the_given_writer()
    {
        var result = CliRunner.Run(_repo.Root, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("validate", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }
}
