using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SpecMap.Core.Probe.Checks;

namespace SpecMap.Core.Probe.Recording;

/// <summary>
/// `--replay DIR`: every `NAME.sse` of the folder (sorted by name) read as the stream of scenario NAME, with the request
/// from `NAME.request.json` when there is one (`request_body`; the shape `--record` writes and ../shared/bench/sse has).
/// </summary>
internal static class ProbeReplay
{
    /// <param name="displayFolder">How reports name the folder (relative to the working directory).</param>
    public static ImmutableArray<ProbeStream> Load(string folder, string displayFolder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ReplayException($"{displayFolder}: no such folder");
        }
        var streams = ImmutableArray.CreateBuilder<ProbeStream>();
        foreach (var path in Directory.EnumerateFiles(folder, "*" + ProbeRecorder.StreamExtension).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var display = Path.Combine(displayFolder, Path.GetFileName(path)).Replace('\\', '/');
            var requestPath = Path.Combine(folder, name + ProbeRecorder.RequestExtension);
            var request = File.Exists(requestPath) ? RequestBody(requestPath, Path.Combine(displayFolder, name + ProbeRecorder.RequestExtension)) : null;
            streams.Add(SseRecording.Parse(name, display, File.ReadAllText(path, Encoding.UTF8), request));
        }
        if (streams.Count == 0)
        {
            throw new ReplayException($"{displayFolder}: no *.sse recordings in this folder");
        }
        return streams.ToImmutable();
    }

    private static string? RequestBody(string path, string display)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("request_body", out var body)
                ? body.GetRawText()
                : null;
        }
        catch (JsonException e)
        {
            throw new ReplayException($"{display}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not valid JSON");
        }
    }
}

/// <summary>A replay folder that cannot be read; the message names the file (and position).</summary>
internal sealed class ReplayException(string message) : Exception(message);
