using SpecMap.Core.Caching;
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

    /// <summary>Same simple name (and parameter count) under a new qualifier (class or namespace renamed).</summary>
    Requalified,

    /// <summary>A new declaration with a similar body under another name.</summary>
    Similar,
}

/// <summary>Where a tracked declaration is in the target.</summary>
internal sealed record SymbolMatch(string Path, SourceFile File, OutlineSymbol Symbol, MatchKind Kind, double Confidence);

/// <summary>
/// Finds a declaration of the baseline in the target: in its own file (followed through a rename), then in the other
/// files the diff touched. Only declarations that are new where they are found (their file's previous version, or the
/// file it was renamed from, lacked them) can be the moved or renamed one, and a guess must be clearly better than the
/// next: a wrong place is worse than none.
/// </summary>
internal sealed class SymbolTracker(Snapshot baseline, Snapshot target, Outliners outliners, Func<ChangedFiles> changes, RenameFinder origins)
{
    // Body similarity (over tokens) a same-name declaration under a new qualifier needs; a differently named one more.
    private const double RequalifiedMinimum = 0.5;
    private const double SimilarMinimum = 0.6;
    // A rename is judged from the body alone: a body of a few tokens (`def get(): return 1`) looks like too many others.
    private const int SimilarMinimumTokens = 12;
    // The best guess must beat the runner-up by this much, else it is not clear which one it is.
    private const double ClearMargin = 0.05;
    // A body this small (a one-line property, `public int Value { get; set; }`) looks like every other one: moved by
    // likeness only with evidence from its enclosing type (ContainerSupports).
    private const int TinyBodyTokens = 24;
    private readonly Dictionary<string, List<string>> _candidateFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CandidateIndex> _candidateIndexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameterCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceOutline?> _previousOutlines = new(StringComparer.Ordinal);
    private ILookup<string, string>? _deletedByName;
    private readonly Signatures _signatures = new();
    private readonly Dictionary<SourceOutline, OutlineFacts> _facts = new(ReferenceEqualityComparer.Instance);
    // Where each declaration went, once per run: the members of one type each track that type (ContainerSupports).
    // Without the file: it is read again from the target's bounded cache, not kept alive for the run by this memo.
    private readonly Dictionary<(string Path, string QualifiedName, string Kind, int Start, int End, string? MappedPath),
        (string Path, OutlineSymbol Symbol, MatchKind Kind, double Confidence)?> _tracked = [];
    // What the entity being tracked is: tracking a member may track its enclosing type first (ContainerSupports).
    private Scope _scope = new(null!, null!, null!, false, null, new Lazy<SymbolMatch?>(() => null));
    // The language of the file being tracked (a container tracked meanwhile is in the same file).
    private string? _language;

    /// <param name="Container">The entity's innermost enclosing type at the baseline, or null at the top.</param>
    /// <param name="ContainerMatch">Where that type went, tracked when first needed.</param>
    private sealed record Scope(SourceFile OldFile, SourceOutline OldOutline, OutlineSymbol Entity, bool IsLocal, OutlineSymbol? Container,
        Lazy<SymbolMatch?> ContainerMatch);

    /// <param name="mappedPath">The entity's file in the target (same path, or where git's rename rules put it), or null.</param>
    public SymbolMatch? Track(SourceFile oldFile, SourceOutline oldOutline, OutlineSymbol entity, string? mappedPath)
    {
        var key = (oldFile.Path, entity.QualifiedName, entity.Kind, entity.Start, entity.End, mappedPath);
        if (_tracked.TryGetValue(key, out var known))
        {
            return known is { } m ? new SymbolMatch(m.Path, target.Read(m.Path)!, m.Symbol, m.Kind, m.Confidence) : null;
        }
        var match = TrackInScope(oldFile, oldOutline, entity, mappedPath);
        _tracked[key] = match is null ? null : (match.Path, match.Symbol, match.Kind, match.Confidence);
        return match;
    }

    private SymbolMatch? TrackInScope(SourceFile oldFile, SourceOutline oldOutline, OutlineSymbol entity, string? mappedPath)
    {
        var outer = _scope;
        var container = EnclosingType(oldOutline, entity);
        _scope = new Scope(oldFile, oldOutline, entity, InsideCallable(oldOutline, entity), container,
            // A tiny type's own whereabouts are no evidence for its members: likeness does not chain.
            new Lazy<SymbolMatch?>(() => container is null || baseline.Body(oldFile, container).Count < TinyBodyTokens ? null : Track(oldFile, oldOutline, container, mappedPath)));
        try
        {
            return TrackEntity(oldFile, oldOutline, entity, mappedPath);
        }
        finally
        {
            _scope = outer;
        }
    }

