using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SpecMap.Core.Probe.Scenarios;

/// <summary>One request that should make some events fire.</summary>
/// <param name="Name">Unique; names the recording (`NAME.sse`) and the JUnit test suite.</param>
/// <param name="Body">The JSON body sent (the set's defaults merged under the scenario's own fields).</param>
/// <param name="CancelAfterEvents">For a `background` request: cancel it (`POST …/cancel`) after this many events.</param>
/// <param name="ExpectStatus">The HTTP status the scenario expects; a non-2xx expectation checks no stream.</param>
internal sealed record ProbeScenario(
    string Name,
    string? Description,
    string Method,
    string Path,
    JsonObject Body,
    int? CancelAfterEvents = null,
    int ExpectStatus = 200)
{
    public bool ExpectsStream => ExpectStatus is >= 200 and < 300;

    /// <summary>The body as sent and recorded: compact, in the order written.</summary>
    public string BodyText => Body.ToJsonString();
}

/// <summary>How requests are sent: per-request timeout, event limit, retries with exponential backoff, parallelism.</summary>
internal sealed record ProbeSettings(
    TimeSpan Timeout,
    int MaxEvents,
    int Retries,
    TimeSpan Backoff,
    int Concurrency)
{
    public static ProbeSettings Default { get; } = new(TimeSpan.FromSeconds(60), 10_000, 2, TimeSpan.FromMilliseconds(250), 4);
}

/// <summary>A scenario file as read: the scenarios in file order and the settings it asks for.</summary>
internal sealed record ScenarioSet(string Source, ImmutableArray<ProbeScenario> Scenarios, ProbeSettings Settings);

/// <summary>A scenario file that cannot be used; the message starts with `FILE(LINE,COL):` where a position is known.</summary>
internal sealed class ScenarioReadException(string message) : Exception(message);
