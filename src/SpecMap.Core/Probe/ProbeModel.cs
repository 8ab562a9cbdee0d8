using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe;

/// <summary>One server-sent event as received: the `event:` field (null when absent) and the joined `data:` lines.</summary>
/// <param name="Index">0-based position in the stream (comments and `[DONE]` are not events).</param>
/// <param name="Line">1-based line of the event's first field in the raw stream, for pointing at a recording.</param>
internal sealed record SseEvent(int Index, string? EventName, string Data, int Line);

/// <summary>One scenario's stream: the request that was sent and every event read back.</summary>
/// <param name="Scenario">The scenario's name (or the recording's file name without `.sse` when replayed).</param>
/// <param name="Source">Where the stream came from: the URL for a live run, the `.sse` path for a replay.</param>
/// <param name="SawDone">Whether the stream ended with the `data: [DONE]` sentinel.</param>
/// <param name="TransportError">Set when the stream broke off (timeout, reset, event limit); the events read so far are kept.</param>
internal sealed record ProbeStream(
    string Scenario,
    string Source,
    string? RequestBody,
    ImmutableArray<SseEvent> Events,
    bool SawDone,
    string? TransportError = null);

/// <summary>One probe finding: which rule, where in which stream, what was expected and what came.</summary>
/// <param name="EventIndex">The event the finding is about, or null for a finding about the whole stream or the mapping.</param>
/// <param name="Pointer">RFC 6901 pointer inside the event's JSON payload, or null.</param>
/// <param name="MappingItem">The pointer of the mapping item involved (e.g. `/streaming_events/11`), or null.</param>
/// <param name="ModelLocation">`file:line` of the model class the mapping names for the event, or null.</param>
/// <param name="SpecRule">The spec schema or rule the event broke (e.g. `#/components/schemas/ResponseTextDeltaEvent`), or null.</param>
/// <param name="Payload">The raw event data (shortened by the reporter, never by the checker), or null.</param>
/// <param name="Line">1-based line of the event in the raw stream (<see cref="SseEvent.Line"/>), or null.</param>
internal sealed record ProbeFinding(
    string RuleId,
    Severity Severity,
    string Message,
    string Scenario,
    int? EventIndex = null,
    string? EventType = null,
    string? Pointer = null,
    string? Expected = null,
    string? Actual = null,
    string? MappingItem = null,
    string? ModelLocation = null,
    string? SpecRule = null,
    string? Payload = null,
    int? Line = null);

/// <summary>Events seen in the probed streams, mapped in the mapping, and declared in the spec.</summary>
internal sealed record ProbeCoverageRow(string EventType, int Seen, bool Mapped, bool InSpec, bool MarkedImplemented);

/// <summary>Everything one `specmap probe` run found.</summary>
internal sealed record ProbeReport(
    ImmutableArray<ProbeStream> Streams,
    ImmutableArray<ProbeFinding> Findings,
    ImmutableArray<ProbeCoverageRow> Coverage)
{
    public int EventsChecked => Streams.Sum(s => s.Events.Length);

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
