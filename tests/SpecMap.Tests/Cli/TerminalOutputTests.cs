using SpecMap.Tests.Output;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>Colour and progress for a person's terminal (a fake TTY), and nothing of either anywhere else.</summary>
public sealed class TerminalOutputTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public TerminalOutputTests()
    {
        _repo.Write("src/app.py", "def handler():\n    return 1\n")
            .Write("readme.md", "# Title\n")
            .Write("map.json", """{ "docs_root": ".", "impl": "src/app.py:1-2#handler", "gone": "src/gone.py:3", "doc": "readme.md:249" }""");
        _repo.Commit("mapping");
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Text_in_a_terminal_is_coloured_and_the_same_characters_as_plain_text()
    {
        var coloured = CliRunner.RunInTerminal(_repo.Root, _ => null, "validate", "map.json");
        var plain = CliRunner.Run(_repo.Root, "validate", "map.json");
        Assert.Equal(plain.ExitCode, coloured.ExitCode);
        Assert.Contains("\e[1;31merror\e[0m", coloured.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\e", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(plain.Stdout, StripColour(coloured.Stdout));
        Snapshot.Match(coloured.Stdout.Replace("\e", "<ESC>", StringComparison.Ordinal), "validate-colour.txt");
        Snapshot.Match(plain.Stdout, "validate-plain.txt");
    }

    [Theory]
    [InlineData("NO_COLOR", "--color", "auto")]
    [InlineData("", "--no-color", null)]
    [InlineData("", "--color", "never")]
    public void No_color_and_the_flags_turn_colour_off_in_a_terminal(string variable, string flag, string? value)
    {
        string[] args = value is null ? ["validate", "map.json", flag] : ["validate", "map.json", flag, value];
        var result = CliRunner.RunInTerminal(_repo.Root, name => name == variable ? "1" : null, args);
        Assert.DoesNotContain("\e", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("error SMV", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("markdown")]
    [InlineData("prometheus")]
    public void Machine_formats_are_byte_identical_in_a_terminal(string format)
    {
        var terminal = CliRunner.RunInTerminal(_repo.Root, _ => null, "validate", "map.json", "--format", format, "--color", "always");
        var pipe = CliRunner.Run(_repo.Root, "validate", "map.json", "--format", format);
        Assert.Equal(pipe.Stdout, terminal.Stdout);
        Assert.NotEmpty(pipe.Stdout);
    }

    [Fact]
    public void A_terminal_sees_a_progress_line_on_stderr_that_is_wiped_when_done_and_quiet_hides_it()
    {
        var shown = CliRunner.RunInTerminal(_repo.Root, _ => null, "validate", "map.json");
        Assert.StartsWith("\rspecmap: checking map.json: 1 of 3 references", shown.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\r", shown.Stderr, StringComparison.Ordinal);
        Assert.Contains("3 of 3 references", shown.Stderr, StringComparison.Ordinal);
        var quiet = CliRunner.RunInTerminal(_repo.Root, _ => null, "validate", "map.json", "-q");
        Assert.Empty(quiet.Stderr);
        Assert.Empty(CliRunner.Run(_repo.Root, "validate", "map.json").Stderr);
    }

    [Fact]
    public void A_line_beyond_the_end_reads_as_one_line_without_a_dot_slash_from_docs_root()
    {
        var text = CliRunner.Run(_repo.Root, "validate", "map.json").Stdout;
        Assert.Contains("line 249 is beyond the end of 'readme.md', which has 1 line", text, StringComparison.Ordinal);
        Assert.DoesNotContain("./readme.md", text, StringComparison.Ordinal);
    }

    private static string StripColour(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\e\\[[0-9;]*m", string.Empty);
}
