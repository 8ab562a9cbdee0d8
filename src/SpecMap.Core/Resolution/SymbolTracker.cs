using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Resolution;

/// <summary>How a declaration was found again in the target.</summary>
internal enum MatchKind
{
    /// <summary>Same qualified name and parameter list.</summary>
    Same,

    /// <summary>Same qualified name, a new parameter list (the old overload is gone).</summary>
    Signature,

    /// <summary>Same qualified name in another file where it is new.</summary>
    Moved,

    /// <summary>Same simple name and parameters under a new qualifier (class or namespace renamed).</summary>
    Requalified,

    /// <summary>A new declaration with a similar body under another name.</summary>
    Similar,
}

/// <summary>Where a tracked declaration is in the target.</summary>
internal sealed record SymbolMatch(string Path, SourceFile File, OutlineSymbol Symbol, MatchKind Kind, double Confidence);

/// <summary>
/// Finds a declaration of the baseline in the target: in its own file (followed through a rename), then in the other
/// files the diff touched. Only declarations that are new where they are found can be a moved or renamed one, and a
/// guess must be clearly better than the next: a wrong place is worse than none.
/// </summary>
internal sealed class SymbolTracker(Snapshot baseline, Snapshot target, Outliners outliners, Func<ChangedFiles> changes)
{
    // A same-name declaration under a new qualifier needs this much body similarity; a differently named one more.
    private const double RequalifiedMinimum = 0.5;
    private const double SimilarMinimum = 0.6;
    // The best guess must beat the runner-up by this much, else it is not clear which one it is.
    private const double ClearMargin = 0.05;

    private readonly Dictionary<string, List<string>> _candidateFiles = new(StringComparer.Ordinal);

    /// <param name="mappedPath">The entity's file in the target (same path, or where git's rename rules put it), or null.</param>
    public SymbolMatch? Track(SourceFile oldFile, SourceOutline oldOutline, OutlineSymbol entity, string? mappedPath)
    {
        var body = baseline.Body(oldFile, entity);
        var mapped = mappedPath is null ? null : target.Read(mappedPath);
        var mappedOutline = mapped is null ? null : target.Outline(mapped);
        var language = outliners.For(oldFile.Path)?.Language;
        var others = new Lazy<List<string>>(() => OtherFiles(language, mappedPath));

        if (mapped is not null && mappedOutline is not null)
        {
            var found = Same(mapped, mappedOutline, oldOutline, entity, body) ?? NewSignature(mapped, mappedOutline, oldOutline, entity, body);
            if (found is not null)
            {
                return found;
            }
        }
        return Moved(others.Value, entity, body)
            ?? Best(mapped, mappedOutline, oldOutline, entity, body, MatchKind.Requalified)
            ?? BestElsewhere(others.Value, entity, body, MatchKind.Requalified)
            ?? Best(mapped, mappedOutline, oldOutline, entity, body, MatchKind.Similar)
            ?? BestElsewhere(others.Value, entity, body, MatchKind.Similar);
    }

    private SymbolMatch? Same(SourceFile file, SourceOutline outline, SourceOutline oldOutline, OutlineSymbol entity, List<string> body)
    {
        var matches = outline.Symbols.Where(s => SameIdentity(s, entity)).ToList();
        if (matches.Count == 0)
        {
            return null;
        }
        if (matches.Count > 1)
        {
            // Redefinitions (a property and its setter): the same position among namesakes when their number is kept.
            var namesakes = oldOutline.Symbols.Where(s => SameIdentity(s, entity)).ToList();
            matches = namesakes.Count == matches.Count
                ? [matches[namesakes.IndexOf(entity)]]
                : [.. matches.OrderByDescending(s => TextDiff.Similarity(body, target.Body(file, s)))];
        }
        return new SymbolMatch(file.Path, file, matches[0], MatchKind.Same, 1.0);
    }

