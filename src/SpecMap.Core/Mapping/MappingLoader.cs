using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>The mapping could not be read at all (missing, a directory, binary, not JSON): one clear line, exit 2.</summary>
internal sealed class MappingReadException(string message, MappingLocation? location = null, string? ruleId = null) : Exception(message)
{
    public MappingLocation? Location { get; } = location;

    /// <summary>SMV0001 for invalid JSON; null when the file could not be read.</summary>
    public string? RuleId { get; } = ruleId;
}

/// <summary>Reads a mapping file into a <see cref="MappingDocument"/>.</summary>
internal static class MappingLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="MappingReadException">Unreadable or invalid.</exception>
    public static MappingDocument Load(string fullPath, string displayPath, Func<string, bool> fileExists, Func<string, bool>? directoryExists = null)
    {
        if (Directory.Exists(fullPath))
        {
            throw new MappingReadException($"{displayPath}: is a directory, not a mapping file");
        }
        if (!File.Exists(fullPath))
        {
            throw new MappingReadException($"{displayPath}: no such file");
        }
        // Bounded: a FIFO or device is never opened, a giant file not read (Sources/BoundedFileRead).
        var (bytes, problem) = Sources.BoundedFileRead.Read(fullPath);
        if (problem is not null || bytes is null)
        {
            throw new MappingReadException($"{displayPath}: {problem?.Reason ?? "no such file"}");
        }
        return Parse(bytes, displayPath, fullPath, fileExists, directoryExists);
    }

    /// <summary>Parses mapping bytes (from disk or from a staged blob).</summary>
    public static MappingDocument Parse(byte[] bytes, string displayPath, string? fullPath, Func<string, bool> fileExists, Func<string, bool>? directoryExists = null)
    {
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            throw new MappingReadException($"{displayPath}: is a binary file, not a JSON mapping");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new MappingReadException($"{displayPath}: is not UTF-8 text");
        }
        // A BOM is kept in Text (fixes must write it back) but the JSON is read after it.
        var bomLength = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var lines = new LineTable(text);
        JsonValueNode root;
        try
        {
            root = JsonShift.By(JsonTreeReader.Parse(text[bomLength..]), bomLength);
        }
        catch (JsonSyntaxException e)
        {
            var column = e.Line == 1 ? e.Column + bomLength : e.Column;
            throw new MappingReadException($"invalid JSON: {e.Message}", new MappingLocation(displayPath, e.Line, column), RuleIds.InvalidJson);
        }
        var extractor = new ReferenceExtractor(displayPath, text, lines, fileExists, directoryExists);
        var (references, extractionDiagnostics) = extractor.Extract(root);
        var rootObject = root as JsonObjectNode;
        var document = new MappingDocument(displayPath, fullPath, text, root, lines,
            rootObject?.GetString(MappingKeys.VerifiedAt), rootObject?.GetString(MappingKeys.DocsRoot), references, []);
        var shape = MappingShapeRules.Check(document);
        var (ignored, keyHints) = IgnoredKeys.Find(document);
        return document with { ShapeDiagnostics = [.. extractionDiagnostics, .. shape, .. keyHints], IgnoredKeys = ignored };
    }
}
