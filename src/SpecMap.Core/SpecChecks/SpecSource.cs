using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.SpecChecks;

/// <summary>Where a mapping's OpenAPI document is named: the mapping's `spec` object, else `.specmap.json`'s.</summary>
/// <param name="Location">A repository path read from the tree checked, else a local path.</param>
/// <param name="Paths">Which part of the spec the team tracks (path prefixes such as `/responses`); empty = all.</param>
/// <param name="Pointer">The JSON pointer of the `openapi` value in the mapping, or null when it comes from the config.</param>
internal sealed record SpecReference(string Location, ImmutableArray<string> Paths, string? Pointer, int Offset);

/// <summary>Reads the named spec once per blob id (through <see cref="OpenApiLoader"/>'s cache).</summary>
internal static class SpecSource
{
    public const string SpecKey = MappingKeys.Spec;
    public const string OpenApiKey = "openapi";
    public const string PathsKey = "paths";

    /// <summary>Every key of the mapping's `spec` object this class reads (so none is reported as ignored): a new key goes here.</summary>
    public static readonly ImmutableArray<string> ReadKeys = [OpenApiKey, PathsKey, SpecPin.Key];

    /// <summary>The mapping's `spec.openapi`, else the configured one; null when neither names a spec.</summary>
    public static SpecReference? Find(MappingDocument document, string? configured, ImmutableArray<string> configuredPaths)
    {
        if (document.Root is JsonObjectNode root && root.Get(SpecKey) is JsonObjectNode spec && spec.Get(OpenApiKey) is JsonStringNode { Value.Length: > 0 } location)
        {
            var paths = spec.Get(PathsKey) is JsonArrayNode list ? list.Items.OfType<JsonStringNode>().Select(s => s.Value).ToImmutableArray() : [];
            return new SpecReference(location.Value.Trim(), paths, $"/{SpecKey}/{OpenApiKey}", location.Start);
        }
        return configured is null ? null : new SpecReference(configured, configuredPaths.IsDefault ? [] : configuredPaths, null, 0);
    }

    /// <summary>The document's bytes and blob id: from the tree when it holds the path, else from the local file system.</summary>
    /// <exception cref="OpenApiReadException">Not found or not a readable OpenAPI document.</exception>
    public static OpenApiSpec Load(SpecReference reference, ISourceTree tree, string repositoryRoot) => Read(reference, tree, repositoryRoot).Spec;

    /// <summary>As <see cref="Load"/>, with the document's text (for the pin) and its repository path when the tree holds it.</summary>
    /// <exception cref="OpenApiReadException">Not found or not a readable OpenAPI document.</exception>
    public static LoadedSpec Read(SpecReference reference, ISourceTree tree, string repositoryRoot)
    {
        var inTree = reference.Location.Replace('\\', '/').TrimStart('/');
        var cacheFolder = SpecDocumentLocation.DefaultCacheFolder(repositoryRoot);
        if (!Path.IsPathRooted(reference.Location) && tree.Read(inTree) is { IsBinary: false } file)
        {
            return new LoadedSpec(OpenApiLoader.Load(Encoding.UTF8.GetBytes(file.Text), reference.Location, cacheFolder, file.BlobId), file.Text, inTree);
        }
        // Named by a mapping or .specmap.json, both untrusted: never read outside the repository (a link to /dev/zero too).
        if (Path.IsPathRooted(reference.Location) || tree.Problem(inTree) is { LeavesRepository: true }
            || WorkTreePath.Resolve(repositoryRoot, inTree).Problem is { LeavesRepository: true })
        {
            throw new OpenApiReadException(reference.Location, 0, 0, "it leaves the repository, and a spec named in a mapping or .specmap.json is read only inside it");
        }
        var document = SpecDocumentLocation.Read(reference.Location, repositoryRoot);
        var text = SourceDecoding.Decode(reference.Location, document.Content, document.BlobId).Text;
        return new LoadedSpec(OpenApiLoader.Load(document.Content, reference.Location, cacheFolder, document.BlobId), text, null);
    }
}

/// <summary>A spec as read for a run.</summary>
/// <param name="Text">The document's text (decoded, without a byte-order mark): what the pin hashes.</param>
/// <param name="RepositoryPath">Its path in the tree checked, or null when it was read from a local path (no history to search).</param>
internal sealed record LoadedSpec(OpenApiSpec Spec, string Text, string? RepositoryPath);
