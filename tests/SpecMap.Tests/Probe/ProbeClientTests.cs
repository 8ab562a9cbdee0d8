using System.Text.Json.Nodes;
using SpecMap.Core.Probe.Recording;
using SpecMap.Core.Probe.Scenarios;
using SpecMap.Core.Probe.Transport;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Probe;

/// <summary>The transport against a real HTTP server on 127.0.0.1: SSE reading, retries, limits, timeouts, auth, recording.</summary>
[Collection(ProbeServers.Collection)]
public sealed class ProbeClientTests
{
    private static readonly ProbeSettings Fast = new(TimeSpan.FromSeconds(10), 100, 2, TimeSpan.FromMilliseconds(10), 2);

    private static ProbeScenario Scenario(string name = "text", int expect = 200) =>
        new(name, null, "POST", "responses", new JsonObject { ["model"] = "m", ["stream"] = true }, ExpectStatus: expect);

    private static ProbeClient Client(string baseUrl, string? token = null) =>
        new(ProbeClient.ParseBaseUri(baseUrl, out _)!, token, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Reads_multi_line_data_comments_and_done_from_a_live_stream()
    {
        using var server = new LocalHttpServer((_, context) => LocalHttpServer.WriteSse(context, ProbeStreams.Text));
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast, null, CancellationToken.None);
        Assert.Equal(200, run.Status);
        Assert.Null(run.Stream.TransportError);
        Assert.Equal(["response.created", "response.output_text.delta", "response.completed"], run.Stream.Events.Select(e => e.EventName));
        Assert.Contains("\n\"delta\":\"Hi\"}", run.Stream.Events[1].Data, StringComparison.Ordinal);
        Assert.True(run.Stream.SawDone);
        Assert.Equal(ProbeStreams.Text, System.Text.Encoding.UTF8.GetString(run.RawBody));
        Assert.EndsWith("/v1/responses", run.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_a_503_with_backoff_then_reads_the_stream()
    {
        using var server = new LocalHttpServer(async (n, context) =>
        {
            if (n == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }
            await LocalHttpServer.WriteSse(context, ProbeStreams.Text);
        });
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast, null, CancellationToken.None);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(3, run.Stream.Events.Length);
        Assert.Null(run.Stream.TransportError);
    }

    [Fact]
    public async Task Gives_up_after_the_retries_and_reports_the_status()
    {
        using var server = new LocalHttpServer((_, context) =>
        {
            context.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast, null, CancellationToken.None);
        Assert.Equal(3, run.Attempts);
        Assert.StartsWith("HTTP 500 (the scenario expects 200)", run.Stream.TransportError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expected_error_status_is_no_transport_problem()
    {
        using var server = new LocalHttpServer(async (_, context) =>
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("""{"error":{"message":"bad"}}"""u8.ToArray());
        });
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(expect: 400), Fast, null, CancellationToken.None);
        Assert.Equal(400, run.Status);
        Assert.Null(run.Stream.TransportError);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    public async Task A_json_answer_where_a_stream_was_asked_for_is_reported()
    {
        using var server = new LocalHttpServer(async (_, context) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
        });
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast, null, CancellationToken.None);
        Assert.Equal("expected a text/event-stream answer, got application/json", run.Stream.TransportError);
    }

    [Fact]
    public async Task A_stream_longer_than_the_limit_is_cut_and_reported()
    {
        using var server = new LocalHttpServer((_, context) => LocalHttpServer.WriteSse(context, ProbeStreams.Text));
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast with { MaxEvents = 2 }, null, CancellationToken.None);
        Assert.Equal(2, run.Stream.Events.Length);
        Assert.Equal("more than 2 events: the stream was cut there", run.Stream.TransportError);
    }

    [Fact]
    public async Task A_stalled_stream_times_out_and_keeps_the_events_read()
    {
        using var release = new SemaphoreSlim(0);
        using var server = new LocalHttpServer(async (_, context) =>
        {
            await LocalHttpServer.WriteSse(context, ProbeStreams.Text.Split("event: response.completed")[0]);
            await context.Response.OutputStream.FlushAsync();
            await release.WaitAsync(TimeSpan.FromSeconds(20));
        });
        using var client = Client(server.BaseUrl);
        var run = await client.RunAsync(Scenario(), Fast with { Timeout = TimeSpan.FromSeconds(1), Retries = 0 }, null, CancellationToken.None);
        release.Release();
        Assert.Equal("the stream did not end within 1 s", run.Stream.TransportError);
        Assert.Equal(2, run.Stream.Events.Length);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_after_the_retries()
    {
        using var client = Client($"http://127.0.0.1:{LocalHttpServer.FreePort()}");
        var run = await client.RunAsync(Scenario(), Fast with { Retries = 1 }, null, CancellationToken.None);
        Assert.True(run.Unreachable);
        Assert.Equal(2, run.Attempts);
        Assert.StartsWith("cannot connect to http://127.0.0.1:", run.Stream.TransportError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_sent_but_never_recorded()
    {
        const string token = "sk-test-secret-token-1234";
        using var server = new LocalHttpServer((_, context) => LocalHttpServer.WriteSse(context, ProbeStreams.Text));
        using var client = Client(server.BaseUrl, token);
        var run = await client.RunAsync(Scenario(), Fast, null, CancellationToken.None);
        Assert.Contains("Bearer " + token, server.Headers.Single(), StringComparison.Ordinal);
        using var folder = new ScratchFolder();
        ProbeRecorder.Write(folder.Path, [run]);
        foreach (var file in Directory.EnumerateFiles(folder.Path))
        {
            Assert.DoesNotContain(token, File.ReadAllText(file), StringComparison.Ordinal);
        }
        Assert.Equal(ProbeStreams.Text, File.ReadAllText(Path.Combine(folder.Path, "text.sse")));
    }

    [Fact]
    public async Task Runs_come_back_in_scenario_order_whatever_finishes_first()
    {
        using var server = new LocalHttpServer(async (n, context) =>
        {
            await Task.Delay(n == 1 ? 300 : 0);
            await LocalHttpServer.WriteSse(context, ProbeStreams.Text);
        });
        using var client = Client(server.BaseUrl);
        var set = new ScenarioSet("test", [Scenario("first"), Scenario("second"), Scenario("third")], Fast with { Concurrency = 3 });
        var runs = await ScenarioRunner.RunAllAsync(client, set, null, CancellationToken.None);
        Assert.Equal(["first", "second", "third"], runs.Select(r => r.Scenario));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8000", "http://127.0.0.1:8000/v1/")]
    [InlineData("http://127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1/")]
    [InlineData("https://api.example.test/openai/v1/", "https://api.example.test/openai/v1/")]
    public void The_base_url_names_the_api_root(string given, string root) =>
        Assert.Equal(root, ProbeClient.ParseBaseUri(given, out _)!.ToString());

    [Theory]
    [InlineData("127.0.0.1:8000")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://user:secret@127.0.0.1:8000")]
    public void A_bad_base_url_is_refused_with_a_reason(string given)
    {
        Assert.Null(ProbeClient.ParseBaseUri(given, out var problem));
        Assert.Contains("--base-url", problem, StringComparison.Ordinal);
    }
}
