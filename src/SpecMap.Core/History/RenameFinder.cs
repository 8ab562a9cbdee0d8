using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>
/// Finds where one vanished file went, git-style (same content, or at least half of its lines), comparing it only
/// with the files that appeared: the cost grows with what a reference needs, not with the size of the diff.
/// </summary>
internal sealed class RenameFinder(Func<string, SourceFile?> readTarget, Func<string, string?> targetBlobId, Func<ChangedFiles> changes)
{
    // git's default rename threshold (50% similar).
    private const double MinimumSimilarity = 0.5;
    private readonly Dictionary<string, (string? Path, double Similarity)> _found = new(StringComparer.Ordinal);

    /// <summary>The path <paramref name="oldFile"/> was renamed to in the target, with the similarity; null when none.</summary>
    public (string? Path, double Similarity) Find(SourceFile oldFile)
    {
        if (_found.TryGetValue(oldFile.Path, out var known))
        {
            return known;
        }
        var result = Search(oldFile);
        _found[oldFile.Path] = result;
        return result;
    }

    private (string? Path, double Similarity) Search(SourceFile oldFile)
    {
        var extension = Path.GetExtension(oldFile.Path);
        var name = Path.GetFileName(oldFile.Path);
        var candidates = changes().Added
            .Where(p => string.Equals(Path.GetExtension(p), extension, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var exact = candidates.Where(p => targetBlobId(p) == oldFile.BlobId).ToList();
        if (exact.Count > 0)
        {
            // Several copies of the same content: prefer the one that kept the file name.
            return (exact.OrderBy(p => Path.GetFileName(p) == name ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal).First(), 1.0);
        }
        var oldLines = TextDiff.Normalise(TextLines.Split(oldFile.Text));
        string? best = null;
        var bestScore = 0.0;
        foreach (var path in candidates.OrderBy(p => Path.GetFileName(p) == name ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal))
        {
            var file = readTarget(path);
            if (file is null || file.IsBinary)
            {
                continue;
            }
            var newLines = TextDiff.Normalise(TextLines.Split(file.Text));
            var sizeBound = 2.0 * Math.Min(oldLines.Count, newLines.Count) / Math.Max(1, oldLines.Count + newLines.Count);
            if (sizeBound < MinimumSimilarity || sizeBound <= bestScore || TextDiff.UpperBound(oldLines, newLines) is var bound && (bound < MinimumSimilarity || bound <= bestScore))
            {
                continue;
            }
            var score = TextDiff.Similarity(oldLines, newLines);
            if (score >= MinimumSimilarity && score > bestScore)
            {
                best = path;
                bestScore = score;
            }
        }
        return (best, bestScore);
    }
}
