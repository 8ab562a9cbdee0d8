using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

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
    /// <param name="expectedContent">The text the file held when it was read; when the file no longer holds it just before the
    /// rename (an editor saved it meanwhile), nothing is written and <see cref="ChangedMeanwhileException"/> is thrown.</param>
    /// <exception cref="IOException">The write failed; the original is unchanged and the temp file removed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or file cannot be written.</exception>
    /// <exception cref="UnparsableWriteException">The text is not a mapping the reader accepts; nothing was written.</exception>
    public static void Write(string path, string text, Action<string>? beforeRename = null, string? expectedContent = null)
    {
        // Every planned write is read back as a mapping first: a fix must never leave a file later runs reject.
        try
        {
            Json.JsonTreeReader.Parse(text.TrimStart('\uFEFF'));
        }
        catch (Json.JsonSyntaxException e)
        {
            throw new UnparsableWriteException(path, e);
        }
        // Write through a symbolic link to its target, so the link stays a link.
        var destination = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(destination)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(destination)}.specmap-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.tmp");
        RemoveLeftovers(folder, Path.GetFileName(destination));
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
            // The window between this read and the rename is microseconds; the one it closes is the whole run.
            if (expectedContent is not null && (!File.Exists(destination) || Utf8NoBom.GetString(File.ReadAllBytes(destination)) != expectedContent))
            {
                throw new ChangedMeanwhileException(path);
            }
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Removes temp files an earlier write left when it was killed before its rename: those of processes no longer
    /// running, or older than a day (a reused process id). Otherwise `git add -A` would pick them up and nothing removes them.
    /// </summary>
    private static void RemoveLeftovers(string folder, string name)
    {
        var pattern = new Regex($"^\\.{Regex.Escape(name)}\\.specmap-(?<pid>[0-9]+)-[0-9a-f]{{8}}\\.tmp$", RegexOptions.CultureInvariant);
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, $".{name}.specmap-*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in candidates)
        {
            var match = pattern.Match(Path.GetFileName(file));
            if (match.Success && (!IsRunning(int.Parse(match.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture))
                || File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1)))
            {
                TryDelete(file);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
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

/// <summary>A planned write would not parse as a mapping (a fixer bug): refused, so the file stays as it was.</summary>
internal sealed class UnparsableWriteException(string path, Json.JsonSyntaxException cause)
    : IOException($"the fix would write text that does not parse ({cause.Message}, line {cause.Line}, column {cause.Column}), so '{Path.GetFileName(path)}' was left unchanged; please report this", cause);

/// <summary>The file changed on disk after specmap read it: writing would lose that edit, so nothing was written.</summary>
internal sealed class ChangedMeanwhileException(string path)
    : IOException($"'{path}' changed on disk after specmap read it; nothing was written (run again to fix the new content)");
