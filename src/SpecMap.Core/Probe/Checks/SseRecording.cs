using System.Collections.Immutable;
using System.Text;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// Reads a recorded `text/event-stream` body (a `.sse` file) into a <see cref="ProbeStream"/>, following the
/// WHATWG event-stream rules: fields end at CR, LF or CRLF; `data:` lines join with `\n`; one space after the colon
/// is dropped; lines starting with `:` are comments; a blank line dispatches the event. `data: [DONE]` marks the end
/// and is not an event. System.Net.ServerSentEvents' SseParser is not used here because it reports no line numbers
/// and turns an absent `event:` field into "message", which would hide the `event:`/`type` disagreement rule.
/// </summary>
internal static class SseRecording
{
    public const string DoneSentinel = "[DONE]";

    public static ProbeStream Parse(string scenario, string source, string rawText, string? requestBody = null)
    {
        var events = ImmutableArray.CreateBuilder<SseEvent>();
        var sawDone = false;
        string? eventName = null;
        StringBuilder? data = null;
        var firstLine = 0;
        var lineNumber = 0;

        void Dispatch()
        {
            // Per the event-stream rules an event with no data is not dispatched.
            if (data is not null)
            {
                var text = data.ToString();
                if (text == DoneSentinel)
                {
                    sawDone = true;
                }
                else
                {
                    events.Add(new SseEvent(events.Count, eventName, text, firstLine));
                }
            }
            eventName = null;
            data = null;
            firstLine = 0;
        }

        // The event-stream rules drop one leading byte-order mark.
        foreach (var line in Lines(rawText.StartsWith('\uFEFF') ? rawText[1..] : rawText))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                Dispatch();
                continue;
            }
            if (line[0] == ':')
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            if (firstLine == 0)
            {
                firstLine = lineNumber;
            }
            switch (field)
            {
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (data is null)
                    {
                        data = new StringBuilder(value);
                    }
                    else
                    {
                        data.Append('\n').Append(value);
                    }
                    break;
                default:
                    // `id:`, `retry:` and unknown fields carry nothing the checks use.
                    break;
            }
        }
        // A recording cut off without its final blank line still holds a whole event.
        Dispatch();
        return new ProbeStream(scenario, source, requestBody, events.ToImmutable(), sawDone);
    }

    /// <summary>The lines of <paramref name="text"/>, split at CRLF, LF or a lone CR; a final line terminator adds no empty line.</summary>
    private static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                yield return text[start..i];
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
