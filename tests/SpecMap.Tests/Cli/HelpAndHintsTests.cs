using SpecMap.Tests.Output;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>What a new user meets first: the help pages, a bare `specmap`, and the hints for a typo.</summary>
public sealed class HelpAndHintsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("validate")]
    [InlineData("outline")]
    [InlineData("explain")]
    [InlineData("demo")]
    [InlineData("spec-diff")]
    [InlineData("probe")]
    [InlineData("init")]
    public void Every_command_has_a_help_page_with_placeholders_examples_exit_codes_and_environment(string command)
    {
        var args = command.Length == 0 ? new[] { "--help" } : [command, "--help"];
        var result = CliRunner.Run(Path.GetTempPath(), args);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stderr);
        Assert.Contains("Exit codes:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("NO_COLOR", result.Stdout, StringComparison.Ordinal);
        Snapshot.Match(result.Stdout, $"help-{(command.Length == 0 ? "specmap" : command)}.txt");
    }

    [Fact]
    public void Validate_help_names_what_each_option_takes()
    {
        var help = CliRunner.Run(Path.GetTempPath(), "validate", "--help").Stdout;
        Assert.Contains("--format <text|json|sarif|github|markdown|prometheus|html>", help, StringComparison.Ordinal);
        Assert.Contains("--repo <DIR>", help, StringComparison.Ordinal);
        Assert.Contains("--against <REV>", help, StringComparison.Ordinal);
        Assert.Contains("--output <FILE>", help, StringComparison.Ordinal);
        Assert.Contains("GIT_INDEX_FILE", help, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_specmap_shows_the_help_on_stderr_and_exits_2_as_a_usage_error()
    {
        var result = CliRunner.Run(Path.GetTempPath());
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("Usage:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("validate", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Typos_get_a_did_you_mean_and_the_help_of_their_command()
    {
        string[][] typos =
        [
            ["validte"],
            ["exlpain", "SMV0104"],
            ["validate", "--fixx"],
            ["validate", "--formt", "json"],
            ["validate", "--fix", "--wranings-as-errors"],
            ["validate", "--output"],
            ["outline", "--formatt", "json", "a.py"],
            ["probe", "--base-ur", "http://127.0.0.1:1"],
            ["validate", "--zzzzzz"],
        ];
        var transcript = new System.Text.StringBuilder();
        foreach (var args in typos)
        {
            var result = CliRunner.Run(Path.GetTempPath(), args);
            Assert.Equal(2, result.ExitCode);
            Assert.Empty(result.Stdout);
            transcript.Append("$ specmap ").Append(string.Join(' ', args)).Append('\n').Append(result.Stderr).Append('\n');
        }
        var text = transcript.ToString();
        Assert.Contains("unknown command 'validte'; did you mean 'validate'?", text, StringComparison.Ordinal);
        Assert.Contains("unknown option '--fixx'; did you mean '--fix'?", text, StringComparison.Ordinal);
        Assert.Contains("Run 'specmap validate --help' for usage.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", text, StringComparison.Ordinal);
        Snapshot.Match(text, "did-you-mean.txt");
    }

    [Fact]
    public void An_argument_after_double_dash_is_a_path_even_when_it_starts_with_a_dash()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "validate", "--", "--fixx");
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("unknown option", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_the_one_version_every_report_carries()
    {
        var result = CliRunner.Run(Path.GetTempPath(), "--version");
        Assert.Equal(0, result.ExitCode);
        var informational = typeof(SpecMap.Cli.SpecMapCli).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        var engine = typeof(SpecMap.Core.Output.ToolInfo).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        // One place: Directory.Build.props gives both assemblies the same version; the tests pin what reports print.
        Assert.Equal(informational, engine);
        Assert.StartsWith("0.1.0", informational, StringComparison.Ordinal);
        Assert.Equal(SpecMap.Core.Output.ToolInfo.Version, result.Stdout.Trim());
    }
}
