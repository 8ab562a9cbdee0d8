using System.Text;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Replaces a file's content atomically: the text goes to a temp file in the same folder, is flushed to disk, gets
/// the original's permissions, then is renamed over the original. A crash or error leaves the original untouched.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 (a BOM only when the text starts with one, as read).</summary>
    /// <param name="beforeRename">Called with the temp path just before the rename (tests simulate a failure there).</param>
    /// <exception cref="IOException">The write failed; the original is unchanged and the temp file removed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file cannot be written.</exception>
    public static void Write(string path, string text, Action<string>? beforeRename = null)
    {
        // Write through a symbolic link to its target, so the link stays a link.
        var destination = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(destination)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(destination)}.specmap-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8NoBom.GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows() && File.Exists(destination))
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(destination));
            }
            beforeRename?.Invoke(temp);
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error is what matters; a stray temp file is named so it is recognisable.
        }
    }
}
