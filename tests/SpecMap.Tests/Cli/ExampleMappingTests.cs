using System.Text.Json;
using Json.Schema;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Cli;

/// <summary>The shipped example and schema: the example validates against the schema, and the demo runs.</summary>
public sealed class ExampleMappingTests
{
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    // Loaded once: JsonSchema.Net registers a schema's $id globally, and a second load of the same $id conflicts.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot(), "mapping", "spec-mapping.schema.json"))));

    [Fact]
    public void The_example_mapping_matches_the_json_schema()
    {
        var schema = Schema.Value;
        var example = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "mapping", "examples", "SPEC_TO_CODE_MAPPING.json"))).RootElement;
        var result = schema.Evaluate(example, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_rejects_a_bad_status_and_score()
    {
        var schema = Schema.Value;
        var bad = JsonDocument.Parse("""{ "endpoints": { "x": { "status": "done", "compliance_score": 120 } } }""").RootElement;
        Assert.False(schema.Evaluate(bad).IsValid);
    }

    [Fact]
    public void The_demo_builds_a_drifted_repository_and_reports_it()
    {
        var before = Directory.GetCurrentDirectory();
        var result = CliRunner.Run(Path.GetTempPath(), "demo");
        Assert.Equal(0, result.ExitCode);
        // The demo validates inside its repository by passing the folder, not by moving the process there.
        Assert.Equal(before, Directory.GetCurrentDirectory());
        Assert.Contains("$ specmap validate mapping/examples/SPEC_TO_CODE_MAPPING.json", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"mapping/examples/SPEC_TO_CODE_MAPPING\.json\(\d+,\d+\): error SMV01\d\d", result.Stdout);
        Assert.Contains("specmap found the drift", result.Stdout, StringComparison.Ordinal);
    }
}
