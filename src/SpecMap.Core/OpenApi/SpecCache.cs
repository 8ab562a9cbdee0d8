namespace SpecMap.Core.OpenApi;

/// <summary>
/// The cache files on disk (`FOLDER/openapi-&lt;blob&gt;.spec`, <see cref="SpecCacheFormat"/>). Concurrent runs are safe:
/// a writer fills a temp file of its own and renames it into place (atomic on one file system), so a reader sees a
/// whole file or none; two writers of one blob write the same bytes. Bounded: a write keeps the
/// <see cref="MaxFiles"/> most recently used spec caches and deletes the rest (older formats' files too). A file that
/// cannot be read or written only costs a re-parse.
/// </summary>
internal static class SpecCache
{
    /// <summary>Spec versions kept: the tip, the pinned one and a few branches' worth.</summary>
    internal const int MaxFiles = 8;

    private const string Prefix = "openapi-";
    private const string Extension = ".spec";

    public static string FileFor(string folder, string blobId) => Path.Combine(folder, Prefix + blobId + Extension);

    public static byte[]? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            // Marks it used, so the bound deletes the versions no run reads any more.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void TryWrite(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
            Prune(Path.GetDirectoryName(Path.GetFullPath(path))!, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // A read-only cache folder: the run goes on with the parsed document.
            }
        }
    }

    /// <summary>Deletes old-format files and all but the <see cref="MaxFiles"/> newest; a file another run deletes first is no error.</summary>
    private static void Prune(string folder, string written)
    {
        var files = new DirectoryInfo(folder).GetFiles(Prefix + "*")
            .Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal) && f.FullName != written)
            .ToList();
        var current = files.Where(f => f.Name.EndsWith(Extension, StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var stale = files.Where(f => !f.Name.EndsWith(Extension, StringComparison.Ordinal)).Concat(current.Skip(MaxFiles - 1));
        foreach (var file in stale)
        {
            try
            {
                file.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Deleted by a concurrent run, or not ours to delete: the bound is kept by the next write.
            }
        }
    }
}
