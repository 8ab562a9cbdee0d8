using System.Text.Json;
using SpecMap.Core.Output;
using SpecMap.Core.Probe.Transport;

namespace SpecMap.Core.Probe.Recording;

/// <summary>
/// `--record DIR`: each streamed answer as `NAME.sse` (the raw body, byte for byte) and its request as
/// `NAME.request.json` in the shape of ../shared/bench/sse (`method`, `uri`, `status`, `request_body`, `source`).
/// An answer that is no stream (an expected 400) gets only the request file, with the body as `response_body`.
/// Headers are not recorded, so the auth token never reaches the disk.
/// </summary>
internal static class ProbeRecorder
{
    public const string StreamExtension = ".sse";
    public const string RequestExtension = ".request.json";

    public static IReadOnlyList<string> Write(string folder, IEnumerable<ScenarioRun> runs)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var run in runs)
        {
            var isStream = run.Stream.Events.Length > 0 || run.Stream.SawDone;
            if (isStream)
            {
                var streamPath = Path.Combine(folder, run.Scenario + StreamExtension);
                File.WriteAllBytes(streamPath, run.RawBody);
                written.Add(streamPath);
            }
            var requestPath = Path.Combine(folder, run.Scenario + RequestExtension);
            File.WriteAllText(requestPath, RequestJson(run, isStream));
            written.Add(requestPath);
        }
        return written;
    }

    private static string RequestJson(ScenarioRun run, bool isStream) => JsonText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("method", run.Method);
        json.WriteString("uri", run.Uri);
        if (run.Status is { } status)
        {
            json.WriteNumber("status", status);
        }
        json.WritePropertyName("request_body");
        WriteRaw(json, run.RequestBody);
        if (!isStream && run.RawBody.Length > 0)
        {
            json.WritePropertyName("response_body");
            WriteRaw(json, System.Text.Encoding.UTF8.GetString(run.RawBody));
        }
        if (run.Stream.TransportError is { } problem)
        {
            json.WriteString("transport_error", problem);
        }
        json.WriteString("source", $"{ToolInfo.Name} probe {ToolInfo.Version}");
        json.WriteEndObject();
    });

    /// <summary>JSON text as a JSON value (re-indented), anything else as a string.</summary>
    private static void WriteRaw(Utf8JsonWriter json, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteStringValue(text);
        }
    }
}
