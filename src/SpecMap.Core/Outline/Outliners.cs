using System.Collections.Concurrent;
using SpecMap.Core.Languages;

namespace SpecMap.Core.Outline;

/// <summary>
/// Picks the outliner for a path (its language in <see cref="LanguageRegistry"/>) and caches outlines by git blob id,
/// so a blob that appears at several commits (or in the work tree unchanged) is parsed once.
/// </summary>
internal sealed class Outliners
{
    private readonly ConcurrentDictionary<(string BlobId, string Language), SourceOutline> _cache = new();

    public static Outliners Shared { get; } = new();

    public IOutliner? For(string path) => LanguageRegistry.For(path)?.Outliner;

    /// <summary>The outline of <paramref name="text"/>; null when no outliner reads this kind of file.</summary>
    /// <param name="blobId">The git blob id of the text (see <see cref="Sources.GitBlobId"/>); the cache key.</param>
    public SourceOutline? Outline(string path, string text, string blobId)
    {
        var outliner = For(path);
        if (outliner is null)
        {
            return null;
        }
        var outline = _cache.GetOrAdd((blobId, outliner.Language), _ => outliner.Outline(path, text));
        // The cache is keyed by content: the same blob may live at another path.
        return outline.Path == path ? outline : outline with { Path = path };
    }
}
