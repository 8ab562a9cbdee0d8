using System.Text.Json;
using SpecMap.Cli;
using SpecMap.Cli.Commands;
using SpecMap.Cli.Demo;
using SpecMap.Core.Probe.Recording;
using SpecMap.Tests.Output;

namespace SpecMap.Tests.Probe;

/// <summary>`specmap probe` end to end against the real example server (FastAPI + uvicorn on 127.0.0.1), and its exit codes.</summary>
[Collection(ProbeServers.Collection)]
public sealed class ProbeCommandTests
{
    private static readonly string Root = Snapshot.RepositoryRoot();
    private static readonly string ServerFolder = Path.Combine(Root, "mapping", "examples", "server");
    private const string Mapping = "mapping/examples/SPEC_TO_CODE_MAPPING.json";

    internal static ProbeCommandOptions Options(string? baseUrl = null, string? replay = null, string? record = null, string format = "json",
        string? mapping = Mapping, string? output = null) =>
        new(baseUrl, null, null, record, replay, format, output, mapping, "SPECMAP_TEST_NO_TOKEN", null, 30, null, 0, null, "info");

    internal static (int Exit, string Stdout, string Stderr) Run(ProbeCommandOptions options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ProbeCommand.Run(options, stdout, stderr, Root);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [ExampleServerFact]
    public void The_clean_example_server_passes_and_every_default_scenario_streams()
    {
        using var server = ExampleServer.Start(ServerFolder);
        var (exit, stdout, stderr) = Run(Options(server.BaseUrl));
        Assert.True(exit == ExitCodes.Clean, stderr + stdout);
        using var report = JsonDocument.Parse(stdout);
        var scenarios = report.RootElement.GetProperty("scenarios").EnumerateArray().ToList();
        Assert.Equal(["text", "tools", "reasoning", "structured-output", "incomplete", "background-cancel", "error-bad-temperature", "failure"],
            scenarios.Select(s => s.GetProperty("name").GetString()));
        Assert.All(scenarios, s => Assert.False(s.TryGetProperty("transport_error", out _), s.ToString()));
        Assert.Equal(400, scenarios.Single(s => s.GetProperty("name").GetString() == "error-bad-temperature").GetProperty("status").GetInt32());
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("events").GetInt32() > 80);
    }

    [ExampleServerFact]
    public void A_recording_replays_to_the_same_events()
    {
        using var folder = new ScratchFolder();
        using (var server = ExampleServer.Start(ServerFolder))
        {
            var (exit, _, stderr) = Run(Options(server.BaseUrl, record: folder.Path));
            Assert.True(exit == ExitCodes.Clean, stderr);
        }
        Assert.True(File.Exists(Path.Combine(folder.Path, "tools.sse")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "error-bad-temperature.sse")), "an expected 400 is no stream");
        var streams = ProbeReplay.Load(folder.Path, "rec");
        var tools = streams.Single(s => s.Scenario == "tools");
        Assert.Contains(tools.Events, e => e.EventName == "response.function_call_arguments.delta");
        Assert.Contains("get_weather_at_location", tools.RequestBody, StringComparison.Ordinal);
        var cancelled = streams.Single(s => s.Scenario == "background-cancel");
        Assert.Equal("response.failed", cancelled.Events[^1].EventName);
        Assert.Contains("\"status\":\"cancelled\"", cancelled.Events[^1].Data, StringComparison.Ordinal);
        var (replayExit, replayOut, _) = Run(Options(replay: folder.Path));
        Assert.Equal(ExitCodes.Clean, replayExit);
        using var report = JsonDocument.Parse(replayOut);
        Assert.Equal(streams.Sum(s => s.Events.Length), report.RootElement.GetProperty("summary").GetProperty("events").GetInt32());
    }

    [ExampleServerFact]
    public void The_injected_incident_fails_with_the_schema_and_model_findings()
    {
        using var folder = new ScratchFolder();
        using var server = ExampleServer.Start(ServerFolder, "bug5");
        var (exit, stdout, stderr) = Run(Options(server.BaseUrl, record: folder.Path));
        Assert.True(exit == ExitCodes.ErrorsRemain, stderr + stdout);
        using var report = JsonDocument.Parse(stdout);
        var errors = report.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == "error").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, f =>
        {
            Assert.Equal("tools", f.GetProperty("scenario").GetString());
            Assert.Equal("response.function_call_arguments.delta", f.GetProperty("event_type").GetString());
            Assert.Equal("/delta", f.GetProperty("pointer").GetString());
        });
        var schema = errors.First(f => f.GetProperty("id").GetString() == "SMV0501");
        Assert.Equal("string", schema.GetProperty("expected").GetString());
        Assert.Equal("/streaming_events/11", schema.GetProperty("mapping_item").GetString());
        Assert.Matches(@"^mapping/examples/server/vllm/entrypoints/openai/protocol\.py:\d+$", schema.GetProperty("model").GetString());
        Assert.Contains(errors, f => f.GetProperty("id").GetString() == "SMV0515");
        var tools = ProbeReplay.Load(folder.Path, "rec").Single(s => s.Scenario == "tools");
        var delta = tools.Events.First(e => e.EventName == "response.function_call_arguments.delta");
        using var payload = JsonDocument.Parse(delta.Data);
        Assert.Equal(JsonValueKind.Object, payload.RootElement.GetProperty("delta").ValueKind);
    }

    [ExampleServerFact]
    public void Machine_formats_are_the_formatter_output_byte_for_byte_and_go_to_the_output_file()
    {
        using var folder = new ScratchFolder();
        using (var server = ExampleServer.Start(ServerFolder))
        {
            Run(Options(server.BaseUrl, record: folder.Path));
        }
        foreach (var format in new[] { "sarif", "junit", "html", "text" })
        {
            var file = Path.Combine(folder.Path, "report." + format);
            var (toFile, _, stderr) = Run(Options(replay: folder.Path, format: format, output: file));
            var (toStdout, stdout, _) = Run(Options(replay: folder.Path, format: format));
            Assert.Equal(toStdout, toFile);
            Assert.Equal(stdout, File.ReadAllText(file));
            Assert.Contains("report written to", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_server_nobody_listens_on_is_exit_code_3()
    {
        var (exit, _, stderr) = Run(Options($"http://127.0.0.1:{LocalHttpServer.FreePort()}"));
        Assert.Equal(ExitCodes.ServerUnreachable, exit);
        Assert.StartsWith("specmap: the server at http://127.0.0.1:", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData(null, null, "json", "give either --base-url URL")]
    [InlineData("http://127.0.0.1:9", "rec", "json", "give either --base-url URL")]
    [InlineData("http://127.0.0.1:9", null, "yaml", "unknown --format 'yaml'")]
    [InlineData("localhost:8000", null, "json", "--base-url 'localhost:8000' is not an absolute")]
    [InlineData(null, "no-such-folder", "json", "no-such-folder: no such folder")]
    public void Bad_invocations_are_exit_code_2_with_one_line(string? baseUrl, string? replay, string format, string message)
    {
        var (exit, stdout, stderr) = Run(Options(baseUrl, replay, format: format));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("specmap: " + message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void A_missing_mapping_is_exit_code_2()
    {
        using var folder = new ScratchFolder();
        File.WriteAllText(Path.Combine(folder.Path, "a.sse"), "data: {}\n\n");
        var (exit, _, stderr) = Run(Options(replay: folder.Path, mapping: "nope.json"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("nope.json", stderr, StringComparison.Ordinal);
    }
}
