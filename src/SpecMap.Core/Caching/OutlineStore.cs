using System.Reflection;
using System.Text;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Caching;

/// <summary>
/// Outlines kept across runs under the repository's git folder (`.git/specmap/cache/VERSION/`), keyed by blob id and
/// language, so an unchanged file is parsed once, ever. Each run that parsed something adds one segment file, written
/// as its records come to a temporary name (a run holds none of their bytes: issue 15, a cold run of 10,000 references
/// kept 30 MB of them until the end) and renamed into place when the run ends, so a reader sees a whole segment or
/// none; a segment that is torn, foreign or deleted under a reader is a miss, never an error. Bounded: past <see cref="MaxSegments"/> segments the
/// run that adds one merges them, and past <see cref="MaxBytes"/> the least recently read segments go first.
/// The folder is per build of the engine, so a changed outliner never reads what an old one wrote.
/// </summary>
internal sealed class OutlineStore : IDisposable
{
    private const int MaxSegments = 8;
    private const long MaxBytes = 64L * 1024 * 1024;
    private const string SegmentPrefix = "seg-";
    private const string SegmentExtension = ".bin";
    private static readonly byte[] Magic = "SMOC0003"u8.ToArray();

    private readonly string _folder;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Segment Segment, long Offset, int Length)> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private readonly List<Segment> _segments = [];
    private bool _loaded;
    private SegmentWriter? _writer;
    private bool _unwritable;

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
            Append(Key(blobId, language), bytes);
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
            Append(key, bytes);
        }
    }

    /// <summary>Writes the record to this run's segment, started by the first one; the first of a key wins.</summary>
    private void Append(string key, byte[] bytes)
    {
        if (_unwritable || !_added.Add(key))
        {
            return;
        }
        try
        {
            _writer ??= SegmentWriter.Create(_folder);
            _writer.Add(key, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written (read-only git folder, full disk) costs a parse next time, nothing more.
            _unwritable = true;
            _writer?.Abandon();
            _writer = null;
        }
    }

    /// <summary>Puts what this run parsed in place as one new segment, then keeps the folder within its bounds.</summary>
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
                if (_writer is not null)
                {
                    _writer.Commit(NewSegmentPath());
                    _writer = null;
                    Trim();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // As in Append: the parse is done again next time.
                _writer?.Abandon();
            }
            _writer = null;
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

    private string NewSegmentPath() =>
        Path.Combine(_folder, $"{SegmentPrefix}{DateTime.UtcNow.Ticks:D19}-{Guid.NewGuid():N}{SegmentExtension}");

    /// <summary>Merges the segments when there are too many, keeping the most recently read ones within the size bound.</summary>
    private void Trim()
    {
        var segments = SegmentPaths().Select(p => new FileInfo(p)).OrderByDescending(f => f.LastWriteTimeUtc).ToList();
        if (segments.Count <= MaxSegments && segments.Sum(f => f.Length) <= MaxBytes)
        {
            return;
        }
        // Record by record into the merged segment: at most one record in memory, however large the folder.
        var merged = SegmentWriter.Create(_folder);
        try
        {
            var kept = new HashSet<string>(StringComparer.Ordinal);
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
                    if (!kept.Contains(key) && segment.Read(offset, length) is { } bytes)
                    {
                        kept.Add(key);
                        merged.Add(key, bytes);
                        size += bytes.Length + key.Length;
                    }
                }
            }
            merged.Commit(NewSegmentPath());
        }
        catch
        {
            merged.Abandon();
            throw;
        }
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
                // The records, then their index, then where the index starts: see SegmentWriter.
                var indexEnd = stream.Length - sizeof(long) - Magic.Length;
                if (indexEnd < Magic.Length || !reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                {
                    stream.Dispose();
                    return null;
                }
                stream.Position = indexEnd;
                var indexStart = reader.ReadInt64();
                if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || indexStart < Magic.Length || indexStart > indexEnd)
                {
                    stream.Dispose();
                    return null;
                }
                stream.Position = indexStart;
                var count = reader.ReadInt32();
                if (count < 0 || count > indexEnd - indexStart)
                {
                    stream.Dispose();
                    return null;
                }
                var entries = new List<(string, long, int)>(count);
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadString();
                    var offset = reader.ReadInt64();
                    var length = reader.ReadInt32();
                    if (offset < Magic.Length || length < 0 || offset + length > indexStart)
                    {
                        stream.Dispose();
                        return null;
                    }
                    entries.Add((key, offset, length));
                }
                if (stream.Position != indexEnd)
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

    /// <summary>
    /// One new segment, written record by record under a temporary name: the magic, the records, their index (key, offset,
    /// length), where the index starts, and the magic again, so a segment cut short anywhere fails to open. Renamed into
    /// place whole by <see cref="Commit"/>; a run that dies first leaves a temporary file the next trim deletes.
    /// </summary>
    private sealed class SegmentWriter
    {
        private readonly string _temporary;
        private readonly FileStream _stream;
        private readonly BinaryWriter _writer;
        private readonly List<(string Key, long Offset, int Length)> _entries = [];

        private SegmentWriter(string temporary, FileStream stream)
        {
            _temporary = temporary;
            _stream = stream;
            _writer = new BinaryWriter(stream, Encoding.UTF8);
            _writer.Write(Magic);
        }

        public static SegmentWriter Create(string folder)
        {
            Directory.CreateDirectory(folder);
            var temporary = System.IO.Path.Combine(folder, $"tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
            return new SegmentWriter(temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024));
        }

        public void Add(string key, byte[] bytes)
        {
            _entries.Add((key, _stream.Position, bytes.Length));
            _writer.Write(bytes);
        }

        public void Commit(string path)
        {
            var indexStart = _stream.Position;
            _writer.Write(_entries.Count);
            foreach (var (key, offset, length) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                _writer.Write(key);
                _writer.Write(offset);
                _writer.Write(length);
            }
            _writer.Write(indexStart);
            _writer.Write(Magic);
            _writer.Dispose();
            File.Move(_temporary, path);
        }

        /// <summary>Closes and deletes the temporary file (best effort: a trim deletes what is left).</summary>
        public void Abandon()
        {
            try
            {
                _writer.Dispose();
            }
            catch (IOException)
            {
                // A write that failed before (a full disk) fails again on the flush; the file goes all the same.
            }
            TryDelete(_temporary);
        }
    }
}
