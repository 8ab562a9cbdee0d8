using System.Text.Json;

namespace SpecMap.Core.Probe.Reports;

/// <summary>Writes a property only when it has a value: the probe's JSON formats leave absent facts out rather than writing null.</summary>
internal static class Utf8JsonWriterExtensions
{
    public static void WriteStringIfPresent(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
