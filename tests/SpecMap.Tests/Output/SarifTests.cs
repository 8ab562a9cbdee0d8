using System.Diagnostics;
using System.Text.Json;
using Json.Schema;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Output;

/// <summary>
/// The SARIF output against the official SARIF 2.1.0 schema (Schemas/sarif-2.1.0.json, from Microsoft's SARIF SDK), and
/// against the SARIF Multitool's `validate` rules when .ci/install.sh has installed it.
/// </summary>
public sealed class SarifTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(Snapshot.OutputFolder(), "Schemas", "sarif-2.1.0.json"))));

    private static string FixtureSarif() => new SarifReportFormatter().Format(ReportFixture.Build());

    [Fact]
    public void Fixture_sarif_is_valid_against_the_official_schema() => AssertValid(FixtureSarif());

    [Fact]
    public void Empty_report_sarif_is_valid_against_the_official_schema() =>
        AssertValid(new SarifReportFormatter().Format(new SpecMap.Core.Results.ValidationReport([])));

    [Fact]
    public void Schema_rejects_a_broken_log()
    {
        // Guards the guard: a schema that accepted anything would make the tests above meaningless.
        var broken = FixtureSarif().Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(broken);
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Cli_sarif_on_a_real_repository_is_valid_and_names_the_mapping()
    {
        using var repo = TestRepository.Create();
        repo.Write("src/app.py", "def handler():\n    return 1\n")
            .Write("api.specmap.json", """
                {
                  "items": [
                    { "status": "implemented", "implementation": "src/gone.py:1-2" },
                    { "status": "finished", "implementation": "src/app.py:1-2", "compliance_score": 140 }
                  ]
                }
                """);
        repo.Commit("mapping");
        // A real process: errors give exit 1, and stdout holds the whole log.
        var result = CliRunner.RunProcess(repo.Root, "validate", "api.specmap.json", "--format", "sarif");
        Assert.True(result.ExitCode == 1, result.Stderr + result.Stdout);
        AssertValid(result.Stdout);
        using var log = JsonDocument.Parse(result.Stdout);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == RuleIds.FileNotFound);
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == RuleIds.ShapeError);
        Assert.All(results, r => Assert.Equal("api.specmap.json",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
    }

    [Fact]
    public void Rules_come_from_the_catalog_and_results_index_them()
    {
        using var log = JsonDocument.Parse(FixtureSarif());
        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("FileNotFound", rules.Single(r => r.GetProperty("id").GetString() == RuleIds.FileNotFound).GetProperty("name").GetString());
        Assert.Equal(RuleCatalog.Get(RuleIds.FileNotFound).HelpUri, rules.Single(r => r.GetProperty("id").GetString() == RuleIds.FileNotFound).GetProperty("helpUri").GetString());
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Fix_replacements_rebuild_the_fixed_mapping()
    {
        using var log = JsonDocument.Parse(FixtureSarif());
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var renamed = results.Single(r => r.GetProperty("ruleId").GetString() == RuleIds.SymbolRenamed);
        var text = ReportFixture.MappingText;
        var replacements = renamed.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements").EnumerateArray()
            .Select(r => (Offset: r.GetProperty("deletedRegion").GetProperty("charOffset").GetInt32(),
                Length: r.GetProperty("deletedRegion").GetProperty("charLength").GetInt32(),
                Text: r.GetProperty("insertedContent").GetProperty("text").GetString()!))
            .OrderByDescending(r => r.Offset);
        foreach (var (offset, length, inserted) in replacements)
        {
            text = text[..offset] + inserted + text[(offset + length)..];
        }
        Assert.Contains("{ \"file\": \"src/events.py\", \"lines\": \"31-45\", \"symbol\": \"OutputTextDelta\" }", text, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.GetProperty("ruleId").GetString() == RuleIds.FileNotFound && r.TryGetProperty("fixes", out _));
    }

    [Fact]
    public void Related_locations_hold_the_target_and_the_related_code()
    {
        using var log = JsonDocument.Parse(FixtureSarif());
        var renamed = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == RuleIds.SymbolRenamed);
        var related = renamed.GetProperty("relatedLocations").EnumerateArray()
            .Select(l => l.GetProperty("physicalLocation"))
            .Select(p => (p.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                p.GetProperty("region").GetProperty("startLine").GetInt32(), p.GetProperty("region").GetProperty("endLine").GetInt32()))
            .ToList();
        Assert.Equal([("src/events.py", 31, 45), ("src/legacy_events.py", 7, 12)], related);
    }

    [Fact]
    public void Fingerprints_are_stable_and_distinct()
    {
        var diagnostics = ReportFixture.Build().AllDiagnostics.ToList();
        var prints = diagnostics.Select(SarifReportFormatter.Fingerprint).ToList();
        Assert.Equal(prints.Count, prints.Distinct().Count());
        var moved = diagnostics[0] with { Location = diagnostics[0].Location with { Line = 99 } };
        Assert.Equal(prints[0], SarifReportFormatter.Fingerprint(moved));
    }

    [Theory]
    [InlineData("mapping/a b.json", "mapping/a%20b.json")]
    [InlineData("mapping\\win.json", "mapping/win.json")]
    [InlineData("/tmp/x/map.json", "file:///tmp/x/map.json")]
    public void Uris_are_relative_with_slashes_and_escaped(string path, string uri) =>
        Assert.Equal(uri, SarifReportFormatter.Uri(path));

    [Theory]
    [InlineData("Mapping is not valid JSON", "MappingIsNotValidJson")]
    [InlineData("verified_at is not in the repository", "VerifiedAtIsNotInTheRepository")]
    public void Rule_names_are_pascal_case(string title, string name) => Assert.Equal(name, SarifReportFormatter.RuleName(title));

    [MultitoolFact]
    public void Sarif_multitool_validate_finds_no_error()
    {
        var folder = Path.Combine(Path.GetTempPath(), "specmap-sarif-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "specmap.sarif");
            var output = Path.Combine(folder, "validation.sarif");
            File.WriteAllText(input, FixtureSarif());
            // `unshare -n` runs it without a network: its SARIF2006 rule would otherwise try to GET every URI in the log.
            var start = new ProcessStartInfo("unshare")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "--net", Multitool.Path!, "validate", input, "--output", output, "--rule-kind", "Sarif;Gh" })
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the multitool did not finish in 120 s");
            using var validation = JsonDocument.Parse(File.ReadAllText(output));
            var problems = validation.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                // SARIF's default level is "warning": the multitool leaves it out for its warnings.
                .Where(r => !r.TryGetProperty("level", out var level) || level.GetString() is "error" or "warning")
                .Select(r => r.GetProperty("ruleId").GetString() + ": " + r.GetProperty("message").ToString())
                .ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + stdout.Result + stderr.Result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.Errors is not null)
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                .ToList();
        Assert.True(result.IsValid, "SARIF is not valid against the 2.1.0 schema:\n" + string.Join("\n", errors));
    }
}

