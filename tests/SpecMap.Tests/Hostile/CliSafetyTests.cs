using SpecMap.Cli;
using SpecMap.Core.Fixes;
using SpecMap.Core.Json;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Hostile;

/// <summary>Issue 14 §2, §3, §4, §7: the CLI never corrupts a mapping, never litters, never passes control characters
/// to a terminal, and a crash is never mistaken for findings.</summary>
public sealed class CliSafetyTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public CliSafetyTests() => _repo.Write("src/app.py", "def f():\n    pass\n").Commit();

    public void Dispose() => _repo.Dispose();

    private static void AssertOneLine(CliRunner.Result result, int exitCode, string expected)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Output_to_a_directory_is_one_error_and_leaves_no_temp_file()
    {
        var folder = Directory.CreateDirectory(_repo.PathOf("reports")).FullName;
        _repo.Write("map.json", """{ "impl": "src/app.py#f" }""");
        var before = Directory.GetFileSystemEntries(_repo.Root).Order(StringComparer.Ordinal).ToList();
        AssertOneLine(CliRunner.Run(_repo.Root, "validate", "map.json", "-o", "reports"), 2, "'reports' is a directory");
        Assert.Equal(before, Directory.GetFileSystemEntries(_repo.Root).Order(StringComparer.Ordinal).ToList());
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("")]
    [InlineData("e2b")]
    [InlineData("HEAD^{bogus}")]
    [InlineData("@{-1}")]
    public void A_bad_against_is_one_setup_line_and_at_is_no_response_file(string revision)
    {
        _repo.Write("map.json", "{}");
        var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--against", revision);
        AssertOneLine(result, 2, "--against");
        Assert.DoesNotContain("response file", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_internal_error_exits_70_with_one_line_and_verbose_adds_the_trace()
    {
        using var quiet = new StringWriter();
        Assert.Equal(ExitCodes.InternalError, CrashGuard.Run(() => throw new InvalidOperationException("boom\nsecond line"), quiet, verbose: false));
        var lines = quiet.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["specmap: internal error: InvalidOperationException: boom",
            "specmap: this is a bug in specmap, not a finding; re-run with --verbose for the trace and report it"], lines);
        using var loud = new StringWriter();
        Assert.Equal(70, CrashGuard.Run(() => throw new InvalidOperationException("boom"), loud, verbose: true));
        Assert.Contains("   at ", loud.ToString(), StringComparison.Ordinal);
        // The flag is accepted on every command.
        Assert.Equal(0, CliRunner.Run(_repo.Root, "explain", "SMV0001", "--verbose").ExitCode);
    }

    [Fact]
    public void Control_characters_from_the_mapping_never_reach_the_terminal_raw()
    {
        _repo.Write("map.json", """{ "impl": "src/\u001b]0;pwned\u0007gone\u0000.py:1" }""");
        foreach (var format in new[] { "text", "github", "markdown", "json", "sarif" })
        {
            var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", format);
            // The NUL makes it SMV0402 (a warning: exit 0); what matters is that it is a result, not a crash.
            Assert.True(result.ExitCode is 0 or 1, $"{format}: exit {result.ExitCode}: {result.Stderr}");
            Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
            Assert.DoesNotContain('\u0007', result.Stdout + result.Stderr);
            Assert.DoesNotContain('\0', result.Stdout + result.Stderr);
            if (format is "json" or "sarif")
            {
                JsonTreeReader.Parse(result.Stdout);
            }
        }
        Assert.Contains("\\x1b]0;pwned\\x07", CliRunner.Run(_repo.Root, "validate", "map.json").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_json_message_quotes_at_most_one_line()
    {
        var filler = string.Join(",\n", Enumerable.Range(0, 3000).Select(i => $"  \"key{i}\": \"src/app.py#f and some more text\""));
        _repo.Write("map.json", "{\n  \"a\": tru,\n" + filler + "\n}\n");
        var result = CliRunner.Run(_repo.Root, "validate", "map.json");
        AssertOneLine(result, 2, "SMV0001");
        Assert.True(result.Stderr.Length < 400, $"{result.Stderr.Length} chars: {result.Stderr[..Math.Min(400, result.Stderr.Length)]}");
    }

    [Fact]
    public void The_score_fix_never_writes_infinity()
    {
        var mapping = """
            {
              "items": {
                "a": { "implementation": "src/app.py#f", "compliance_score": 1e999 },
                "b": { "implementation": "src/app.py#f", "compliance_score": 50 }
              },
              "overall_compliance_score": 10
            }
            """;
        _repo.Write("map.json", mapping);
        var result = CliRunner.Run(_repo.Root, "validate", "map.json", "--fix");
        Assert.NotEqual(ExitCodes.InternalError, result.ExitCode);
        var after = _repo.Read("map.json");
        Assert.DoesNotContain("Infinity", after, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", after, StringComparison.Ordinal);
        JsonTreeReader.Parse(after);
    }

    [Fact]
    public void A_planned_write_that_does_not_parse_is_refused_and_the_file_kept()
    {
        var path = _repo.PathOf("map.json");
        File.WriteAllText(path, "{ \"a\": 1 }");
        var error = Assert.Throws<UnparsableWriteException>(() => AtomicFile.Write(path, "{ \"a\": Infinity }", expectedContent: "{ \"a\": 1 }"));
        Assert.Contains("was left unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"a\": 1 }", File.ReadAllText(path));
        Assert.Equal(["map.json"], Directory.GetFiles(_repo.Root).Select(Path.GetFileName));
    }
}
