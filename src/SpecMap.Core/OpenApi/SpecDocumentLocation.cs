using SpecMap.Core.Sources;

namespace SpecMap.Core.OpenApi;

/// <summary>An OpenAPI document's bytes and identity, read from a local path or from `REV:path` in a git repository.</summary>
/// <param name="BlobId">The git blob id: the cache key.</param>
internal sealed record SpecDocument(string Name, byte[] Content, string BlobId);

/// <summary>
/// Finds a spec given on the command line: a file path, or `REV:path` (git's own spelling, path from the repository
/// root) inside the repository holding <paramref name="workingDirectory"/>. A path that exists as a file wins.
/// </summary>
internal static class SpecDocumentLocation
{
    /// <exception cref="OpenApiReadException">No such file, no repository, unknown revision or path.</exception>
    public static SpecDocument Read(string location, string workingDirectory)
    {
        var path = Path.GetFullPath(location, workingDirectory);
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            return new SpecDocument(location, bytes, GitBlobId.Of(bytes));
        }
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new OpenApiReadException(location, 0, 0, "no such file");
        }
        var (revision, inside) = (location[..colon], location[(colon + 1)..].TrimStart('/'));
        var gitFolder = Directory.Exists(workingDirectory) ? GitRepository.Discover(workingDirectory) : null;
        if (gitFolder is null)
        {
            throw new OpenApiReadException(location, 0, 0, $"no such file, and {workingDirectory} is not inside a git repository for {revision}:{inside}");
        }
        using var repository = GitRepository.Open(gitFolder);
        var tree = repository.Commit(revision) ?? throw new OpenApiReadException(location, 0, 0, $"unknown revision '{revision}'");
        var content = tree.ReadBytes(inside)
            ?? throw new OpenApiReadException(location, 0, 0, $"no file '{inside}' in {revision} ({tree.CommitId![..7]})");
        return new SpecDocument(location, content, tree.BlobId(inside)!);
    }

    /// <summary>`.git/specmap/cache` of the repository holding the working directory, else null (no cache).</summary>
    public static string? DefaultCacheFolder(string workingDirectory)
    {
        var gitFolder = Directory.Exists(workingDirectory) ? GitRepository.Discover(workingDirectory) : null;
        return gitFolder is null ? null : Path.Combine(gitFolder, "specmap", "cache");
    }
}