/// <summary>Where the SARIF Multitool is: `SPECMAP_SARIF_MULTITOOL`, else where .ci/install.sh puts the npm package.</summary>
internal static class Multitool
{
    public static string? Path { get; } = Find();

    /// <summary>Why the multitool test cannot run here, or null when it can.</summary>
    public static string? Unavailable { get; } =
        Path is null ? "the SARIF Multitool is not installed: .ci/install.sh installs npm's @microsoft/sarif-multitool-linux into artifacts/tools/sarif-multitool"
        : !CanIsolateNetwork() ? "`unshare --net` is not permitted here, and the multitool must not reach the network (its SARIF2006 rule fetches URIs)"
        : null;

    private static bool CanIsolateNetwork()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("unshare", ["--net", "true"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            return process.WaitForExit(10_000) && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("SPECMAP_SARIF_MULTITOOL");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        var installed = System.IO.Path.Combine(Snapshot.RepositoryRoot(), "artifacts", "tools", "sarif-multitool",
            "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        return File.Exists(installed) ? installed : null;
    }
}

/// <summary>A fact that is skipped, with the reason, when the SARIF Multitool cannot run here (xunit 2 has no runtime skip).</summary>
internal sealed class MultitoolFactAttribute : FactAttribute
{
    public MultitoolFactAttribute()
    {
        if (Multitool.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
