using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Probe.Checks;
using SpecMap.Core.Probe.Scenarios;

namespace SpecMap.Core.Probe.Transport;

/// <summary>
/// Sends scenarios to a server and reads their `text/event-stream` answers with System.Net.ServerSentEvents, keeping
/// the raw bytes. The kept bytes are then read by <see cref="SseRecording"/>, the same reader `--replay` uses, so a live
/// stream and its recording give the same events and line numbers. The auth token goes into the Authorization header
/// only: it is never part of a <see cref="ScenarioRun"/>, a message or a recording.
/// </summary>
internal sealed class ProbeClient : IDisposable
{
    private const int MaxBodyInMessage = 300;
    private readonly HttpClient _http;
    private readonly string? _authToken;

    public ProbeClient(Uri baseUri, string? authToken, TimeSpan connectTimeout, HttpMessageHandler? handler = null)
    {
        BaseUri = baseUri;
        _authToken = authToken;
        // No proxy: the probe talks to the server it is pointed at, nothing in between.
        _http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = connectTimeout, UseProxy = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>The API root, ending in `/` (`http://127.0.0.1:8000/v1/`).</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// `http://host:port` and `http://host:port/v1` both mean the API root `…/v1/`; anything but an absolute http(s)
    /// URL is refused (the message says why).
    /// </summary>
    public static Uri? ParseBaseUri(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"--base-url '{text}' is not an absolute http:// or https:// URL";
            return null;
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problem = "--base-url must not carry credentials: give the token in an environment variable (--auth-env)";
            return null;
        }
        var path = uri.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/v1", StringComparison.Ordinal))
        {
            path += "/v1";
        }
        return new UriBuilder(uri) { Path = path + "/", Query = string.Empty, Fragment = string.Empty }.Uri;
    }

    /// <summary>A scenario's `path` is relative to the API root (`responses`), or to the host when it starts with `/`.</summary>
    public Uri UriOf(ProbeScenario scenario) => new(BaseUri, scenario.Path);

