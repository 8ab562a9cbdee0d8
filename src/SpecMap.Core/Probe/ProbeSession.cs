using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SpecMap.Core.Mapping;
using SpecMap.Core.Probe.Checks;
using SpecMap.Core.Probe.Recording;
using SpecMap.Core.Probe.Scenarios;
using SpecMap.Core.Probe.Transport;

namespace SpecMap.Core.Probe;

/// <summary>The outcome of a probe: the result to report, and whether the server could not be reached at all (exit code 3).</summary>
internal sealed record ProbeOutcome(ProbeResult Result, bool Unreachable, IReadOnlyList<string> Recorded);

/// <summary>
/// One `specmap probe` run: read the spec, mapping and scenarios, get the streams (from the server, or from a replay
/// folder), record them if asked, and hand them to the checks. No console I/O: progress goes to the given sink.
/// </summary>
internal static class ProbeSession
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <exception cref="ProbeSetupException">An input cannot be read; the message names it.</exception>
    public static async Task<ProbeOutcome> RunAsync(ProbeRequest request, IProgress<ScenarioProgress>? progress, CancellationToken cancellationToken)
    {
        if ((request.BaseUrl is null) == (request.ReplayFolder is null))
        {
            throw new ProbeSetupException("give either --base-url URL (probe a server) or --replay DIR (check recorded streams)");
        }
        if (request.ReplayFolder is not null && request.RecordFolder is not null)
        {
            throw new ProbeSetupException("--record and --replay cannot be combined: a replay sends nothing to record");
        }
        var spec = LoadSpec(request);
        var mapping = LoadMapping(request);
        var options = new ProbeOptions(request.NullForOptional);
        if (request.ReplayFolder is { } folder)
        {
            ImmutableArray<ProbeStream> streams;
            try
            {
                streams = ProbeReplay.Load(request.Resolve(folder), request.Display(folder));
            }
            catch (ReplayException e)
            {
                throw new ProbeSetupException(e.Message);
            }
            var summaries = streams.Select(s => new ScenarioSummary(s.Scenario, null, s.Source, null, 200, s.Events.Length, s.TransportError, true));
            var report = Check(streams, spec, mapping, options, request);
            return new ProbeOutcome(new ProbeResult(request.Display(folder), true, SpecName(request), mapping, [.. summaries], report), false, []);
        }
        var baseUri = ProbeClient.ParseBaseUri(request.BaseUrl!, out var problem) ?? throw new ProbeSetupException(problem!);
        var set = Scenarios(request, mapping);
        using var client = new ProbeClient(baseUri, request.AuthToken, ConnectTimeout);
        var runs = await ScenarioRunner.RunAllAsync(client, set, progress, cancellationToken).ConfigureAwait(false);
        var recorded = request.RecordFolder is { } record ? ProbeRecorder.Write(request.Resolve(record), runs) : [];
        var byName = set.Scenarios.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var checkedStreams = runs.Where(r => byName[r.Scenario].ExpectsStream).Select(r => r.Stream).ToImmutableArray();
        var liveSummaries = runs.Select(r => new ScenarioSummary(r.Scenario, byName[r.Scenario].Description, r.Uri, r.Status, byName[r.Scenario].ExpectStatus,
            r.Stream.Events.Length, r.Stream.TransportError, byName[r.Scenario].ExpectsStream));
        var liveReport = Check(checkedStreams, spec, mapping, options, request);
        var result = new ProbeResult(baseUri.ToString(), false, SpecName(request), mapping, [.. liveSummaries], liveReport);
        return new ProbeOutcome(result, runs.Length > 0 && runs.All(r => r.Unreachable), recorded);
    }

    /// <summary>The scenario file (or the shipped set), the CLI's overrides, and one scenario per mapped test value.</summary>
    public static ScenarioSet Scenarios(ProbeRequest request, MappingDocument? mapping)
    {
        ScenarioSet set;
        try
        {
            set = request.ScenariosFile is { } file
                ? ScenarioLoader.Load(ReadFile(request, file, "scenario file"), request.Display(file))
                : ScenarioLoader.DefaultSet();
        }
        catch (ScenarioReadException e)
        {
            throw new ProbeSetupException(e.Message);
        }
        if (request.Model is { } model)
        {
            set = ScenarioLoader.WithBodyFields(set, new JsonObject { ["model"] = model });
        }
        if (mapping is not null)
        {
            set = set with { Scenarios = set.Scenarios.AddRange(TestValueScenarios.From(mapping.Text, set)) };
        }
        var s = set.Settings;
        return set with
        {
            Settings = new ProbeSettings(request.Timeout ?? s.Timeout, request.MaxEvents ?? s.MaxEvents, request.Retries ?? s.Retries, s.Backoff,
                request.Concurrency ?? s.Concurrency),
        };
    }

    private static ProbeReport Check(ImmutableArray<ProbeStream> streams, EventSchemas spec, MappingDocument? mapping, ProbeOptions options,
        ProbeRequest request) =>
        ProbeChecker.Check(streams, spec, mapping is null ? null : ProbeMappingView.From(mapping, ProbeModels.Reader(mapping, request.WorkingDirectory)), options);

    /// <summary>`--spec FILE`, else the shipped excerpt of OpenAI's document (its streaming events as of 2026-05-13).</summary>
    private static EventSchemas LoadSpec(ProbeRequest request)
    {
        try
        {
            return request.SpecFile is { } file
                ? EventSchemas.Load(ReadFile(request, file, "spec"), request.Display(file))
                : EventSchemas.Load(EmbeddedResource.Read(BuiltInSpecResource), BuiltInSpecName);
        }
        catch (EventSchemaException e)
        {
            throw new ProbeSetupException(e.Message);
        }
    }

    public const string BuiltInSpecResource = "probe/openai-responses-events.json";
    public const string BuiltInSpecName = "(built in) OpenAI Responses streaming events, 2026-05-13";

    private static string SpecName(ProbeRequest request) => request.SpecFile is { } file ? request.Display(file) : BuiltInSpecName;


    private static MappingDocument? LoadMapping(ProbeRequest request)
    {
        if (request.MappingFile is not { } file)
        {
            return null;
        }
        try
        {
            return MappingLoader.Load(request.Resolve(file), request.Display(file), path => File.Exists(request.Resolve(path)));
        }
        catch (MappingReadException e)
        {
            throw new ProbeSetupException(e.Location is { } at ? $"{at.Path}({at.Line},{at.Column}): {e.Message}" : e.Message);
        }
    }

    private static byte[] ReadFile(ProbeRequest request, string file, string what)
    {
        var full = request.Resolve(file);
        if (!File.Exists(full))
        {
            throw new ProbeSetupException($"{request.Display(file)}: {what} not found");
        }
        return File.ReadAllBytes(full);
    }
}
