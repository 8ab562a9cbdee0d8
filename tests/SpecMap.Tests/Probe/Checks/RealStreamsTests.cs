using System.Text;
using System.Text.Json.Nodes;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;
using SpecMap.Tests.Support;
using Xunit.Abstractions;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>
/// The 12 real Responses API streams of `shared/bench/sse` replayed against OpenAI's spec as of 2026-05-13 (from the
/// git bundle `shared/specs/openai-openapi.bundle`). Skipped with a reason when either is absent.
/// </summary>
public sealed class RealStreamsTests(ITestOutputHelper output)
{
    private const string SpecDate = "2026-05-13";

    private static readonly Lazy<(EventSchemas Spec, string Commit)?> RealSpec = new(LoadSpec);

    [RealStreamsFact]
    public void The_real_streams_give_the_pinned_findings_by_rule_and_severity()
    {
        var (spec, streams) = Inputs();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = ProbeChecker.Check(streams, spec, null, ProbeOptions.Default);
        output.WriteLine($"checked in {clock.ElapsedMilliseconds} ms");
        var counts = report.Findings.GroupBy(f => $"{f.RuleId} {f.Severity.ToName()}").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}").ToList();
        output.WriteLine($"spec {RealSpec.Value!.Value.Commit}; {report.EventsChecked} events in {streams.Count} streams");
        foreach (var line in counts)
        {
            output.WriteLine(line);
        }
        foreach (var f in report.Findings.Where(f => f.Severity >= Severity.Warning))
        {
            output.WriteLine($"{f.Scenario}#{f.EventIndex} {f.RuleId} {f.Severity.ToName()} {f.Pointer}: {f.Message} (expected {f.Expected}, actual {f.Actual})");
        }
        foreach (var g in report.Findings.Where(f => f.Severity < Severity.Warning).GroupBy(f => $"{f.RuleId} {f.EventType} {f.Pointer}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {g.Key}: {g.Count()}");
        }
        Assert.Equal(2089, report.EventsChecked);
        // With null-for-optional as info only real departures are errors: 2 function_call_arguments.done events without
        // the `name` the spec requires, and 2 in-progress web_search_call items whose `action` lacks its `query`.
        Assert.Equal(["SMV0501 error: 4", "SMV0502 info: 132", "SMV0503 info: 2030"], counts);
        Assert.Equal(
            [
                ("FunctionCallStreamingWorks", 11, "/name"), ("FunctionCallStreamingWorksAsync", 11, "/name"),
                ("WebSearchCallStreaming", 2, "/item/action/query"), ("WebSearchCallStreamingAsync", 2, "/item/action/query"),
            ],
            report.Of(RuleIds.EventSchemaViolation).Select(f => (f.Scenario, f.EventIndex!.Value, f.Pointer!)));
        Assert.Equal(11 * 12, report.Of(RuleIds.NullForOptional).Count(f => f.Pointer!.StartsWith("/response/", StringComparison.Ordinal)));
        Assert.Equal(1964, report.Of(RuleIds.UnknownEventField).Count(f => f.Pointer == "/obfuscation"));