    private SymbolMatch? NewSignature(SourceFile file, SourceOutline outline, SourceOutline oldOutline, OutlineSymbol entity, List<string> body)
    {
        if (entity.Signature is null)
        {
            return null;
        }
        var candidates = outline.Symbols
            .Where(s => s.QualifiedName == entity.QualifiedName && s.Signature is not null && CompatibleKinds(s.Kind, entity.Kind)
                && !oldOutline.Symbols.Any(o => SameIdentity(o, s)))
            .ToList();
        var picked = PickClear(candidates.Select(c => (c, TextDiff.Similarity(body, target.Body(file, c)))).ToList(), 0);
        return picked is null ? null : new SymbolMatch(file.Path, file, picked.Value.Symbol, MatchKind.Signature, Math.Max(0.9, picked.Value.Score));
    }

    private SymbolMatch? Moved(List<string> others, OutlineSymbol entity, List<string> body)
    {
        var found = new List<(SymbolMatch Match, double Score)>();
        foreach (var path in others)
        {
            var file = target.Read(path);
            if (file is null || !file.Text.Contains(entity.Name, StringComparison.Ordinal) || target.Outline(file) is not { } outline)
            {
                continue;
            }
            foreach (var symbol in outline.Symbols.Where(s => SameIdentity(s, entity)))
            {
                if (IsNewIn(path, symbol))
                {
                    found.Add((new SymbolMatch(path, file, symbol, MatchKind.Moved, 1.0), TextDiff.Similarity(body, target.Body(file, symbol))));
                }
            }
        }
        if (found.Count == 0)
        {
            return null;
        }
        var best = found.OrderByDescending(f => f.Score).ThenBy(f => f.Match.Path, StringComparer.Ordinal).First();
        return found.Count == 1 || best.Score - found.Where(f => f != best).Max(f => f.Score) >= ClearMargin ? best.Match : null;
    }

    /// <summary>The best requalified or similar declaration in the entity's own file, new there.</summary>
    private SymbolMatch? Best(SourceFile? file, SourceOutline? outline, SourceOutline oldOutline, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        if (file is null || outline is null)
        {
            return null;
        }
        var scored = Candidates(file, outline, entity, body, kind)
            .Where(s => !oldOutline.Symbols.Any(o => SameIdentity(o, s.Symbol)))
            .ToList();
        var picked = PickClear(scored, kind == MatchKind.Requalified ? RequalifiedMinimum : SimilarMinimum);
        return picked is null ? null : new SymbolMatch(file.Path, file, picked.Value.Symbol, kind, Confidence(kind, picked.Value.Score));
    }

    private SymbolMatch? BestElsewhere(List<string> others, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        var scored = new List<(SymbolMatch Match, double Score)>();
        foreach (var path in others)
        {
            var file = target.Read(path);
            if (file is null || (kind == MatchKind.Requalified && !file.Text.Contains(entity.Name, StringComparison.Ordinal)) || target.Outline(file) is not { } outline)
            {
                continue;
            }
            foreach (var (symbol, score) in Candidates(file, outline, entity, body, kind))
            {
                if (IsNewIn(path, symbol))
                {
                    scored.Add((new SymbolMatch(path, file, symbol, kind, Confidence(kind, score)), score));
                }
            }
        }
        var minimum = kind == MatchKind.Requalified ? RequalifiedMinimum : SimilarMinimum;
        var ordered = scored.Where(s => s.Score >= minimum).OrderByDescending(s => s.Score).ThenBy(s => s.Match.Path, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0 || (ordered.Count > 1 && ordered[0].Score - ordered[1].Score < ClearMargin))
        {
            return null;
        }
        return ordered[0].Match;
    }