    private SymbolMatch? TrackEntity(SourceFile oldFile, SourceOutline oldOutline, OutlineSymbol entity, string? mappedPath)
    {
        var body = baseline.Body(oldFile, entity);
        var mapped = mappedPath is null ? null : target.Read(mappedPath);
        var mappedOutline = mapped is null ? null : target.Outline(mapped);
        var language = outliners.For(oldFile.Path)?.Language;
        var others = new Lazy<List<string>>(() => OtherFiles(language, mappedPath));
        // The searches by name look only where the name occurs; the search by body (Similar) has its own clues.
        var named = new Lazy<List<string>>(() => MayDeclare(language, others.Value, entity.Name));
        _language = language;

        if (mapped is not null && mappedOutline is not null)
        {
            var found = Same(mapped, mappedOutline, oldOutline, entity, body) ?? NewSignature(mapped, mappedOutline, oldOutline, entity, body);
            if (found is not null)
            {
                return found;
            }
        }
        return Moved(named.Value, entity, body)
            ?? Best(mapped, mappedOutline, oldOutline, entity, body, MatchKind.Requalified)
            ?? BestElsewhere(named.Value, entity, body, MatchKind.Requalified)
            ?? Best(mapped, mappedOutline, oldOutline, entity, body, MatchKind.Similar)
            ?? BestElsewhere(others.Value, entity, body, MatchKind.Similar);
    }

