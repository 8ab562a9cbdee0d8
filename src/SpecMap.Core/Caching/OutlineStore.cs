using System.Reflection;
using System.Text;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Caching;

/// <summary>
/// Outlines kept across runs under the repository's git folder (`.git/specmap/cache/VERSION/`), keyed by blob id and
/// language, so an unchanged file is parsed once, ever. Each run that parsed something adds one segment file, written
/// to a temporary name and renamed into place, so a reader sees a whole segment or none; a segment that is torn,
/// foreign or deleted under a reader is a miss, never an error. Bounded: past <see cref="MaxSegments"/> segments the
/// run that adds one merges them, and past <see cref="MaxBytes"/> the least recently read segments go first.
/// The folder is per build of the engine, so a changed outliner never reads what an old one wrote.
/// </summary>
internal sealed class OutlineStore : IDisposable
{
    private const int MaxSegments = 8;
    private const long MaxBytes = 64L * 1024 * 1024;
    private const string SegmentPrefix = "seg-";
    private const string SegmentExtension = ".bin";
    private static readonly byte[] Magic = "SMOC0002"u8.ToArray();

    private readonly string _folder;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Segment Segment, long Offset, int Length)> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _added = new(StringComparer.Ordinal);
    private readonly List<Segment> _segments = [];
    private bool _loaded;

    private OutlineStore(string folder) => _folder = folder;

    /// <summary>The store of the repository whose git folder is <paramref name="gitFolder"/>; null when caching is
    /// switched off (SPECMAP_CACHE=0).</summary>
    public static OutlineStore? Open(string gitFolder) =>
        Environment.GetEnvironmentVariable("SPECMAP_CACHE") == "0"
            ? null
            : new OutlineStore(Path.Combine(gitFolder, "specmap", "cache", BuildVersion));

    /// <summary>The engine's build: its version and the identity of its compiled code, so any change of an outliner
    /// (even without a version bump) starts a fresh folder.</summary>
    internal static string BuildVersion { get; } = ComputeBuildVersion();

    public SourceOutline? Find(string blobId, string language, string path)
    {
        var key = Key(blobId, language);
        lock (_lock)
        {
            Load();
            if (!_index.TryGetValue(key, out var entry))
            {
                return null;
            }
            var bytes = entry.Segment.Read(entry.Offset, entry.Length);
            var outline = bytes is null ? null : OutlineCodec.Decode(bytes, path, language);
            if (outline is null)
            {
                _index.Remove(key);
            }
            return outline;
        }
    }

    public void Add(string blobId, string language, SourceOutline outline)
    {
        var bytes = OutlineCodec.Encode(outline);
        lock (_lock)
        {
            _added.TryAdd(Key(blobId, language), bytes);
        }
    }

    /// <summary>The bytes of a record of another kind (model facts, see <see cref="ModelStore"/>) kept in the same segments
    /// under the same bounds, or null. Its key must not collide with an outline's (`BLOB:LANGUAGE`).</summary>
    public byte[]? FindRecord(string key)
    {
        lock (_lock)
        {
            Load();
            if (!_index.TryGetValue(key, out var entry))
            {
                return null;
            }
            var bytes = entry.Segment.Read(entry.Offset, entry.Length);
            if (bytes is null)
            {
                _index.Remove(key);
            }
            return bytes;
        }
    }

    public void AddRecord(string key, byte[] bytes)
    {
        lock (_lock)
        {
            _added.TryAdd(key, bytes);
        }
    }

    /// <summary>Writes what this run parsed as one new segment, then keeps the folder within its bounds.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var segment in _segments)
            {
                segment.Dispose();
                if (segment.Used)
                {
                    Touch(segment.Path);
                }
            }
            try
            {
                if (_added.Count > 0)
                {
                    Directory.CreateDirectory(_folder);
                    WriteSegment(_added.Select(e => (e.Key, e.Value)));
                    Trim();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A cache that cannot be written (read-only git folder, full disk) costs a parse next time, nothing more.
            }
            _added.Clear();
        }
    }

    private void Load()
    {
        if (_loaded)
        {
            return;
        }
        _loaded = true;
        if (!Directory.Exists(_folder))
        {
            return;
        }
        // Newest first: a key in several segments is read from the one most recently written.
        foreach (var path in SegmentPaths().OrderByDescending(File.GetLastWriteTimeUtc))
        {
            if (Segment.Open(path) is not { } segment)
            {
                continue;
            }
            _segments.Add(segment);
            foreach (var (key, offset, length) in segment.Entries)
            {
                _index.TryAdd(key, (segment, offset, length));
            }
        }
    }

    private IEnumerable<string> SegmentPaths() =>
        Directory.EnumerateFiles(_folder, SegmentPrefix + "*" + SegmentExtension);

    private void WriteSegment(IEnumerable<(string Key, byte[] Bytes)> entries)
    {
        var list = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var temporary = Path.Combine(_folder, $"tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(list.Count);
            foreach (var (key, bytes) in list)
            {
                writer.Write(key);
                writer.Write(bytes.Length);
            }
            foreach (var (_, bytes) in list)
            {
                writer.Write(bytes);
            }
            // The magic again at the end: a segment cut short anywhere fails to open.
            writer.Write(Magic);
        }
        File.Move(temporary, Path.Combine(_folder, $"{SegmentPrefix}{DateTime.UtcNow.Ticks:D19}-{Guid.NewGuid():N}{SegmentExtension}"));
    }

    /// <summary>Merges the segments when there are too many, keeping the most recently read ones within the size bound.</summary>
    private void Trim()
    {
        var segments = SegmentPaths().Select(p => new FileInfo(p)).OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        if (segments.Count <= MaxSegments && segments.Sum(f => f.Length) <= MaxBytes)
        {
            return;
        }
        var merged = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long size = 0;
        foreach (var info in segments)
        {
            using var segment = Segment.Open(info.FullName);
            if (segment is null || size + info.Length > MaxBytes)
            {
                continue;
            }
            foreach (var (key, offset, length) in segment.Entries)
            {
                if (!merged.ContainsKey(key) && segment.Read(offset, length) is { } bytes)
                {
                    merged[key] = bytes;
                    size += bytes.Length + key.Length;
                }
            }
        }
        WriteSegment(merged.Select(e => (e.Key, e.Value)));
        foreach (var info in segments)
        {
            TryDelete(info.FullName);
        }
        // Temporary files of runs that died before their rename.
        foreach (var stale in Directory.EnumerateFiles(_folder, "tmp-*").Where(p => File.GetLastWriteTimeUtc(p) < DateTime.UtcNow.AddHours(-1)))
        {
            TryDelete(stale);
        }
    }

    private static void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Merged away by another run meanwhile: its entries live on in the merged segment.
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
            // Another run deleted it first, or holds it: the next trim tries again.
        }
    }

    private static string Key(string blobId, string language) => blobId + ":" + language;

    private static string ComputeBuildVersion()
    {
        var assembly = typeof(OutlineStore).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        var build = assembly.ManifestModule.ModuleVersionId.ToString("N");
        var safe = new string([.. version.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        return $"{safe[..Math.Min(safe.Length, 40)]}-{build[..12]}";
    }

    /// <summary>One segment file opened for reading: its index read eagerly, entries on demand.</summary>
    private sealed class Segment : IDisposable
    {
        private readonly FileStream _stream;

        private Segment(string path, FileStream stream, List<(string Key, long Offset, int Length)> entries)
        {
            Path = path;
            _stream = stream;
            Entries = entries;
        }

        public string Path { get; }

        /// <summary>True once an entry was read: the segment is touched so the size bound drops unread ones first.</summary>
        public bool Used { get; private set; }

        public List<(string Key, long Offset, int Length)> Entries { get; }

        public static Segment? Open(string path)
        {
            FileStream? stream = null;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096);
                using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                {
                    stream.Dispose();
                    return null;
                }
                var count = reader.ReadInt32();
                if (count < 0 || count > stream.Length)
                {
                    stream.Dispose();
                    return null;
                }
                var entries = new List<(string, long, int)>(count);
                var lengths = new List<(string Key, int Length)>(count);
                for (var i = 0; i < count; i++)
                {
                    lengths.Add((reader.ReadString(), reader.ReadInt32()));
                }
                var offset = stream.Position;
                foreach (var (key, length) in lengths)
                {
                    entries.Add((key, offset, length));
                    offset += length;
                }
                stream.Position = offset;
                if (stream.Length != offset + Magic.Length || !reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                {
                    stream.Dispose();
                    return null;
                }
                return new Segment(path, stream, entries);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or DecoderFallbackException or ArgumentException)
            {
                stream?.Dispose();
                return null;
            }
        }

        public byte[]? Read(long offset, int length)
        {
            try
            {
                var bytes = new byte[length];
                _stream.Position = offset;
                _stream.ReadExactly(bytes);
                Used = true;
                return bytes;
            }
            catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
            {
                return null;
            }
        }

        public void Dispose() => _stream.Dispose();
    }
}
