using SpecMap.Core.Sources;

namespace SpecMap.Core.OpenApi;

/// <summary>Where a loaded spec came from: parsed now, or read from the cache of an earlier run.</summary>
internal enum SpecOrigin
{
    Parsed,
    Cache,
}

/// <summary>
/// The entry point: an OpenAPI document's bytes (from a repository tree or a local path; no network) to an
/// <see cref="OpenApiSpec"/>. With a cache folder the resolved document is kept per blob id
/// (`FOLDER/openapi-&lt;blob&gt;.spec`), so only the first run on a version pays the parse.
/// </summary>
internal static class OpenApiLoader
{
    /// <summary>Loads <paramref name="content"/>; the cache folder is created when missing. Cache problems never fail a load.</summary>
    /// <param name="documentName">For messages: the path as the user wrote it.</param>
    /// <param name="blobId">The git blob id when the caller has it (a tree entry); computed from the bytes otherwise.</param>
    /// <exception cref="OpenApiReadException">The bytes are not a readable OpenAPI document.</exception>
    public static OpenApiSpec Load(ReadOnlySpan<byte> content, string documentName, string? cacheFolder = null, string? blobId = null) =>
        Load(content, documentName, cacheFolder, blobId, out _);

    public static OpenApiSpec Load(ReadOnlySpan<byte> content, string documentName, string? cacheFolder, string? blobId, out SpecOrigin origin)
    {
        if (cacheFolder is null)
        {
            origin = SpecOrigin.Parsed;
            return Parse(content, documentName).ToSpec();
        }
        var blob = blobId ?? GitBlobId.Of(content);
        var cacheFile = SpecCache.FileFor(cacheFolder, blob);
        if (SpecCache.TryRead(cacheFile) is { } bytes && SpecCacheFormat.Read(bytes, blob) is { } cached)
        {
            origin = SpecOrigin.Cache;
            return cached;
        }
        var resolved = Parse(content, documentName);
        SpecCache.TryWrite(cacheFile, SpecCacheFormat.Write(resolved, blob));
        origin = SpecOrigin.Parsed;
        return resolved.ToSpec();
    }

    /// <summary>Reads and resolves without any cache.</summary>
    public static ResolvedDocument Parse(ReadOnlySpan<byte> content, string documentName) =>
        SchemaResolver.Resolve(OpenApiDocumentReader.Read(content, documentName), documentName);
}
