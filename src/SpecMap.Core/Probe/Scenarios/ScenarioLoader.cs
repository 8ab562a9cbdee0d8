using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpecMap.Core.Probe.Checks;

namespace SpecMap.Core.Probe.Scenarios;

/// <summary>
/// Reads a scenario file (JSON, or YAML by extension): `settings` (timeouts, limits, retries, concurrency),
/// `defaults` (fields merged into every request body) and `scenarios` (name, request, optional
/// `cancel_after_events`, `expect_status`, `path`, `method`). The shipped set is `DefaultSet`.
/// </summary>
internal static class ScenarioLoader
{
    public const string DefaultResource = "probe/scenarios.yaml";

    public static ScenarioSet Load(byte[] bytes, string displayPath)
    {
        var isYaml = displayPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || displayPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(isYaml ? YamlToJson.Convert(bytes, displayPath) : bytes);
        }
        catch (EventSchemaException e)
        {
            throw new ScenarioReadException(e.Message);
        }
        catch (JsonException e)
        {
            throw new ScenarioReadException($"{displayPath}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not valid JSON: {FirstSentence(e.Message)}");
        }
        if (root is not JsonObject top)
        {
            throw new ScenarioReadException($"{displayPath}(1,1): a scenario file is an object with `scenarios`");
        }
        var settings = ReadSettings(top["settings"], displayPath);
        var defaults = top["defaults"] as JsonObject ?? [];
        if (top["scenarios"] is not JsonArray list || list.Count == 0)
        {
            throw new ScenarioReadException($"{displayPath}: /scenarios: expected a non-empty list of scenarios");
        }
        var scenarios = ImmutableArray.CreateBuilder<ProbeScenario>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var scenario = ReadScenario(list[i], defaults, $"{displayPath}: /scenarios/{i}");
            if (!names.Add(scenario.Name))
            {
                throw new ScenarioReadException($"{displayPath}: /scenarios/{i}/name: '{scenario.Name}' is used twice");
            }
            scenarios.Add(scenario);
        }
        return new ScenarioSet(displayPath, scenarios.ToImmutable(), settings);
    }

    /// <summary>The set that ships in the engine (one per kind of event: text, tools, reasoning, structured output, …).</summary>
    public static ScenarioSet DefaultSet()
    {
        return Load(EmbeddedResource.Read(DefaultResource), "(default scenarios) " + DefaultResource);
    }

    /// <summary>A copy of <paramref name="set"/> whose every request body carries <paramref name="overrides"/> (e.g. `--model`).</summary>
    public static ScenarioSet WithBodyFields(ScenarioSet set, JsonObject overrides) =>
        set with
        {
            Scenarios = [.. set.Scenarios.Select(s => s with { Body = Merge(s.Body, overrides) })],
        };

    internal static JsonObject Merge(JsonObject under, JsonObject over)
    {
        var merged = (JsonObject)under.DeepClone();
        foreach (var (key, value) in over)
        {
            merged[key] = value?.DeepClone();
        }
        return merged;
    }

    private static ProbeScenario ReadScenario(JsonNode? node, JsonObject defaults, string at)
    {
        if (node is not JsonObject item)
        {
            throw new ScenarioReadException($"{at}: a scenario is an object with `name` and `request`");
        }
        var name = String(item, "name", at) ?? throw new ScenarioReadException($"{at}/name: missing");
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new ScenarioReadException($"{at}/name: '{name}' must be letters, digits, '-', '_' or '.' (it names the recording file)");
        }
        var request = item["request"] as JsonObject ?? (item["request"] is null ? [] : throw new ScenarioReadException($"{at}/request: expected an object"));
        return new ProbeScenario(
            name,
            String(item, "description", at),
            (String(item, "method", at) ?? "POST").ToUpperInvariant(),
            String(item, "path", at) ?? "responses",
            Merge(defaults, request),
            Integer(item, "cancel_after_events", at, 1),
            Integer(item, "expect_status", at, 100) ?? 200);
    }

    private static ProbeSettings ReadSettings(JsonNode? node, string displayPath)
    {
        var d = ProbeSettings.Default;
        if (node is null)
        {
            return d;
        }
        if (node is not JsonObject settings)
        {
            throw new ScenarioReadException($"{displayPath}: /settings: expected an object");
        }
        var at = displayPath + ": /settings";
        return new ProbeSettings(
            Integer(settings, "timeout_seconds", at, 1) is { } seconds ? TimeSpan.FromSeconds(seconds) : d.Timeout,
            Integer(settings, "max_events", at, 1) ?? d.MaxEvents,
            Integer(settings, "retries", at, 0) ?? d.Retries,
            Integer(settings, "backoff_ms", at, 0) is { } ms ? TimeSpan.FromMilliseconds(ms) : d.Backoff,
            Integer(settings, "concurrency", at, 1) ?? d.Concurrency);
    }

    private static string? String(JsonObject item, string key, string at) => item[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw new ScenarioReadException($"{at}/{key}: expected a string"),
    };

    private static int? Integer(JsonObject item, string key, string at, int minimum) => item[key] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) && number >= minimum => number,
        _ => throw new ScenarioReadException($"{at}/{key}: expected an integer of at least {minimum.ToString(CultureInfo.InvariantCulture)}"),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
