using System.Collections.Immutable;
using System.Text.Json;

namespace SpecMap.Core.Probe.Checks;

/// <summary>One event with its payload parsed: <see cref="Payload"/> is null when the data is not a JSON object.</summary>
internal sealed record ParsedEvent(SseEvent Raw, JsonElement? Payload, string? Type, string? ParseError)
{
    public int Index => Raw.Index;

    public string? String(string property) =>
        Payload is { } p && p.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public long? Integer(string property) =>
        Payload is { } p && p.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    public JsonElement? Property(string property) =>
        Payload is { } p && p.TryGetProperty(property, out var value) ? value : null;
}

/// <summary>A stream with every event's JSON parsed once, shared by all checks.</summary>
internal sealed record ParsedStream(ProbeStream Stream, ImmutableArray<ParsedEvent> Events)
{
    public string Scenario => Stream.Scenario;

    public static ParsedStream From(ProbeStream stream)
    {
        var events = ImmutableArray.CreateBuilder<ParsedEvent>(stream.Events.Length);
        foreach (var raw in stream.Events)
        {
            try
            {
                using var document = JsonDocument.Parse(raw.Data);
                var root = document.RootElement.Clone();
                var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                events.Add(new ParsedEvent(raw, root.ValueKind == JsonValueKind.Object ? root : null, type,
                    root.ValueKind == JsonValueKind.Object ? null : $"the data is a JSON {JsonKinds.Name(root)}, not an object"));
            }
            catch (JsonException e)
            {
                events.Add(new ParsedEvent(raw, null, null, $"the data is not JSON: {e.Message}"));
            }
        }
        return new ParsedStream(stream, events.MoveToImmutable());
    }
}
