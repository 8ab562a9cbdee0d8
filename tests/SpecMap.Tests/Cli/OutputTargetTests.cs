using System.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>
/// `-o` names a file the report replaces atomically, but a FIFO or device (`-o /dev/null`, `-o >(jq .)`) is written
/// into: a rename over it once turned this machine's /dev/null into a regular file.
/// </summary>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task A_fifo_given_to_output_gets_the_report_and_stays_a_fifo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        _repo.Write("src/app.py", "def f():\n    return 1\n").Write("map.json", """{ "impl": "src/app.py:1-2#f" }""");
        _repo.Commit("initial");
        var fifo = _repo.PathOf("report.fifo");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", "json", "-o", "report.fifo");
        var report = await reader.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"mappings\"", report, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(fifo).Length);
        using var test = Process.Start(new ProcessStartInfo("test", ["-p", fifo]))!;
        test.WaitForExit();
        Assert.Equal(0, test.ExitCode);
        Assert.Empty(Directory.GetFiles(_repo.Root, "*.tmp"));
    }

    [Fact]
    public void A_regular_file_given_to_output_is_replaced_whole()
    {
        _repo.Write("src/app.py", "def f():\n    return 1\n").Write("map.json", """{ "impl": "src/app.py:1-2#f" }""");
        _repo.Commit("initial");
        _repo.Write("report.json", new string('x', 100_000));
        var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", "json", "-o", "report.json");
        Assert.Equal(0, result.ExitCode);
        var written = File.ReadAllText(_repo.PathOf("report.json"));
        Assert.StartsWith("{", written, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_that_goes_away_ends_the_run_quietly_with_141()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // `true` exits at once, so by the time specmap writes its help the pipe has no reader: write(2) fails with EPIPE.
        var dll = Path.Combine(AppContext.BaseDirectory, "specmap.dll");
        var script = $"(sleep 1; dotnet '{dll}' --help) | true; echo \"exit ${{PIPESTATUS[0]}}\"";
        var result = CliRunner.RunProgram(_repo.Root, "bash", ["-c", script]);
        Assert.Equal("exit 141", result.Stdout.Trim());
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
    }
}