    private SymbolMatch? Same(SourceFile file, SourceOutline outline, SourceOutline oldOutline, OutlineSymbol entity, List<string> body)
    {
        var matches = outline.Symbols.Where(s => SameIdentity(s, entity)).ToList();
        if (matches.Count == 0)
        {
            // A property that became a field, a class that became generic: one declaration of that name, not an old one.
            var byName = outline.Symbols.Where(s => s.QualifiedName == entity.QualifiedName && WithoutParameters(s) && WithoutParameters(entity)).ToList();
            return byName.Count == 1 && !oldOutline.Symbols.Any(o => SameIdentity(o, byName[0]))
                ? new SymbolMatch(file.Path, file, byName[0], MatchKind.Same, 0.95)
                : null;
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
        // The parameter list that changed least first (int became long), then the body.
        // One new overload of that name takes the place of the old one; among several, only a close parameter list counts.
        var picked = PickClear([.. candidates.Where(c => candidates.Count == 1 || ParameterSimilarity(entity, c) >= 0.5)
            .Select(c => (c, ParameterSimilarity(entity, c) + TextDiff.Similarity(body, target.Body(file, c))))], 0);
        return picked is null ? null : new SymbolMatch(file.Path, file, picked.Value.Symbol, MatchKind.Signature, 0.9);
    }

    private SymbolMatch? Moved(List<string> others, OutlineSymbol entity, List<string> body)
    {
        var found = new List<(SymbolMatch Match, double Score)>();
        foreach (var path in others)
        {
            var file = target.Read(path);
            if (file is null || !NameOccurs(path, file, entity.Name) || target.Outline(file) is not { } outline)
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
        return Clear(found, 0);
    }

    /// <summary>The best requalified or similar declaration in the entity's own file, new there.</summary>
    private SymbolMatch? Best(SourceFile? file, SourceOutline? outline, SourceOutline oldOutline, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        if (file is null || outline is null)
        {
            return null;
        }
        var scored = Candidates(file, outline, entity, body, kind)
            .Where(s => !IsClaimed(oldOutline, s.Match.Symbol, entity))
            .ToList();
        return Clear(scored, Minimum(kind));
    }

    private SymbolMatch? BestElsewhere(List<string> others, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        var scored = new List<(SymbolMatch Match, double Score)>();
        if (kind == MatchKind.Similar && body.Count < SimilarMinimumTokens)
        {
            // Too small to be judged by its body (Candidates): no file needs a read.
            return null;
        }
        var clues = kind == MatchKind.Similar ? Clues(body, entity.Name) : [];
        var index = others.Count > 0 && _language is not null ? Index(_language) : null;
        var shared = body.Count > 0 ? index?.Shared(body) : null;
        var typeWords = kind == MatchKind.Similar && index is not null ? TypeWords(entity) : null;
        // Compared as renamed, every occurrence of the old name may match the new one (RenamedUpperBound).
        var renamed = kind == MatchKind.Similar ? body.Count(t => t == entity.Name) : 0;
        foreach (var path in others)
        {
            // The clues first, from the candidate index where it can tell: most files fail them and need no read.
            if (clues.Length > 0 && clues.Count(c => TextContains(path, c)) * 2 < clues.Length)
            {
                continue;
            }
            // Nor a file that cannot hold enough of the body's tokens for any declaration in it to pass Candidates' bound.
            if (shared?.For(path) is { } most && !MayReach(body.Count, most + renamed, Minimum(kind)))
            {
                continue;
            }
            // Nor, for a member, a file ContainerSupports cannot accept: one without its type's name or a sibling's, other
            // than where its type went.
            if (typeWords is not null && !typeWords.Any(w => index!.HasWord(path, w) != false) && _scope.ContainerMatch.Value?.Path != path)
            {
                continue;
            }
            var file = target.Read(path);
            if (file is null || (kind == MatchKind.Requalified && !NameOccurs(path, file, entity.Name))
                || target.Outline(file) is not { } outline)
            {
                continue;
            }
            // Renamed and moved at once, the body is the only evidence: a look-alike in another type elsewhere (a
            // deleted method like a new one) is no answer without its type's support, whatever the body's size.
            scored.AddRange(Candidates(file, outline, entity, body, kind)
                .Where(c => c.Score >= Minimum(kind) && !ClaimedElsewhere(path, c.Match.Symbol, entity)
                    && (kind != MatchKind.Similar || ContainerSupports(file, outline, c.Match.Symbol, renamedAndMoved: true))));
        }
        return Clear(scored, Minimum(kind));
    }

    private IEnumerable<(SymbolMatch Match, double Score)> Candidates(SourceFile file, SourceOutline outline, OutlineSymbol entity, List<string> body, MatchKind kind)
    {
        var minimum = Minimum(kind);
        foreach (var symbol in outline.Symbols)
        {
            if (!CompatibleKinds(symbol.Kind, entity.Kind) || symbol.QualifiedName == entity.QualifiedName
                || 2.0 * Math.Min(symbol.LineCount, entity.LineCount) / (symbol.LineCount + entity.LineCount) < minimum / 2)
            {
                continue;
            }
            var sameName = symbol.Name == entity.Name && SameParameterCount(symbol, entity);
            if (sameName != (kind == MatchKind.Requalified) || (kind == MatchKind.Similar && body.Count < SimilarMinimumTokens))
            {
                continue;
            }
            // What a function defines inside itself cannot be referenced from outside: not where a top-level one went.
            if (!_scope.IsLocal && InsideCallable(outline, symbol))
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
            // The bound of the renamed body comes from the body's own hashes, so only a candidate that passes it gets a copy.
            if ((sameName ? TextDiff.UpperBound(body, candidate) : RenamedUpperBound(body, entity.Name, symbol.Name, candidate)) < minimum)
            {
                continue;
            }
            // The type's evidence after the cheap bounds: it may track the type, or diff the siblings' bodies.
            if (body.Count < TinyBodyTokens && !ContainerSupports(file, outline, symbol, renamedAndMoved: false))
            {
                continue;
            }
            var old = sameName ? body : [.. body.Select(t => t == entity.Name ? symbol.Name : t)];
            // Under a new qualifier, the unchanged parameter list is worth a little: it breaks ties between overloads.
            // Only a score of at least the minimum is ever kept (Clear, BestElsewhere): the diff need not go below it.
            var bonus = sameName && SameSignature(symbol, entity) ? 0.05 : 0;
            var similarity = TextDiff.DiffedSimilarity(old, candidate, minimum - bonus) + bonus;
            // Under a new qualifier a changed parameter list weakens the evidence of the name.
            var confidence = kind == MatchKind.Requalified
                ? (0.6 + (0.4 * Math.Min(similarity, 1))) * (SameSignature(symbol, entity) ? 1.0 : 0.9)
                : similarity;
            yield return (new SymbolMatch(file.Path, file, symbol, kind, Math.Round(Math.Min(confidence, 0.99), 3)), similarity);
        }
    }

    /// <summary><see cref="TextDiff.UpperBound"/> of <paramref name="body"/> with every <paramref name="name"/> token
    /// renamed to <paramref name="newName"/>, against <paramref name="candidate"/>, without building the renamed copy: the
    /// two hash multisets differ only in the counts of the two names' hashes (issue 15: a copy per candidate).</summary>
    private static double RenamedUpperBound(List<string> body, string name, string newName, List<string> candidate)
    {
        if (body.Count + candidate.Count == 0)
        {
            return 1;
        }
        var bodyHashes = LineHashes.Of(body);
        var candidateHashes = LineHashes.Of(candidate);
        var common = LineHashes.Common(bodyHashes, candidateHashes);
        var renamed = body.Count(t => t == name);
        var (from, to) = (LineHashes.Hash(name), LineHashes.Hash(newName));
        if (renamed > 0 && from != to)
        {
            int oldFrom = LineHashes.Count(bodyHashes, from), oldTo = LineHashes.Count(bodyHashes, to);
            int otherFrom = LineHashes.Count(candidateHashes, from), otherTo = LineHashes.Count(candidateHashes, to);
            common += Math.Min(oldFrom - renamed, otherFrom) - Math.Min(oldFrom, otherFrom)
                + Math.Min(oldTo + renamed, otherTo) - Math.Min(oldTo, otherTo);
        }
        return 2.0 * common / (body.Count + candidate.Count);
    }

    /// <summary>
    /// Whether the candidate's enclosing type is where the entity's could have gone: the same type name, the type the
    /// entity's own was tracked to (renamed or moved), or a type a sibling went to as well (a class split in two:
    /// `Session._get_permanent` and `_set_permanent` both went to `SessionMixin`). A top-level candidate for a
    /// top-level entity is supported; a top-level one for a member, or the reverse, is not. For an entity renamed and
    /// moved at once, siblings count only when its type was found somewhere too (split, not replaced): members of a
    /// type rewritten beyond recognition (a per-language converter replaced by a generic one) look like the new
    /// type's, and the entity's likeness to one of them says it was replaced, not renamed.
    /// </summary>
    private bool ContainerSupports(SourceFile file, SourceOutline outline, OutlineSymbol candidate, bool renamedAndMoved)
    {
        var container = EnclosingType(outline, candidate);
        var own = _scope.Container;
        if (own is null || container is null)
        {
            return own is null && container is null;
        }
        return container.Name == own.Name
            || (_scope.ContainerMatch.Value is { } moved && moved.Path == file.Path && moved.Symbol.QualifiedName == container.QualifiedName && moved.Symbol.Start == container.Start)
            || ((!renamedAndMoved || _scope.ContainerMatch.Value is not null) && SiblingWentAlong(file, outline, container));
    }

    /// <summary>True when other members of the entity's type are new in the candidate's type under their names, with
    /// bodies alike, and hold together more than a tiny body (one look-alike one-liner is no evidence either).</summary>
    private bool SiblingWentAlong(SourceFile file, SourceOutline outline, OutlineSymbol container)
    {
        var arrived = Facts(outline).Arrived(container, m => IsNewIn(file.Path, m));
        var tokens = 0;
        foreach (var old in Facts(_scope.OldOutline).Members(_scope.Container!).Where(m => m != _scope.Entity && arrived.Contains(m.Name)))
        {
            var body = baseline.Body(_scope.OldFile, old);
            if (arrived[old.Name].Any(now => AtLeastSimilar(body, target.Body(file, now))))
            {
                // Enough evidence already: the rest cannot take it back (this ran a full diff per sibling, 65% of a relocation run).
                tokens += body.Count;
                if (tokens >= TinyBodyTokens)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// The words one of which a file must hold for ContainerSupports to accept a member renamed and moved into it: its
    /// type's name (a type of that name) or a sibling's (a sibling that went along); the only other file it accepts is
    /// where the type was tracked to. Null when there is no such test: the entity is at the top, or a name is not a
    /// plain identifier (an operator), which the index cannot look up.
    /// </summary>
    private string[]? TypeWords(OutlineSymbol entity)
    {
        if (_scope.Container is not { } own)
        {
            return null;
        }
        string[] words = [own.Name, .. Facts(_scope.OldOutline).Members(own).Where(m => m != entity).Select(m => m.Name).Distinct(StringComparer.Ordinal)];
        return words.All(CandidateIndex.IsIdentifier) ? words : null;
    }

    /// <summary>Whether a declaration sharing at most <paramref name="shared"/> tokens with a body of <paramref name="count"/>
    /// can reach <paramref name="minimum"/> by <see cref="TextDiff.UpperBound"/>: 2·common / (count + its size) is at most
    /// 2·shared / (count + shared), as its size is at least what it shares (a hair of slack for rounding).</summary>
    private static bool MayReach(int count, int shared, double minimum) => 2.0 * shared / (count + shared) >= minimum - 1e-9;

    /// <summary>Similarity ≥ <see cref="SimilarMinimum"/>, the full diff only where the cheap bound (never below it)
    /// leaves it possible.</summary>
    private static bool AtLeastSimilar(List<string> a, List<string> b) =>
        TextDiff.UpperBound(a, b) >= SimilarMinimum && TextDiff.DiffedSimilarity(a, b, SimilarMinimum) >= SimilarMinimum;

    /// <summary>The innermost type declaration around the symbol, or null at the top (namespaces are not types).</summary>
    private OutlineSymbol? EnclosingType(SourceOutline outline, OutlineSymbol symbol) => Facts(outline).EnclosingType(symbol);

    /// <summary>The body's longest distinct words other than its name: a file that holds a similar body holds most of
    /// them, so files without them are skipped unparsed.</summary>
    private static string[] Clues(List<string> body, string name) =>
        [.. body.Where(t => t.Length >= 6 && t != name && (char.IsLetter(t[0]) || t[0] == '_')).Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).Take(4)];

    /// <summary>No parameter list (a generic type's `&lt;T&gt;` is not one).</summary>
    private static bool WithoutParameters(OutlineSymbol symbol) => symbol.Signature is null || SymbolKinds.IsTypeLike(symbol.Kind);

    private bool InsideCallable(SourceOutline outline, OutlineSymbol symbol) => Facts(outline).InsideCallable(symbol);

    private static double Minimum(MatchKind kind) => kind == MatchKind.Requalified ? RequalifiedMinimum : SimilarMinimum;

    /// <summary>The best-scoring match at or above <paramref name="minimum"/>, when it is clearly the best.</summary>
    private static SymbolMatch? Clear(List<(SymbolMatch Match, double Score)> scored, double minimum)
    {
        var ordered = scored.Where(s => s.Score >= minimum).OrderByDescending(s => s.Score)
            .ThenBy(s => s.Match.Path, StringComparer.Ordinal).ThenBy(s => s.Match.Symbol.Start).ToList();
        if (ordered.Count == 0 || (ordered.Count > 1 && ordered[0].Score - ordered[1].Score < ClearMargin))
        {
            return null;
        }
        return ordered[0].Match;
    }

    private static (OutlineSymbol Symbol, double Score)? PickClear(List<(OutlineSymbol Symbol, double Score)> scored, double minimum)
    {
        var ordered = scored.Where(s => s.Score >= minimum).OrderByDescending(s => s.Score).ThenBy(s => s.Symbol.Start).ToList();
        if (ordered.Count == 0 || (ordered.Count > 1 && ordered[0].Score - ordered[1].Score < ClearMargin))
        {
            return null;
        }
        return ordered[0];
    }

    /// <summary>True when the file did not hold a declaration of that identity at the baseline, at its path or at the
    /// path it was renamed from.</summary>
    private bool IsNewIn(string path, OutlineSymbol symbol) =>
        Previous(path) is not { } previous || !Facts(previous).Declares(symbol);

    /// <summary>True when another old declaration of the candidate's file has its name (and parameter count): the
    /// candidate continues that one (its class or namespace renamed) and is not where the entity went.</summary>
    private bool IsClaimed(SourceOutline previous, OutlineSymbol candidate, OutlineSymbol entity) =>
        Facts(previous).Named(candidate.Name).Any(o => o != entity && CompatibleKinds(o.Kind, candidate.Kind) && SameSignature(o, candidate));

    /// <summary>True when an old declaration other than the entity has the candidate's name and parameters in the
    /// candidate file's previous version, or in a vanished file of the same name (a folder of look-alike files moved).</summary>
    private bool ClaimedElsewhere(string path, OutlineSymbol candidate, OutlineSymbol entity)
    {
        if (Previous(path) is { } previous && IsClaimed(previous, candidate, entity))
        {
            return true;
        }
        foreach (var deleted in DeletedByName()[System.IO.Path.GetFileName(path)])
        {
            if (baseline.Outline(deleted) is { } outline && IsClaimed(outline, candidate, entity))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The deleted files by file name (in the diff's order), made once: not a scan of the diff per candidate.</summary>
    private ILookup<string, string> DeletedByName() =>
        _deletedByName ??= changes().Deleted.ToLookup(d => System.IO.Path.GetFileName(d), StringComparer.Ordinal);

    /// <summary>The file's outline at the baseline: at its path, or at the path it was renamed from; null when new.</summary>
    private SourceOutline? Previous(string path)
    {
        if (!_previousOutlines.TryGetValue(path, out var previous))
        {
            var old = baseline.Read(path);
            if (old is null && target.Read(path) is { } file && origins.Find(file).Path is { } origin)
            {
                old = baseline.Read(origin);
            }
            previous = old is null ? null : baseline.Outline(old);
            _previousOutlines[path] = previous;
        }
        return previous;
    }

    /// <summary>The candidates that may declare <paramref name="name"/> (see <see cref="CandidateIndex"/>).</summary>
    private List<string> MayDeclare(string? language, List<string> candidates, string name) =>
        language is null || candidates.Count == 0 ? candidates : Index(language).MayDeclare(candidates, name);

    /// <summary>Whether the target's file at <paramref name="path"/> contains <paramref name="fragment"/>.</summary>
    /// <summary>Whether the name occurs in the file's text, as <see cref="string.Contains(string)"/> says, answered by the
    /// candidate index when it has been built: a word it holds for the file as written is in the text, and else its
    /// search of the words says (issue 15: searching the whole text of each file for each name was 4% of a relocation
    /// run, most of it in one 726 KB file with unicode escapes, which the words answer for too).</summary>
    private bool NameOccurs(string path, SourceFile file, string name) =>
        _language is not null && _candidateIndexes.TryGetValue(_language, out var index)
            ? index.HoldsWritten(path, name) == true || (index.Contains(path, name) ?? file.Text.Contains(name, StringComparison.Ordinal))
            : file.Text.Contains(name, StringComparison.Ordinal);

    private bool TextContains(string path, string fragment) =>
        (_language is null ? null : Index(_language).Contains(path, fragment))
            ?? target.Read(path)?.Text.Contains(fragment, StringComparison.Ordinal) ?? false;

    private CandidateIndex Index(string language)
    {
        if (!_candidateIndexes.TryGetValue(language, out var index))
        {
            var store = new CandidateFactsStore(outliners.Store);
            index = CandidateIndex.Build(OtherFiles(language, null), path => store.For(language, target.BlobId(path), () => target.Read(path)));
            _candidateIndexes[language] = index;
        }
        return index;
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

    private bool SameIdentity(OutlineSymbol a, OutlineSymbol b) => _signatures.SameIdentity(a, b);

    private bool SameSignature(OutlineSymbol a, OutlineSymbol b) => _signatures.Same(a, b);

    /// <summary>The outline's facts, worked out once per outline for this run.</summary>
    private OutlineFacts Facts(SourceOutline outline)
    {
        if (!_facts.TryGetValue(outline, out var facts))
        {
            facts = new OutlineFacts(outline, _signatures);
            _facts[outline] = facts;
        }
        return facts;
    }

    private bool SameParameterCount(OutlineSymbol a, OutlineSymbol b) =>
        a.Signature is null ? b.Signature is null : b.Signature is not null && ParameterCount(a.Signature) == ParameterCount(b.Signature);

    /// <summary>A signature's parameter count, worked out once per signature for this run: the search asks it of every
    /// same-named declaration in every candidate (Humanizer's overloads of `Humanize`), and normalising the signature
    /// each time was 5% of a relocation run.</summary>
    private int ParameterCount(string signature)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_parameterCounts, signature, out var known);
        if (!known)
        {
            count = SymbolQuery.Parameters(signature).Length;
        }
        return count;
    }

    private static double ParameterSimilarity(OutlineSymbol a, OutlineSymbol b) => SymbolQuery.ParameterSimilarity(a.Signature, b.Signature);

    private static string[] Parameters(OutlineSymbol symbol) => SymbolQuery.Parameters(symbol.Signature);

    private static bool CompatibleKinds(string a, string b) =>
        a == b || (IsCallable(a) && IsCallable(b)) || (SymbolKinds.IsTypeLike(a) && SymbolKinds.IsTypeLike(b));

    private static bool IsCallable(string kind) => SymbolIdentity.IsCallable(kind);
}
