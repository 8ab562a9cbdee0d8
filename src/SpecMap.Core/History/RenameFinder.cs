using SpecMap.Core.Sources;

namespace SpecMap.Core.History;

/// <summary>
/// Finds where one vanished file went, git-style (same content, or at least half of its lines), comparing it only
/// with the files that appeared: the cost grows with what a reference needs, not with the size of the diff.
/// Backwards, it finds which vanished file an added one came from.
/// </summary>
/// <param name="readOther">Reads a file of the other side (the target; backwards: the baseline).</param>
/// <param name="otherBlobId">The blob id of a file of the other side, cheaply.</param>
/// <param name="otherSize">The size in bytes of a file of the other side, cheaply (without reading it).</param>
internal sealed class RenameFinder(
    Func<string, SourceFile?> readOther, Func<string, string?> otherBlobId, Func<string, long?> otherSize, Func<ChangedFiles> changes, bool backwards = false)
{
    // git's default rename threshold (50% similar).
    private const double MinimumSimilarity = 0.5;
    // Only the few best by the cheap bound get the real (diff-based) score.
    private const int Finalists = 3;

    private readonly Dictionary<string, (string? Path, double Similarity)> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LineSet?> _index = new(StringComparer.Ordinal);
    private ILookup<string, string>? _byExtension;

    /// <summary>The path <paramref name="file"/> was renamed to (backwards: from), with the similarity; null when none.</summary>
    public (string? Path, double Similarity) Find(SourceFile file)
    {
        if (_found.TryGetValue(file.Path, out var known))
        {
            return known;
        }
        var result = Search(file);
        _found[file.Path] = result;
        return result;
    }

    private (string? Path, double Similarity) Search(SourceFile file)
    {
        var extension = Path.GetExtension(file.Path);
        var name = Path.GetFileName(file.Path);
        var candidates = ByExtension()[extension].ToList();
        var exact = candidates.Where(p => otherBlobId(p) == file.BlobId).ToList();
        if (exact.Count > 0)
        {
            // Several copies of the same content: prefer the one that kept the file name.
            return (exact.OrderBy(p => Path.GetFileName(p) == name ? 0 : 1).ThenBy(p => p, StringComparer.Ordinal).First(), 1.0);
        }
        var lines = LinesOf(file.Text);
        var set = new LineSet(lines);
        // Files that kept their name are the usual renames (a folder moved): settle those without reading the rest.
        var sameName = Best(candidates.Where(p => Path.GetFileName(p) == name), lines, set);
        if (sameName.Path is not null)
        {
            return sameName;
        }
        // Half the lines in common needs sizes within a factor of three; a generous factor of four keeps blank-line and
        // indentation changes in, and skips reading most files of a large diff.
        var size = Math.Max(1, file.Text.Length);
        return Best(candidates.Where(p => Path.GetFileName(p) != name && otherSize(p) is { } other && other * 4 >= size && other <= size * 4L), lines, set);
    }

    private (string? Path, double Similarity) Best(IEnumerable<string> candidates, List<string> lines, LineSet set)
    {
        var bounded = new List<(string Path, double Bound)>();
        foreach (var path in candidates)
        {
            if (Indexed(path) is not { } other)
            {
                continue;
            }
            var bound = set.UpperBound(other);
            if (bound >= MinimumSimilarity)
            {
                bounded.Add((path, bound));
            }
        }
        string? best = null;
        var bestScore = 0.0;
        foreach (var (path, _) in bounded.OrderByDescending(b => b.Bound).ThenBy(b => b.Path, StringComparer.Ordinal).Take(Finalists))
        {
            var score = TextDiff.DiffedSimilarity(lines, Indexed(path)!.Lines(), MinimumSimilarity);
            if (score >= MinimumSimilarity && score > bestScore)
            {
                (best, bestScore) = (path, score);
            }
        }
        return (best, bestScore);
    }

    /// <summary>The files that appeared (backwards: vanished) by extension, in the diff's order, grouped once: not a
    /// scan of the diff per search (issue 15: a search per added candidate file of a relocation).</summary>
    private ILookup<string, string> ByExtension() =>
        _byExtension ??= (backwards ? changes().Deleted : changes().Added).ToLookup(p => Path.GetExtension(p), StringComparer.OrdinalIgnoreCase);

    private LineSet? Indexed(string path)
    {
        if (!_index.TryGetValue(path, out var set))
        {
            var file = readOther(path);
            // Only its hashes for now: most candidates are compared by the bound alone, and a finalist's lines are split then.
            set = file is null || file.IsBinary ? null : new LineSet(LineHashes.OfNormalisedLines(file.Text), () => LinesOf(readOther(path)!.Text));
            _index[path] = set;
        }
        return set;
    }

    private static List<string> LinesOf(string text) => TextDiff.Normalise(TextLines.Split(text));

    /// <summary>A file's normalised lines as a multiset (their sorted hashes), for the cheap similarity bound; the lines
    /// themselves made when first needed.</summary>
    private sealed class LineSet(long[] hashes, Func<List<string>> lines)
    {
        private readonly long[] _hashes = hashes;
        private List<string>? _lines;

        public LineSet(List<string> lines)
            : this(LineHashes.Of(lines), () => lines)
        {
        }

        private int Count => _hashes.Length;

        public List<string> Lines() => _lines ??= lines();

        public double UpperBound(LineSet other)
        {
            var total = Count + other.Count;
            if (total == 0)
            {
                return 1;
            }
            if (2.0 * Math.Min(Count, other.Count) / total < MinimumSimilarity)
            {
                return 0;
            }
            return 2.0 * LineHashes.Common(_hashes, other._hashes) / total;
        }
    }
}