        var strict = ProbeChecker.Check(streams, spec, null, new ProbeOptions(NullPolicy.Error));
        Assert.Equal(136, strict.Findings.Count(f => f.Severity == Severity.Error));
    }

    [RealStreamsFact]
    public void A_real_stream_mutated_to_the_incident_delta_is_caught()
    {
        var (spec, streams) = Inputs();
        var stream = streams.Single(s => s.Scenario == "FunctionCallStreamingWorks");
        var target = stream.Events.First(e => e.EventName == "response.function_call_arguments.delta");
        var node = (JsonObject)JsonNode.Parse(target.Data)!;
        node["delta"] = new JsonObject { ["location"] = new JsonArray(new JsonObject { ["text"] = node["delta"]!.GetValue<string>() }) };
        var mutated = stream with { Events = stream.Events.SetItem(target.Index, target with { Data = node.ToJsonString() }) };

        var before = ProbeChecker.Check([stream], spec, null, ProbeOptions.Default).Of(RuleIds.EventSchemaViolation);
        var after = ProbeChecker.Check([mutated], spec, null, ProbeOptions.Default).Of(RuleIds.EventSchemaViolation);
        var caught = Assert.Single(after.Except(before));
        Assert.Equal((target.Index, "/delta", "string", "object"), (caught.EventIndex!.Value, caught.Pointer, caught.Expected, JsonObject.Parse(caught.Actual!)!.GetValueKind().ToString().ToLowerInvariant()));
        Assert.Equal("#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent/properties/delta/type", caught.SpecRule);
    }

    private static (EventSchemas Spec, List<ProbeStream> Streams) Inputs()
    {
        var folder = SseFolder()!;
        Assert.True(RealSpec.Value is not null, $"git could not read the spec at {SpecDate} from shared/specs/openai-openapi.bundle");
        var streams = Directory.GetFiles(folder, "*.sse").Order(StringComparer.Ordinal)
            .Select(path => SseRecording.Parse(Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path))).ToList();
        return (RealSpec.Value!.Value.Spec, streams);
    }

    internal static string? SharedFolder(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", relative);
            if (Directory.Exists(candidate) || File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    internal static string? SseFolder() => SharedFolder(Path.Combine("bench", "sse"));

    /// <summary>The first commit on or after <see cref="SpecDate"/> with openapi.json or openapi.yaml, from a clone in a temp folder.</summary>
    private static (EventSchemas Spec, string Commit)? LoadSpec()
    {
        var bundle = SharedFolder(Path.Combine("specs", "openai-openapi.bundle"));
        if (bundle is null)
        {
            return null;
        }
        var clone = Path.Combine(Path.GetTempPath(), "specmap-tests", "openai-openapi-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.GetDirectoryName(clone)!);
        try
        {
            if (GitProcess.Run(Path.GetTempPath(), null, "clone", "--bare", "--quiet", "--branch", "main", bundle, clone).ExitCode != 0)
            {
                return null;
            }
            var candidates = new List<(DateTimeOffset When, string Commit, string Path)>();
            foreach (var file in new[] { "openapi.json", "openapi.yaml" })
            {
                var log = GitProcess.Run(clone, null, "log", "main", "--format=%H %cI", $"--after={SpecDate}T00:00:00Z", "--", file);
                candidates.AddRange(log.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(l => l.Split(' '))
                    .Select(p => (DateTimeOffset.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[0], file)));
            }
            if (candidates.Count == 0)
            {
                return null;
            }
            var first = candidates.OrderBy(c => c.When).First();
            var text = GitProcess.Run(clone, null, "show", $"{first.Commit}:{first.Path}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var spec = text.ExitCode == 0 ? EventSchemas.Load(Encoding.UTF8.GetBytes(text.Stdout), first.Path) : null;
            return spec is null ? null : (spec, $"{first.Commit[..7]} {first.Path}, loaded in {clock.ElapsedMilliseconds} ms, {spec.EventTypes.Length} event types");
        }
        finally
        {
            TempFolder.Delete(clone);
        }
    }
}

/// <summary>Runs only where `shared/bench/sse` and `shared/specs/openai-openapi.bundle` are (above the test binaries).</summary>
internal sealed class RealStreamsFactAttribute : FactAttribute
{
    public RealStreamsFactAttribute()
    {
        if (RealStreamsTests.SseFolder() is null)
        {
            Skip = "The real streams (shared/bench/sse) are not here.";
        }
        else if (RealStreamsTests.SharedFolder(Path.Combine("specs", "openai-openapi.bundle")) is null)
        {
            Skip = "OpenAI's spec history (shared/specs/openai-openapi.bundle) is not here.";
        }
    }
}