    private IEnumerable<(OutlineSymbol Symbol, double Score)> Candidates(SourceFile file, SourceOutline outline, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        var minimum = kind == MatchKind.Requalified ? RequalifiedMinimum : SimilarMinimum;
        var entitySignature = entity.Signature is null ? null : SymbolQuery.NormaliseSignature(entity.Signature);
        foreach (var symbol in outline.Symbols)
        {
            if (!CompatibleKinds(symbol.Kind, entity.Kind) || symbol.QualifiedName == entity.QualifiedName)
            {
                continue;
            }
            var sameName = symbol.Name == entity.Name
                && (symbol.Signature is null ? entitySignature is null : SymbolQuery.NormaliseSignature(symbol.Signature) == entitySignature);
            if (sameName != (kind == MatchKind.Requalified))
            {
                continue;
            }
            var candidate = target.Body(file, symbol);
            var sizeBound = 2.0 * Math.Min(body.Count, candidate.Count) / Math.Max(1, body.Count + candidate.Count);
            if (sizeBound < minimum)
            {
                continue;
            }
            // A rename changes the name wherever the body says it (the definition, recursive calls): compare as renamed.
            var old = sameName ? body : RenamedBody(body, entity.Name, symbol.Name);
            if (TextDiff.UpperBound(old, candidate) < minimum)
            {
                continue;
            }
            yield return (symbol, TextDiff.Similarity(old, candidate));
        }
    }

    private static List<string> RenamedBody(List<string> body, string oldName, string newName) =>
        oldName.Length == 0 ? body : [.. body.Select(l => l.Contains(oldName, StringComparison.Ordinal) ? l.Replace(oldName, newName, StringComparison.Ordinal) : l)];

    /// <summary>The best-scoring candidate at or above <paramref name="minimum"/>, when it is clearly the best.</summary>
    private static (OutlineSymbol Symbol, double Score)? PickClear(List<(OutlineSymbol Symbol, double Score)> scored, double minimum)
    {
        var ordered = scored.Where(s => s.Score >= minimum).OrderByDescending(s => s.Score).ThenBy(s => s.Symbol.Start).ToList();
        if (ordered.Count == 0 || (ordered.Count > 1 && ordered[0].Score - ordered[1].Score < ClearMargin))
        {
            return null;
        }
        return ordered[0];
    }

    /// <summary>A same-name find is strong evidence by itself; a different name rests on the body alone.</summary>
    private static double Confidence(MatchKind kind, double similarity) =>
        Math.Round(Math.Min(kind == MatchKind.Requalified ? 0.6 + (0.4 * similarity) : similarity, 0.99), 3);

    /// <summary>True when the file did not hold a declaration of that identity at the baseline.</summary>
    private bool IsNewIn(string path, OutlineSymbol symbol)
    {
        var old = baseline.Read(path);
        return old is null || baseline.Outline(old) is not { } outline || !outline.Symbols.Any(o => SameIdentity(o, symbol));
    }

    /// <summary>Added and modified files of the same language, other than the entity's own.</summary>
    private List<string> OtherFiles(string? language, string? exclude)
    {
        if (language is null)
        {
            return [];
        }
        if (!_candidateFiles.TryGetValue(language, out var paths))
        {
            paths = [.. changes().AddedOrModified.Where(p => outliners.For(p)?.Language == language)];
            _candidateFiles[language] = paths;
        }
        return exclude is null ? paths : [.. paths.Where(p => p != exclude)];
    }

    public static bool SameIdentity(OutlineSymbol a, OutlineSymbol b) =>
        a.QualifiedName == b.QualifiedName && CompatibleKinds(a.Kind, b.Kind)
        && (a.Signature is null ? b.Signature is null : b.Signature is not null && SymbolQuery.NormaliseSignature(a.Signature) == SymbolQuery.NormaliseSignature(b.Signature));

    private static bool CompatibleKinds(string a, string b) =>
        a == b || (IsCallable(a) && IsCallable(b)) || (SymbolKinds.IsTypeLike(a) && SymbolKinds.IsTypeLike(b));

    private static bool IsCallable(string kind) => kind is SymbolKinds.Function or SymbolKinds.Method or SymbolKinds.Local;
}
