using System.Text.Json.Nodes;

namespace SpecMap.Core.Probe.Scenarios;

/// <summary>
/// One scenario per request parameter of the mapping that records a test value (`test_value`, or each of
/// `test_values`): the set's first streaming scenario with that parameter added, so every mapped parameter is sent.
/// </summary>
internal static class TestValueScenarios
{
    public static IEnumerable<ProbeScenario> From(string mappingText, ScenarioSet set)
    {
        var template = set.Scenarios.FirstOrDefault(s => s.ExpectsStream && s.CancelAfterEvents is null);
        if (template is null || JsonNode.Parse(mappingText) is not JsonObject root || root["request_parameters"] is not JsonObject parameters)
        {
            yield break;
        }
        var taken = set.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, node) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // `stream` and `background` change how the answer comes back, so the scenarios set them, not the test values.
            if (node is not JsonObject item || name is "stream" or "background")
            {
                continue;
            }
            var values = item["test_values"] is JsonArray many ? many.ToList()
                : item.ContainsKey("test_value") ? [item["test_value"]]
                : [];
            for (var i = 0; i < values.Count; i++)
            {
                var scenarioName = Safe($"param-{name}" + (values.Count > 1 ? $"-{i + 1}" : string.Empty));
                if (!taken.Add(scenarioName))
                {
                    continue;
                }
                var body = ScenarioLoader.Merge(template.Body, new JsonObject { [name] = values[i]?.DeepClone() });
                yield return template with { Name = scenarioName, Description = $"request parameter `{name}` with the mapping's test value", Body = body };
            }
        }
    }

    private static string Safe(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}
