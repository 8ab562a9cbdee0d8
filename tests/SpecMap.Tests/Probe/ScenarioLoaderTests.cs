using System.Text;
using SpecMap.Core.Probe.Scenarios;

namespace SpecMap.Tests.Probe;

/// <summary>Scenario files: the shipped set, settings, defaults, mapping test values, and one-line errors for bad files.</summary>
public sealed class ScenarioLoaderTests
{
    private static ScenarioSet Json(string text) => ScenarioLoader.Load(Encoding.UTF8.GetBytes(text), "s.json");

    [Fact]
    public void Defaults_merge_under_each_request_and_settings_override_the_built_in_ones()
    {
        var set = Json("""
            { "settings": { "timeout_seconds": 5, "concurrency": 1 },
              "defaults": { "model": "m", "stream": true },
              "scenarios": [ { "name": "a", "request": { "input": "hi", "model": "n" } },
                             { "name": "b", "request": { "background": true }, "cancel_after_events": 2 },
                             { "name": "c", "expect_status": 400 } ] }
            """);
        Assert.Equal(TimeSpan.FromSeconds(5), set.Settings.Timeout);
        Assert.Equal(1, set.Settings.Concurrency);
        Assert.Equal(ProbeSettings.Default.MaxEvents, set.Settings.MaxEvents);
        Assert.Equal("""{"model":"n","stream":true,"input":"hi"}""", set.Scenarios[0].BodyText);
        Assert.Equal(2, set.Scenarios[1].CancelAfterEvents);
        Assert.False(set.Scenarios[2].ExpectsStream);
        Assert.Equal("responses", set.Scenarios[0].Path);
    }

    [Theory]
    [InlineData("{ \"scenarios\": [ { \"name\": \"a\" }, ] ", "s.json(1,")]
    [InlineData("""{ "scenarios": [] }""", "s.json: /scenarios: expected a non-empty list")]
    [InlineData("""{ "scenarios": [ { "request": {} } ] }""", "s.json: /scenarios/0/name: missing")]
    [InlineData("""{ "scenarios": [ { "name": "a/b" } ] }""", "s.json: /scenarios/0/name: 'a/b' must be letters")]
    [InlineData("""{ "scenarios": [ { "name": "a" }, { "name": "a" } ] }""", "s.json: /scenarios/1/name: 'a' is used twice")]
    [InlineData("""{ "settings": { "retries": -1 }, "scenarios": [ { "name": "a" } ] }""", "s.json: /settings/retries: expected an integer of at least 0")]
    public void A_bad_file_is_one_clear_line(string text, string start)
    {
        var e = Assert.Throws<ScenarioReadException>(() => Json(text));
        Assert.StartsWith(start, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Each_mapped_test_value_becomes_a_scenario_but_stream_and_background_do_not()
    {
        var set = Json("""{ "defaults": { "model": "m", "stream": true }, "scenarios": [ { "name": "text", "request": { "input": "hi" } } ] }""");
        var mapping = """
            { "request_parameters": {
                "temperature": { "status": "implemented", "test_value": 0.5 },
                "top_p": { "status": "implemented", "test_values": [0.1, 0.9] },
                "stream": { "status": "implemented", "test_value": false },
                "user": { "status": "implemented" } } }
            """;
        var extra = TestValueScenarios.From(mapping, set).ToList();
        Assert.Equal(["param-temperature", "param-top_p-1", "param-top_p-2"], extra.Select(s => s.Name));
        Assert.Equal("""{"model":"m","stream":true,"input":"hi","temperature":0.5}""", extra[0].BodyText);
        Assert.Equal("""{"model":"m","stream":true,"input":"hi","top_p":0.9}""", extra[2].BodyText);
    }

    [Fact]
    public void The_shipped_set_covers_text_tools_reasoning_structured_output_incomplete_cancel_and_errors()
    {
        var set = ScenarioLoader.DefaultSet();
        Assert.Equal(["text", "tools", "reasoning", "structured-output", "incomplete", "background-cancel", "error-bad-temperature", "failure"],
            set.Scenarios.Select(s => s.Name));
        Assert.NotNull(set.Scenarios.Single(s => s.Name == "tools").Body["tools"]);
        Assert.Equal(3, set.Scenarios.Single(s => s.Name == "incomplete").Body["max_output_tokens"]!.GetValue<int>());
        Assert.Equal(4, set.Scenarios.Single(s => s.Name == "background-cancel").CancelAfterEvents);
        Assert.False(set.Scenarios.Single(s => s.Name == "error-bad-temperature").ExpectsStream);
        Assert.All(set.Scenarios, s => Assert.True(s.Body["stream"]!.GetValue<bool>()));
    }

    [Fact]
    public void Bad_yaml_names_the_file_line_and_column()
    {
        var e = Assert.Throws<ScenarioReadException>(() => ScenarioLoader.Load(Encoding.UTF8.GetBytes("scenarios:\n  - name: [a\n"), "s.yaml"));
        Assert.Matches(@"^s\.yaml\(\d+,\d+\): ", e.Message);
    }

    [Fact]
    public void A_model_override_reaches_every_request()
    {
        var set = Json("""{ "defaults": { "model": "m" }, "scenarios": [ { "name": "a" }, { "name": "b", "request": { "model": "x" } } ] }""");
        var changed = ScenarioLoader.WithBodyFields(set, new System.Text.Json.Nodes.JsonObject { ["model"] = "gpt-test" });
        Assert.All(changed.Scenarios, s => Assert.Equal("gpt-test", s.Body["model"]!.GetValue<string>()));
    }
}
