using System.Text.Json;
using SpecMap.Core.Output;

namespace SpecMap.Core.Probe.Reports;

/// <summary>The probe's JSON formats leave absent facts out rather than writing null (<see cref="JsonText.WriteStringIfPresent"/>).</summary>
internal static class Utf8JsonWriterExtensions
{
    /// <summary>
    /// A finding's facts that may be absent (event type, pointer, expected, actual, mapping item, model, spec rule,
    /// payload), in one order for every JSON format: snake_case names for `--format json`, camelCase for SARIF's property bag.
    /// </summary>
    public static void WriteFindingFacts(this Utf8JsonWriter json, ProbeFinding finding, bool camelCase, string? payload)
    {
        (string Name, string? Value)[] facts =
        [
            ("event_type", finding.EventType), ("pointer", finding.Pointer), ("expected", finding.Expected), ("actual", finding.Actual),
            ("mapping_item", finding.MappingItem), ("model", finding.ModelLocation), ("spec_rule", finding.SpecRule), ("payload", payload),
        ];
        foreach (var (name, value) in facts)
        {
            json.WriteStringIfPresent(camelCase ? CamelCase(name) : name, value);
        }
    }

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
