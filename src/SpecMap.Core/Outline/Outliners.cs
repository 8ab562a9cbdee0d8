using SpecMap.Core.Caching;
using SpecMap.Core.Languages;

namespace SpecMap.Core.Outline;

/// <summary>
/// Picks the outliner for a path (its language in <see cref="LanguageRegistry"/>) and caches outlines by git blob id,
/// so a blob that appears at several commits (or in the work tree unchanged) is parsed once: in memory for the
/// process, and across runs in the repository's <see cref="OutlineStore"/> when one is attached (<see cref="WithStore"/>).
/// </summary>
internal sealed class Outliners : IDisposable
{
    // About 30 MB of outlines in memory, least recently used first out (issue 15: kept for the whole run they were a
    // third of a 10,000-reference run's memory); one evicted is read back from the store, or parsed again without one.
    private const long MaxSymbols = 100_000;

    private readonly LockedCache<(string BlobId, string Language), SourceOutline> _cache;
    private readonly OutlineStore? _store;

    public Outliners()
        : this(new LockedCache<(string BlobId, string Language), SourceOutline>(MaxSymbols, o => o.Symbols.Length + 1), null)
    {
    }

    private Outliners(LockedCache<(string BlobId, string Language), SourceOutline> cache, OutlineStore? store)
    {
        _cache = cache;
        _store = store;
    }

    public static Outliners Shared { get; } = new();

    /// <summary>The persistent store behind these outliners, or null; model readers keep their facts in it too.</summary>
    public OutlineStore? Store => _store;

    public IOutliner? For(string path) => LanguageRegistry.For(path)?.Outliner;

    /// <summary>These outliners (sharing their in-memory cache) backed by <paramref name="store"/>; dispose the result to
    /// write what was parsed. Without a store: a view that writes nothing.</summary>
    public Outliners WithStore(OutlineStore? store) => new(_cache, store);

    /// <summary>The outline of <paramref name="text"/>; null when no outliner reads this kind of file.</summary>
    /// <param name="blobId">The git blob id of the text (see <see cref="Sources.GitBlobId"/>); the cache key.</param>
    public SourceOutline? Outline(string path, string text, string blobId)
    {
        var outliner = For(path);
        if (outliner is null)
        {
            return null;
        }
        var outline = _cache.GetOrAdd((blobId, outliner.Language), key => Read(key.BlobId, outliner, path, text));
        // The cache is keyed by content: the same blob may live at another path.
        return outline.Path == path ? outline : outline with { Path = path };
    }

    /// <summary>Why the file's text is not outlined (see <see cref="IOutliner.WhyNotOutlined"/>), or null: the verdict
    /// kept with its outline (cached like it), so a warm run never scans the text.</summary>
    public string? WhyNotOutlined(string path, string text, string blobId) => Outline(path, text, blobId)?.NotOutlinedBecause;

    private SourceOutline Read(string blobId, IOutliner outliner, string path, string text)
    {
        if (_store?.Find(blobId, outliner.Language, path) is { } stored)
        {
            return stored;
        }
        var outline = outliner.Outline(path, text);
        _store?.Add(blobId, outliner.Language, outline);
        return outline;
    }

    /// <summary>Writes this run's new outlines to the store (the shared instance has none).</summary>
    public void Dispose() => _store?.Dispose();
}