    public async Task<ScenarioRun> RunAsync(ProbeScenario scenario, ProbeSettings settings, IProgress<ScenarioProgress>? progress, CancellationToken cancellationToken)
    {
        var uri = UriOf(scenario);
        var clock = Stopwatch.StartNew();
        progress?.Report(new ScenarioProgress(scenario.Name, 0, false));
        var attempt = 0;
        while (true)
        {
            attempt++;
            var lastAttempt = attempt > settings.Retries;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            try
            {
                using var request = NewRequest(HttpMethod.Parse(scenario.Method), uri, scenario.BodyText);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (!lastAttempt && status != scenario.ExpectStatus && IsRetryable(response.StatusCode))
                {
                    await Backoff(settings, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var run = await ReadAsync(scenario, uri, response, settings, progress, timeout, cancellationToken).ConfigureAwait(false);
                progress?.Report(new ScenarioProgress(scenario.Name, run.Stream.Events.Length, true, run.Stream.TransportError));
                return run with { Attempts = attempt, Elapsed = clock.Elapsed };
            }
            catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested && IsConnectFailure(e))
            {
                if (!lastAttempt)
                {
                    await Backoff(settings, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var problem = $"cannot connect to {uri.GetLeftPart(UriPartial.Authority)}: {e.Message}";
                progress?.Report(new ScenarioProgress(scenario.Name, 0, true, problem));
                return Failed(scenario, uri, null, problem, unreachable: true, attempt, clock.Elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                var problem = e is OperationCanceledException
                    ? $"no answer within {settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
                    : $"request failed: {e.Message}";
                if (!lastAttempt)
                {
                    await Backoff(settings, attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                progress?.Report(new ScenarioProgress(scenario.Name, 0, true, problem));
                return Failed(scenario, uri, null, problem, unreachable: false, attempt, clock.Elapsed);
            }
        }
    }

    private async Task<ScenarioRun> ReadAsync(ProbeScenario scenario, Uri uri, HttpResponseMessage response, ProbeSettings settings,
        IProgress<ScenarioProgress>? progress, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var raw = new MemoryStream();
        string? problem = null;
        var isEventStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
        var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                if (isEventStream && status == scenario.ExpectStatus)
                {
                    problem = await ReadEventsAsync(scenario, new TeeReadStream(body, raw), settings, progress, timeout.Token).ConfigureAwait(false);
                }
                else
                {
                    await body.CopyToAsync(raw, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"the stream did not end within {settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                problem = $"the stream broke off: {e.Message}";
            }
        }
        var bytes = raw.ToArray();
        if (status != scenario.ExpectStatus)
        {
            problem = $"HTTP {status} (the scenario expects {scenario.ExpectStatus}): {Shorten(Encoding.UTF8.GetString(bytes))}";
        }
        else if (scenario.ExpectsStream && !isEventStream)
        {
            problem = $"expected a text/event-stream answer, got {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        }
        var stream = SseRecording.Parse(scenario.Name, uri.ToString(), isEventStream ? Encoding.UTF8.GetString(bytes) : string.Empty, scenario.BodyText);
        if (stream.Events.Length > settings.MaxEvents)
        {
            // The parser read ahead of the limit; what was cut is not checked.
            stream = stream with { Events = stream.Events[..settings.MaxEvents], SawDone = false };
        }
        stream = stream with { TransportError = problem };
        return new ScenarioRun(scenario.Name, scenario.Method, uri.ToString(), scenario.BodyText, status, bytes, stream, false, 0, TimeSpan.Zero);
    }

    /// <returns>A transport problem, or null when the stream ended normally.</returns>
    private async Task<string?> ReadEventsAsync(ProbeScenario scenario, Stream body, ProbeSettings settings, IProgress<ScenarioProgress>? progress,
        CancellationToken token)
    {
        var count = 0;
        string? responseId = null;
        string? problem = null;
        await foreach (var item in SseParser.Create(body).EnumerateAsync(token).ConfigureAwait(false))
        {
            if (item.Data == SseRecording.DoneSentinel)
            {
                continue;
            }
            count++;
            responseId ??= ResponseId(item.Data);
            progress?.Report(new ScenarioProgress(scenario.Name, count, false));
            if (count >= settings.MaxEvents)
            {
                return $"more than {settings.MaxEvents.ToString(CultureInfo.InvariantCulture)} events: the stream was cut there";
            }
            if (count == scenario.CancelAfterEvents)
            {
                problem = await CancelAsync(responseId, token).ConfigureAwait(false);
            }
        }
        return problem;
    }

    /// <returns>A problem with the cancel request, or null when the server accepted it.</returns>
    private async Task<string?> CancelAsync(string? responseId, CancellationToken token)
    {
        if (responseId is null)
        {
            return "cannot cancel: no event so far carried response.id";
        }
        var uri = new Uri(BaseUri, "responses/" + Uri.EscapeDataString(responseId) + "/cancel");
        using var request = NewRequest(HttpMethod.Post, uri, null);
        using var response = await _http.SendAsync(request, token).ConfigureAwait(false);
        return response.IsSuccessStatusCode ? null : $"POST {uri.AbsolutePath} answered HTTP {(int)response.StatusCode}";
    }

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri, string? body)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_authToken is { Length: > 0 })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _authToken);
        }
        return request;
    }

    private static string? ResponseId(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ScenarioRun Failed(ProbeScenario scenario, Uri uri, int? status, string problem, bool unreachable, int attempts, TimeSpan elapsed) =>
        new(scenario.Name, scenario.Method, uri.ToString(), scenario.BodyText, status, [],
            new ProbeStream(scenario.Name, uri.ToString(), scenario.BodyText, [], false, problem), unreachable, attempts, elapsed);

    private static bool IsRetryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool IsConnectFailure(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError || e.InnerException is SocketException;

    private static Task Backoff(ProbeSettings settings, int attempt, CancellationToken token) =>
        Task.Delay(settings.Backoff * Math.Pow(2, attempt - 1), token);

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= MaxBodyInMessage ? oneLine : oneLine[..MaxBodyInMessage] + "…";
    }

    public void Dispose() => _http.Dispose();
}
