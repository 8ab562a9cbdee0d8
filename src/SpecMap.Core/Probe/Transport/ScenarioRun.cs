namespace SpecMap.Core.Probe.Transport;

/// <summary>What one scenario got back: HTTP status, the raw body (kept byte for byte for `--record`) and the stream read from it.</summary>
/// <param name="Uri">The request URI (no credentials: auth travels in a header that is never kept).</param>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Unreachable">No connection could be made after every retry (exit code 3 when every scenario is so).</param>
/// <param name="Attempts">Requests sent, retries included.</param>
internal sealed record ScenarioRun(
    string Scenario,
    string Method,
    string Uri,
    string RequestBody,
    int? Status,
    byte[] RawBody,
    ProbeStream Stream,
    bool Unreachable,
    int Attempts,
    TimeSpan Elapsed);

/// <summary>A live update for a person watching: a scenario started, read one more event, or finished.</summary>
internal sealed record ScenarioProgress(string Scenario, int Events, bool Finished, string? Problem = null);
