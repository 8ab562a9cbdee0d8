using System.Globalization;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// The order rules of a Responses stream: `sequence_number` counts 0, 1, 2, ... (SMV0506); `response.created` comes
/// first (SMV0507); exactly one terminal event comes last (SMV0508); the SSE `event:` field names the payload's `type`
/// (SMV0512).
/// </summary>
internal static class StreamOrderCheck
{
    public const string Created = "response.created";

    /// <summary>The events that end a response. An `error` event may also end a stream that never got one.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
    {
        "response.completed", "response.failed", "response.incomplete",
    };

    public const string ErrorEvent = "error";

    public static IEnumerable<ProbeFinding> Check(ParsedStream stream)
    {
        var events = stream.Events;
        if (events.IsEmpty)
        {
            yield return Findings.ForStream(RuleIds.TerminalEventWrong, stream,
                $"the stream has no events{TransportNote(stream)}", "one terminal event", "no events");
            yield break;
        }
        long? previous = null;
        foreach (var e in events)
        {
            if (e.Integer("sequence_number") is not { } number)
            {
                continue;
            }
            var expected = previous is null ? 0 : previous.Value + 1;
            if (number != expected)
            {
                yield return Findings.ForEvent(RuleIds.SequenceNumberBroken, stream, e,
                    previous is null ? $"the first sequence_number is {number}, not 0" : $"sequence_number {number} follows {previous}",
                    "/sequence_number", expected.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture));
            }
            previous = number;
        }
        foreach (var e in events)
        {
            if (e.Type == Created && e.Index != 0)
            {
                yield return Findings.ForEvent(RuleIds.CreatedNotFirst, stream, e, $"response.created is event {e.Index}, not the first",
                    "/type", "response.created at event 0", $"event {e.Index}");
            }
        }
        if (events[0].Type != Created)
        {
            yield return Findings.ForEvent(RuleIds.CreatedNotFirst, stream, events[0], $"the first event is '{events[0].Type ?? "(no type)"}', not response.created",
                "/type", Created, events[0].Type ?? "(no type)");
        }
        var terminals = events.Where(e => e.Type is not null && Terminal.Contains(e.Type)).ToList();
        if (terminals.Count == 0 && events[^1].Type != ErrorEvent)
        {
            yield return Findings.ForStream(RuleIds.TerminalEventWrong, stream,
                $"the stream ended without response.completed, response.failed or response.incomplete{TransportNote(stream)}",
                "one terminal event", $"last event '{events[^1].Type ?? "(no type)"}'");
        }
        foreach (var extra in terminals.Skip(1))
        {
            yield return Findings.ForEvent(RuleIds.TerminalEventWrong, stream, extra,
                $"a second terminal event '{extra.Type}' (the first was {terminals[0].Type} at event {terminals[0].Index})", "/type", "one terminal event", $"{terminals.Count} terminal events");
        }
        if (terminals.Count > 0 && terminals[^1].Index != events[^1].Index)
        {
            var after = events[terminals[^1].Index + 1];
            yield return Findings.ForEvent(RuleIds.TerminalEventWrong, stream, terminals[^1],
                $"'{terminals[^1].Type}' is not the last event: {events.Length - 1 - terminals[^1].Index} follow, the first '{after.Type ?? "(no type)"}'",
                expected: "the terminal event last", actual: $"followed by '{after.Type ?? "(no type)"}' at event {after.Index}");
        }
        foreach (var e in events)
        {
            if (e.Raw.EventName is { } name && e.Type is { } type && name != type)
            {
                yield return Findings.ForEvent(RuleIds.EventFieldDisagreesWithType, stream, e, $"the SSE field says 'event: {name}' but the payload's type is '{type}'",
                    "/type", name, type);
            }
        }
    }

    private static string TransportNote(ParsedStream stream) => stream.Stream.TransportError is { } error ? $" (the stream broke off: {error})" : string.Empty;
}
