using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Config;

/// <summary>`.specmap.json` (contract §6): one test per key, problems located in the file, through the real validator.</summary>
public sealed class ConfigTests : IDisposable
{
    private const string Mapping = """
        {
          "endpoints": {
            "POST /v1/responses": {
              "status": 5,
              "implementation": "vllm/entrypoints/openai/api_server.py:1-2"
            }
          }
        }
        """;

    private readonly TestRepository _repo = TestRepository.Create();

    public ConfigTests()
    {
        _repo.Write("vllm/entrypoints/openai/api_server.py", "async def create_responses():\n    return 1\n")
            .Write("SPEC_TO_CODE_MAPPING.json", Mapping);
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Without_a_file_the_defaults_apply()
    {
        var (config, diagnostics) = ConfigLoader.Load(null, _repo.Root);
        Assert.Same(SpecMapConfig.Default, config);
        Assert.Empty(diagnostics);
        Assert.Equal(Severity.Error, Single(Validate(), RuleIds.ShapeError).Severity);
    }

    [Fact]
    public void Mappings_globs_choose_the_discovered_files()
    {
        _repo.Write("specs/streaming.json", "{ \"events\": [] }").Write("SPEC_TO_CODE_MAPPING.json", "{}");
        Assert.Equal(["SPEC_TO_CODE_MAPPING.json"], Validate().Mappings.Select(m => m.Path));

        _repo.Write(ConfigLoader.FileName, "{ \"mappings\": [\"specs/*.json\"] }");
        Assert.Equal(["specs/streaming.json"], Validate().Mappings.Select(m => m.Path));
    }

    [Fact]
    public void The_config_file_itself_is_never_taken_for_a_mapping()
    {
        _repo.Write(ConfigLoader.FileName, "{ \"severity\": {} }");
        Assert.Equal(["SPEC_TO_CODE_MAPPING.json"], Validate().Mappings.Select(m => m.Path));
    }

    [Fact]
    public void Severity_lowers_or_turns_off_a_rule()
    {
        _repo.Write(ConfigLoader.FileName, "{ \"severity\": { \"smv0002\": \"warning\" } }");
        Assert.Equal(Severity.Warning, Single(Validate(), RuleIds.ShapeError).Severity);

        _repo.Write(ConfigLoader.FileName, "{ \"severity\": { \"SMV0002\": \"none\" } }");
        var report = Validate();
        Assert.DoesNotContain(report.AllDiagnostics, d => d.Id == RuleIds.ShapeError);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Unknown_ids_and_bad_severities_are_reported_where_they_are()
    {
        _repo.Write(ConfigLoader.FileName, """
            {
              // comments are allowed
              "severity": { "SMV0190": "none", "SMV0002": "fatal" }
            }
            """);
        var problems = Validate().SetupDiagnostics.Where(d => d.Id == RuleIds.ConfigurationProblem).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(new MappingLocation(".specmap.json", 3, 17), problems[0].Location);
        Assert.Contains("did you mean SMV0109?", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("/severity/SMV0190", problems[0].Pointer);
        Assert.Equal(new MappingLocation(".specmap.json", 3, 47), problems[1].Location);
        Assert.All(problems, p => Assert.Equal(Severity.Warning, p.Severity));
    }

    [Fact]
    public void Unknown_keys_are_reported_with_the_nearest_known_key()
    {
        var (config, diagnostics) = ConfigLoader.Parse("""
            {
              "rename_confidence": 0.9,
              "spec": { "heading-level": 3 },
              "colour": true
            }
            """, ".specmap.json");
        Assert.Equal(SpecMapConfig.Default.RenameConfidenceThreshold, config.RenameConfidenceThreshold);
        Assert.Equal(
            string.Join('\n',
                ".specmap.json(2,3): unknown key 'rename_confidence'; did you mean 'rename_confidence_threshold'?",
                ".specmap.json(3,13): unknown key 'heading-level'; did you mean 'heading_level'?",
                ".specmap.json(4,3): unknown key 'colour'; known keys: $schema, mappings, severity, rename_confidence_threshold, spec"),
            string.Join('\n', diagnostics.Select(d => $"{d.Location.Path}({d.Location.Line},{d.Location.Column}): {d.Message}")));
    }

    [Fact]
    public void Rename_confidence_threshold_is_read_and_checked()
    {
        Assert.Equal(0.9, ConfigLoader.Parse("{ \"rename_confidence_threshold\": 0.9 }", "c.json").Config.RenameConfidenceThreshold);
        var (config, diagnostics) = ConfigLoader.Parse("{ \"rename_confidence_threshold\": 80 }", "c.json");
        Assert.Equal(0.8, config.RenameConfidenceThreshold);
        Assert.Contains("from 0 to 1", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spec_settings_are_read_and_checked()
    {
        var (config, diagnostics) = ConfigLoader.Parse(
            "{ \"spec\": { \"heading_level\": 3, \"docs_root\": \"docs/spec\", \"doc_glob\": \"SPEC_*.md\" } }", "c.json");
        Assert.Empty(diagnostics);
        Assert.Equal((3, "docs/spec", "SPEC_*.md"), (config.SpecHeadingLevel, config.DocsRoot, config.DocGlob));

        (config, diagnostics) = ConfigLoader.Parse("{ \"spec\": { \"heading_level\": 9, \"doc_glob\": 1 } }", "c.json");
        Assert.Equal(2, config.SpecHeadingLevel);
        Assert.Equal(SpecMapConfig.DefaultDocGlob, config.DocGlob);
        Assert.Equal(2, diagnostics.Length);
    }

    [Fact]
    public void Schema_key_is_accepted()
    {
        Assert.Empty(ConfigLoader.Parse("{ \"$schema\": \"https://example.invalid/c.json\" }", "c.json").Diagnostics);
    }

    [Fact]
    public void Invalid_json_is_a_setup_error_with_line_and_column()
    {
        _repo.Write(ConfigLoader.FileName, "{\n  \"severity\": { \"SMV0109\" \"none\" }\n}");
        var e = Assert.Throws<ValidationSetupException>(Validate);
        Assert.StartsWith(".specmap.json(2,27): invalid JSON", e.Message, StringComparison.Ordinal);

        _repo.Write(ConfigLoader.FileName, "[]");
        Assert.Contains("must be a JSON object", Assert.Throws<ValidationSetupException>(Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_config_file_is_used_and_must_exist()
    {
        _repo.Write("ci/strict.json", "{ \"severity\": { \"SMV0002\": \"info\" } }");
        Assert.Equal(Severity.Info, Single(Validate("ci/strict.json"), RuleIds.ShapeError).Severity);
        Assert.Contains("does not exist", Assert.Throws<ValidationSetupException>(() => Validate("ci/missing.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_reports_a_broken_config_on_one_line_and_exits_2()
    {
        _repo.Write(ConfigLoader.FileName, "{ \"mappings\": [ }");
        var result = CliRunner.Run(_repo.Root, "validate");
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("specmap: .specmap.json(1,17): invalid JSON in the configuration", line, StringComparison.Ordinal);

        result = CliRunner.Run(_repo.Root, "validate", "--config", "nowhere.json");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_turns_remaining_warnings_into_exit_1()
    {
        _repo.Write(ConfigLoader.FileName, "{ \"severity\": { \"SMV0002\": \"warning\" } }");
        var relaxed = CliRunner.Run(_repo.Root, "validate");
        Assert.Equal(0, relaxed.ExitCode);
        Assert.Contains("SPEC_TO_CODE_MAPPING.json(4,17): warning SMV0002: 'status' is not a string", relaxed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run(_repo.Root, "validate", "--warnings-as-errors").ExitCode);

        _repo.Write(ConfigLoader.FileName, "{ \"severity\": { \"SMV0002\": \"info\" } }");
        Assert.Equal(0, CliRunner.Run(_repo.Root, "validate", "--warnings-as-errors").ExitCode);
    }

    private ValidationReport Validate() => Validate(null);

    private ValidationReport Validate(string? configPath) =>
        new Validator().Validate(new ValidationRequest(_repo.Root, [], ConfigPath: configPath));

    private static Diagnostic Single(ValidationReport report, string id) => Assert.Single(report.AllDiagnostics, d => d.Id == id);
}
