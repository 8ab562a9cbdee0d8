namespace SpecMap.Core.OpenApi;

/// <summary>
/// The cache files on disk. Concurrent runs are safe: a writer fills a temp file of its own and renames it into
/// place (atomic on one file system), so a reader sees a whole file or none; two writers of one blob write the
/// same bytes. A file that cannot be read or written only costs a re-parse.
/// </summary>
internal static class SpecCache
{
    public static byte[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
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
}
