using System.Text.Json;

namespace SpecMap.Core.Probe;

/// <summary>An event's type as reports group it: the payload's `type` string, else the `event:` field, else null.</summary>
internal static class EventTypes
{
    public static string? Of(SseEvent e)
    {
        try
        {
            using var document = JsonDocument.Parse(e.Data);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }
        }
        catch (JsonException)
        {
        }
        return e.EventName;
    }
}
