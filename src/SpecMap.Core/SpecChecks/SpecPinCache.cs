using System.Text;
using SpecMap.Core.History;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Sources;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// Remembers where the history walk for a pin ended (<see cref="FileVersions.Find"/>), so a later run on the same
/// commit does not walk the spec file's history again: `GIT_DIR/specmap/cache/spec-pins.tsv`, one line per (spec path,
/// pinned sha256, commit walked from) with the commit and blob found. The key holds the start commit because the walk's
/// answer (the newest commit holding the version) depends on it. A hit is checked against the repository (the commit
/// still holds that blob, and the blob still hashes to the pin), so a stale or edited line costs a walk, never a wrong
/// answer. Written like the spec cache (temp file and rename); bounded to the <see cref="MaxEntries"/> newest lines.
/// </summary>
internal static class SpecPinCache
{
    internal const string FileName = "spec-pins.tsv";

    private const int MaxEntries = 64;

    /// <summary>The version of <paramref name="path"/> whose text hashes to <paramref name="pinned"/>, newest first from
    /// <paramref name="startCommit"/>: from the cache when an earlier run found it, else by the walk (and remembered).</summary>
    public static FileVersion? Find(GitRepository git, string? cacheFolder, string path, string? startCommit, string pinned)
    {
        var start = FileVersions.StartOf(git, startCommit);
        if (start is null)
        {
            return null;
        }
        var key = $"{Escape(path)}\t{pinned}\t{start}";
        var file = cacheFolder is null ? null : Path.Combine(cacheFolder, FileName);
        var lines = file is null ? [] : ReadLines(file);
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length == 5 && line.StartsWith(key + "\t", StringComparison.Ordinal)
                && FileVersions.At(git, fields[3], path, fields[4]) is { } cached && Matches(path, cached.Content, pinned))
            {
                return cached;
            }
        }
        var found = FileVersions.Find(git, path, start, bytes => Matches(path, bytes, pinned));
        if (found is not null && file is not null)
        {
            var kept = lines.Where(l => !l.StartsWith(key + "\t", StringComparison.Ordinal)).TakeLast(MaxEntries - 1);
            var text = string.Concat(kept.Append($"{key}\t{found.CommitId}\t{found.BlobId}").Select(l => l + "\n"));
            SpecCache.TryWrite(file, Encoding.UTF8.GetBytes(text));
        }
        return found;
    }

    private static bool Matches(string path, byte[] bytes, string pinned) =>
        SpecPin.Hash(SourceDecoding.Decode(path, bytes, string.Empty).Text) == pinned;

    private static List<string> ReadLines(string file) =>
        SpecCache.TryRead(file) is { } bytes ? [.. Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries)] : [];

    /// <summary>A path with a tab or line break cannot break the line format.</summary>
    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
