namespace SpecMap.Core.Sources;

/// <summary>Reads a file of the work tree within <see cref="SourceLimits"/>: only what stat calls a file with content
/// is opened. FIFOs, sockets and devices report size 0 and are never opened, so they cannot block or stream forever;
/// they read as empty.</summary>
internal static class BoundedFileRead
{
    /// <returns>The bytes, or the problem that stops the read; both null when there is no file.</returns>
    public static (byte[]? Bytes, PathProblem? Problem) Read(string fullPath)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                return (null, null);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, PathProblem.NotChecked($"it cannot be read ({e.Message.TrimEnd('.')})"));
        }
        var size = info.Length;
        if (size == 0)
        {
            return ([], null);
        }
        if (size > SourceLimits.MaxFileBytes)
        {
            return (null, PathProblem.NotChecked(SourceLimits.TooLarge(size)));
        }
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            // Read what stat promised and not a byte more: a file growing meanwhile cannot outrun the budget.
            var bytes = new byte[size];
            var read = 0;
            while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is var n and > 0)
            {
                read += n;
            }
            return (read == bytes.Length ? bytes : bytes[..read], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, PathProblem.NotChecked($"it cannot be read ({e.Message.TrimEnd('.')})"));
        }
    }
}
