using System.Collections.Immutable;
using System.Globalization;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Markdown;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Resolution;

/// <summary>
/// Resolves one reference against the target tree (contract §1, §7). When the file changed since the baseline
/// (the commit its lines belong to), the declaration the reference stood for there is tracked to the target: same
/// file, renamed file, another file, or a new name; lines without a declaration go through the diff.
/// Precision first: when no place is clearly right, the reference is lost rather than moved somewhere wrong.
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly ResolutionContext _context;
    private readonly Snapshot _target;
    private readonly Snapshot? _baseline;
    private readonly Lazy<ChangedFiles> _changes;
    private readonly RenameFinder _renames;
    private readonly SymbolTracker? _tracker;
    private readonly PathResolver? _baselinePaths;

    public ReferenceResolver(ResolutionContext context)
    {
        _context = context;
        _target = new Snapshot(context.Target, context.Outliners);
        _baseline = context.Baseline is null ? null : new Snapshot(context.Baseline, context.Outliners);
        _baselinePaths = context.Baseline is null ? null : context.Paths.For(context.Baseline);
        _changes = new Lazy<ChangedFiles>(() => context.Git is { } git && context.Baseline is GitTreeSource baseline
            ? ChangedFiles.Compute(git, baseline, context.Target)
            : new ChangedFiles([], [], []));
        _renames = new RenameFinder(_target.Read, _target.BlobId, _target.Size, () => _changes.Value);
        _tracker = _baseline is null ? null : new SymbolTracker(_baseline, _target, context.Outliners, () => _changes.Value,
            new RenameFinder(_baseline.Read, _baseline.BlobId, _baseline.Size, () => _changes.Value, backwards: true));
    }

    /// <summary>The one step per reference: its written path read as a repository path (SMV0003/SMV0108 when it cannot
    /// be), then its target found, with the declaration its lines stood for at the baseline when it is lost there.</summary>
    public ReferenceResult Resolve(MappingReference reference)
    {
        // A bare basename names the file it named when the lines were written; history then follows that file.
        var (path, pathFinding) = _context.Paths.Resolve(reference.Path, reference.Kind, _baselinePaths);
        var outcome = pathFinding is not null
            ? new ResolutionOutcome(pathFinding.RuleId == RuleIds.Ambiguous ? ReferenceStatus.Ambiguous : ReferenceStatus.Invalid, null, null, 0, [pathFinding])
            : ResolveAt(reference, path!);
        return new ReferenceResult(reference, path, outcome with { Baseline = LostDeclaration(reference, path, outcome.Status) });
    }

    /// <summary>What a lost (or ambiguous) lines-only code reference covered at the baseline: the innermost declaration
    /// there, which a fix pins by name (<c>SymbolPin</c>). Null for every other reference.</summary>
    private BaselineDeclaration? LostDeclaration(MappingReference reference, string? path, ReferenceStatus status)
    {
        if (_baseline is null || reference.Symbol is not null || reference.Start is not { } start || reference.End is not { } end
            || reference.Kind != ReferenceKind.Code || status is not (ReferenceStatus.Lost or ReferenceStatus.Ambiguous))
        {
            return null;
        }
        // A bare basename was resolved where it was unique at the baseline (PathResolver.Resolve), so the path is the baseline's.
        var file = _baseline.Read(path ?? reference.Path) ?? _baseline.Read(reference.Path);
        return file is not null && _baseline.Outline(file)?.Innermost(start, end) is { Kind: not SymbolKinds.Heading } declaration
            ? new BaselineDeclaration(declaration, _baseline.Tree.Description)
            : null;
    }

    /// <param name="path">The repository path the reference was resolved to.</param>
    private ResolutionOutcome ResolveAt(MappingReference reference, string path)
    {
        var newFile = _target.Read(path);
        // A symbol in a file the parser is not given (a budget) cannot be found: say so rather than "not found".
        if (reference.Symbol is not null && newFile is not null && _target.WhyNotOutlined(newFile) is { } why)
        {
            return new ResolutionOutcome(ReferenceStatus.Invalid, null, null, 0,
                [new Finding(RuleIds.FileNotChecked, $"'{path}' {PathProblem.NotChecked(why).Reason}")]);
        }
        // Same blob at both ends (the usual case in a hook): no history to replay, and no need to read the old blob.
        var oldFile = newFile is not null && _baseline?.BlobId(path) == newFile.BlobId ? null : _baseline?.Read(path);
        if (oldFile is null || (newFile is not null && newFile.BlobId == oldFile.BlobId))
        {
            // Nothing to replay: the lines belong to the target (or the baseline does not know the file).
            return CheckCurrent(reference, path, newFile);
        }
        return Relocate(reference, oldFile, newFile);
    }

    // ---- checks against the target alone -------------------------------------------------------------------

    private ResolutionOutcome CheckCurrent(MappingReference reference, string path, SourceFile? file)
    {
        if (file is null)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.FileNotFound, $"'{path}' does not exist in {_context.Target.Description}; correct the path, or remove the reference if the code is gone"));
        }
        if (reference.Kind == ReferenceKind.Doc && reference.Anchor is { } anchor)
        {
            return CheckAnchor(reference, file, anchor);
        }
        var query = SymbolQuery.Parse(reference.Symbol);
        var outline = query is null ? null : _target.Outline(file);
        if (reference.HasLines && reference.End > file.LineCount)
        {
            var beyondEnd = $"{MessageText.Lines(reference.Start!.Value, reference.End!.Value)} {(reference.Start == reference.End ? "is" : "are")} beyond the end of '{path}', which has {MessageText.Count(file.LineCount, "line")}";
            var beyond = new Finding(RuleIds.RangeBeyondEnd, $"{beyondEnd}; correct the line numbers");
            if (query is not null && outline is not null && query.FindIn(outline) is { Count: > 0 } found)
            {
                var (symbol, _) = Nearest(found, reference);
                var target = new ResolvedTarget(path, symbol.Start, symbol.End, symbol.QualifiedName);
                return new ResolutionOutcome(ReferenceStatus.Relocated, target, HowFound.Symbol, 1.0,
                    [beyond with { Message = $"{beyondEnd}; '{query.Written}' is at {MessageText.Lines(symbol.Start, symbol.End)}", Related = [Location(target)] }]);
            }
            return ResolutionOutcome.Lost(beyond);
        }
        if (query is null || outline is null)
        {
            var (start, end) = reference.HasLines ? (reference.Start!.Value, reference.End!.Value) : (1, Math.Max(1, file.LineCount));
            return Ok(new ResolvedTarget(path, start, end, null), HowFound.Exact);
        }
        var candidates = query.FindIn(outline);
        if (candidates.Count == 0)
        {
            return query.Overloads(outline) is { Count: > 0 } overloads
                ? NoSuchOverload(reference, path, query, overloads)
                : ResolutionOutcome.Lost(new Finding(RuleIds.SymbolNotFound, $"symbol '{query.Written}' is not in '{path}'; correct the symbol or the path"));
        }
        var (picked, ambiguous) = Nearest(candidates, reference);
        var resolved = new ResolvedTarget(path, RangeStart(reference, picked, picked), picked.End, picked.QualifiedName);
        if (ambiguous)
        {
            return new ResolutionOutcome(ReferenceStatus.Ambiguous, resolved, HowFound.Symbol, 1.0 / candidates.Count,
                [new Finding(RuleIds.Ambiguous,
                    $"symbol '{query.Written}' matches {MessageText.Count(candidates.Count, "declaration")} in '{path}' (lines {MessageText.List(candidates.Select(c => Range(c.Start, c.End)))}); add lines or a qualified name to pick one",
                    [.. candidates.Select(c => new CodeLocation(path, c.Start, c.End))])]);
        }
        if (!reference.HasLines || picked.Covers(reference.Start!.Value, reference.End!.Value))
        {
            return Ok(reference.HasLines ? resolved with { Start = reference.Start!.Value, End = reference.End!.Value } : resolved,
                reference.HasLines ? HowFound.Exact : HowFound.Symbol);
        }
        return new ResolutionOutcome(ReferenceStatus.Relocated, resolved, HowFound.Symbol, 1.0,
            [new Finding(RuleIds.SymbolShifted,
                $"'{query.Written}' is at {MessageText.Lines(resolved.Start, resolved.End)} of '{path}', no longer at {MessageText.Lines(reference.Start!.Value, reference.End!.Value)}",
                [Location(resolved)])]);
    }

    /// <summary>
    /// A written parameter list that fits no overload of that name: never ok. One overload left is where it went, its
    /// parameter list changed (SMV0106, fixed only at or above the rename threshold: the confidence is how much of the
    /// written list it kept); several are ambiguous (SMV0108) and named.
    /// </summary>
    private ResolutionOutcome NoSuchOverload(MappingReference reference, string path, SymbolQuery query, List<OutlineSymbol> overloads)
    {
        var (picked, _) = overloads.Count == 1 ? (overloads[0], false) : Nearest(overloads, reference);
        var shown = string.Join(", ", overloads.Select(o => $"{o.QualifiedName}{o.Signature} (lines {Range(o.Start, o.End)})"));
        if (overloads.Count > 1)
        {
            return new ResolutionOutcome(ReferenceStatus.Ambiguous, new ResolvedTarget(path, picked.Start, picked.End, picked.QualifiedName), HowFound.Symbol,
                1.0 / overloads.Count,
                [new Finding(RuleIds.Ambiguous, $"'{query.Written}' fits no overload in '{path}'; it has {overloads.Count}: {shown}; write the parameter list of one",
                    [.. overloads.Select(o => new CodeLocation(path, o.Start, o.End))])]);
        }
        var confidence = 0.6 + (0.4 * SymbolQuery.ParameterSimilarity(query.Signature, picked.Signature));
        // The target names the overload with its parameter list, so a fix writes the list that fits.
        var target = new ResolvedTarget(path, picked.Start, picked.End, picked.QualifiedName + picked.Signature);
        var text = confidence.ToString("0.00", CultureInfo.InvariantCulture);
        return Relocated(target, HowFound.Symbol, confidence, new Finding(RuleIds.SymbolRenamed,
            $"'{query.Written}' fits no overload in '{path}': its parameter list changed; the only '{query.Name}' is now {shown} (confidence {text})",
            [Location(target)]));
    }

    private ResolutionOutcome CheckAnchor(MappingReference reference, SourceFile file, string anchor)
    {
        var heading = _target.Outline(file) is { } outline ? MarkdownSections.Find(outline, anchor) : null;
        if (heading is null)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.HeadingNotFound, $"'{file.Path}' has no heading with anchor '#{anchor}'; correct the anchor to a heading's slug"));
        }
        var target = new ResolvedTarget(file.Path, heading.Start, reference.HasLines && reference.Start == reference.End ? heading.Start : heading.End, anchor);
        if (!reference.HasLines || heading.Covers(reference.Start!.Value, reference.End!.Value))
        {
            return Ok(reference.HasLines ? target with { Start = reference.Start!.Value, End = reference.End!.Value } : target, HowFound.Exact);
        }
        return new ResolutionOutcome(ReferenceStatus.Relocated, target, HowFound.Symbol, 1.0,
            [new Finding(RuleIds.HeadingMoved, $"heading '#{anchor}' moved from line {reference.Start} to line {heading.Start} of '{file.Path}'", [Location(target)])]);
    }

    // ---- relocation from the baseline ----------------------------------------------------------------------

    private ResolutionOutcome Relocate(MappingReference reference, SourceFile oldFile, SourceFile? newFile)
    {
        var path = oldFile.Path;
        var oldOutline = _baseline!.Outline(oldFile);
        var query = SymbolQuery.Parse(reference.Symbol);
        OutlineSymbol? entity = null;
        if (reference.Kind == ReferenceKind.Doc && reference.Anchor is { } anchor)
        {
            entity = oldOutline is null ? null : MarkdownSections.Find(oldOutline, anchor);
        }
        else if (query is not null)
        {
            // A hint that was ambiguous at the baseline has no one declaration to track: check it as it is now.
            if (oldOutline is not null && query.FindIn(oldOutline) is { Count: > 0 } found && Nearest(found, reference) is (var nearest, false))
            {
                entity = nearest;
            }
        }
        else if (reference.HasLines && reference.End <= oldFile.LineCount)
        {
            entity = oldOutline?.Innermost(reference.Start!.Value, reference.End!.Value);
        }

        var anchored = reference.Kind == ReferenceKind.Doc && reference.Anchor is not null;
        var beyondOldEnd = reference.HasLines && reference.End > oldFile.LineCount;
        if (entity is null && (beyondOldEnd || (oldOutline is not null && (query is not null || anchored))))
        {
            // The hint names nothing at the baseline: the mapping was written against newer code; check it as it is.
            // (A file no outliner reads has no declarations to track: its lines go through the diff below.)
            return CheckFollowingRename(reference, oldFile, newFile);
        }
        var mappedPath = newFile is not null ? path : _renames.Find(oldFile).Path;
        if (entity is null)
        {
            return reference.HasLines ? ThroughDiff(reference, oldFile, mappedPath) : WholeFile(path, mappedPath);
        }
        var match = _tracker!.Track(oldFile, oldOutline!, entity, mappedPath);
        if (match is null)
        {
            var what = query?.Written ?? (anchored ? $"#{reference.Anchor}" : $"{entity.QualifiedName}");
            var where = mappedPath is null ? $"'{path}' is gone (deleted, or renamed beyond recognition) and '{what}' is in no other file"
                : $"'{what}' is in neither '{mappedPath}' nor any other changed file";
            return ResolutionOutcome.Lost(new Finding(anchored ? RuleIds.HeadingNotFound : RuleIds.SymbolNotFound,
                $"{where} (it was at {MessageText.Lines(entity.Start, entity.End)} of '{path}' in {_baseline.Tree.Description}); point the reference at its new place, or remove it if the code was deleted"));
        }
        return FromMatch(reference, oldFile, entity, match, mappedPath);
    }

    private ResolutionOutcome FromMatch(MappingReference reference, SourceFile oldFile, OutlineSymbol entity, SymbolMatch match, string? mappedPath)
    {
        var symbol = match.Symbol;
        var (start, end) = TargetRange(reference, oldFile, entity, match);
        var isDoc = reference.Kind == ReferenceKind.Doc;
        var symbolName = isDoc && reference.Anchor is null ? null : symbol.QualifiedName;
        var target = new ResolvedTarget(match.Path, start, end, symbolName);
        var unchanged = match.Path == oldFile.Path && match.Kind == MatchKind.Same
            && (reference.HasLines ? start == reference.Start && end == reference.End : true);
        if (unchanged)
        {
            return Ok(target, HowFound.Exact);
        }
        var was = $"'{entity.QualifiedName}' ({MessageText.Lines(entity.Start, entity.End)} of '{oldFile.Path}' in {_baseline!.Tree.Description})";
        var now = $"{MessageText.Lines(start, end)} of '{match.Path}'";
        var related = ImmutableArray.Create(Location(target));
        switch (match.Kind)
        {
            // Same file or a renamed one: name each path once, so a long path does not make the line unreadable.
            case MatchKind.Same or MatchKind.Signature when match.Path == oldFile.Path:
                var signature = match.Kind == MatchKind.Signature ? $" with a new parameter list {symbol.Signature}" : string.Empty;
                // It did not move: the recorded lines were not its lines (a message must not say "moved from 933-976 to 933-976").
                var shift = start == entity.Start && end == entity.End
                    ? $"'{entity.QualifiedName}' is at {MessageText.Lines(start, end)} of '{match.Path}'{signature}, not at the recorded "
                        + $"{(reference.Start is { } s && reference.End is { } e ? MessageText.Lines(s, e) : "lines")} (unchanged since {_baseline!.Tree.Description})"
                    : $"'{entity.QualifiedName}' moved from {MessageText.Lines(entity.Start, entity.End)} to {MessageText.Lines(start, end)} of '{match.Path}'{signature} "
                        + $"since {_baseline!.Tree.Description}";
                return Relocated(target, HowFound.Symbol, match.Confidence, new Finding(isDoc ? RuleIds.HeadingMoved : RuleIds.SymbolShifted,
                    shift, related));
            case MatchKind.Same or MatchKind.Signature:
                var lines = start == entity.Start && end == entity.End
                    ? $"still at {MessageText.Lines(start, end)}"
                    : $"now at {MessageText.Lines(start, end)} ({MessageText.Lines(entity.Start, entity.End)} in {_baseline!.Tree.Description})";
                return Relocated(target, HowFound.Rename, match.Confidence, new Finding(RuleIds.FileRenamed,
                    $"'{oldFile.Path}' was renamed to '{match.Path}', where '{entity.QualifiedName}' is {lines}", related));
            case MatchKind.Moved:
                return Relocated(target, HowFound.Move, match.Confidence, new Finding(RuleIds.SymbolMoved,
                    $"{was} moved to {now}", related));
            default:
                var confidence = match.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
                var threshold = _context.RenameConfidenceThreshold.ToString("0.00", CultureInfo.InvariantCulture);
                var renamed = $"{was} looks renamed to '{symbol.QualifiedName}' at {now} (confidence {confidence}";
                // A doc section under a new heading is a heading that moved (or, unsure, one not found).
                if (match.Confidence < _context.RenameConfidenceThreshold)
                {
                    return ResolutionOutcome.Lost(new Finding(isDoc ? RuleIds.HeadingNotFound : RuleIds.SymbolRenamed,
                        $"{renamed}, below the threshold {threshold}); check it by hand and update the reference, or lower 'rename_confidence_threshold'", related));
                }
                var movedToo = match.Path == (mappedPath ?? oldFile.Path) ? string.Empty : " in another file";
                return Relocated(target, HowFound.Fuzzy, match.Confidence,
                    new Finding(isDoc ? RuleIds.HeadingMoved : RuleIds.SymbolRenamed, $"{renamed}){movedToo}", related));
        }
    }

    /// <summary>Where the reference points now: the declaration's range when it named the whole declaration, else its
    /// lines mapped inside the declaration.</summary>
    private (int Start, int End) TargetRange(MappingReference reference, SourceFile oldFile, OutlineSymbol entity, SymbolMatch match)
    {
        var symbol = match.Symbol;
        if (!reference.HasLines)
        {
            return (symbol.Start, symbol.End);
        }
        int refStart = reference.Start!.Value, refEnd = reference.End!.Value;
        var wholeDeclaration = refEnd == entity.End && (refStart == entity.Start || refStart == entity.DefLine);
        var insideDeclaration = entity.Covers(refStart, refEnd);
        if (wholeDeclaration || !insideDeclaration)
        {
            return (RangeStart(reference, entity, symbol), symbol.End);
        }
        if (refStart == refEnd && (refStart == entity.DefLine || refStart == entity.Start))
        {
            var line = refStart == entity.DefLine ? symbol.DefLine : symbol.Start;
            return (line, line);
        }
        // Part of a declaration (a doc section's line, some lines of a function): map them inside it.
        var oldLines = _baseline!.Lines(oldFile)[(entity.Start - 1)..Math.Min(entity.End, _baseline.Lines(oldFile).Length)];
        var newAll = _target.Lines(match.File);
        var newLines = newAll[(symbol.Start - 1)..Math.Min(symbol.End, newAll.Length)];
        var mapped = TextDiff.MapRange(TextDiff.LineMap(oldLines, newLines), refStart - entity.Start + 1, refEnd - entity.Start + 1);
        return mapped is { } m
            ? (symbol.Start + m.Start - 1, Math.Min(symbol.End, symbol.Start + m.End - 1))
            : (symbol.Start, symbol.End);
    }

    /// <summary>Lines that held no declaration at the baseline: mapped through the line diff (SMV0109).</summary>
    private ResolutionOutcome ThroughDiff(MappingReference reference, SourceFile oldFile, string? mappedPath)
    {
        int start = reference.Start!.Value, end = reference.End!.Value;
        var newFile = mappedPath is null ? null : _target.Read(mappedPath);
        if (newFile is null)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.FileNotFound,
                $"'{oldFile.Path}' does not exist in {_context.Target.Description}, and git history shows no rename of it; correct the path, or remove the reference if the code is gone"));
        }
        var map = TextDiff.LineMap(_baseline!.Lines(oldFile), _target.Lines(newFile));
        if (TextDiff.MapRange(map, start, end) is not { } mapped)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.SymbolNotFound,
                $"{MessageText.Lines(start, end)} of '{oldFile.Path}' (in {_baseline.Tree.Description}) {(start == end ? "was" : "were all")} removed or rewritten; point the reference at the code that replaced {(start == end ? "it" : "them")}, or remove it"));
        }
        var target = new ResolvedTarget(newFile.Path, mapped.Start, mapped.End, null);
        var unchangedText = mapped.Kept >= 1.0 && mapped.End - mapped.Start == end - start;
        if (newFile.Path == oldFile.Path && mapped.Start == start && mapped.End == end && unchangedText)
        {
            return Ok(target, HowFound.Exact);
        }
        var findings = new List<Finding>();
        if (newFile.Path != oldFile.Path)
        {
            findings.Add(new Finding(RuleIds.FileRenamed, $"'{oldFile.Path}' was renamed to '{newFile.Path}'", [Location(target)]));
        }
        var kept = (int)Math.Round(mapped.Kept * 100);
        findings.Add(new Finding(RuleIds.LinesChanged, unchangedText
            ? $"{MessageText.Lines(start, end)} moved to {MessageText.Lines(mapped.Start, mapped.End)} of '{newFile.Path}' since {_baseline.Tree.Description}"
            : $"{MessageText.Lines(start, end)} changed since {_baseline.Tree.Description} ({kept}% kept) and now {(start == end ? "matches" : "match")} {MessageText.Lines(mapped.Start, mapped.End)} of '{newFile.Path}'",
            [Location(target)]));
        return new ResolutionOutcome(ReferenceStatus.Relocated, target, HowFound.Diff, Math.Round(mapped.Kept, 3), [.. findings]);
    }

    private ResolutionOutcome WholeFile(string path, string? mappedPath)
    {
        if (mappedPath is null)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.FileNotFound, $"'{path}' does not exist in {_context.Target.Description}, and git history shows no rename of it; correct the path, or remove the reference if the code is gone"));
        }
        var file = _target.Read(mappedPath)!;
        var target = new ResolvedTarget(mappedPath, 1, Math.Max(1, file.LineCount), null);
        return mappedPath == path
            ? Ok(target, HowFound.Exact)
            : Relocated(target, HowFound.Rename, 1.0, new Finding(RuleIds.FileRenamed, $"'{path}' was renamed to '{mappedPath}'", [Location(target)]));
    }

    /// <summary>Checks against the target as is, in the file's new place when git history shows it was renamed.</summary>
    private ResolutionOutcome CheckFollowingRename(MappingReference reference, SourceFile oldFile, SourceFile? newFile)
    {
        if (newFile is not null)
        {
            return CheckCurrent(reference, oldFile.Path, newFile);
        }
        var renamed = _renames.Find(oldFile).Path;
        if (renamed is null)
        {
            return CheckCurrent(reference, oldFile.Path, null);
        }
        var outcome = CheckCurrent(reference, renamed, _target.Read(renamed));
        if (outcome.Target is null)
        {
            return outcome;
        }
        return outcome with
        {
            Status = outcome.Status == ReferenceStatus.Ok ? ReferenceStatus.Relocated : outcome.Status,
            How = HowFound.Rename,
            Findings = [new Finding(RuleIds.FileRenamed, $"'{oldFile.Path}' was renamed to '{renamed}'", [Location(outcome.Target)]),
                .. outcome.Findings.Where(f => f.RuleId != RuleIds.FileNotFound)],
        };
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>The candidate nearest the recorded lines; ambiguous when no lines say which, or two are equally near.</summary>
    private static (OutlineSymbol Symbol, bool Ambiguous) Nearest(List<OutlineSymbol> candidates, MappingReference reference)
    {
        if (candidates.Count == 1)
        {
            return (candidates[0], false);
        }
        if (!reference.HasLines)
        {
            return (candidates[0], true);
        }
        int start = reference.Start!.Value, end = reference.End!.Value;
        var exact = candidates.FirstOrDefault(c => end == c.End && (start == c.Start || start == c.DefLine));
        if (exact is not null)
        {
            return (exact, false);
        }
        var ranked = candidates
            .Select(c => (Symbol: c, Distance: c.Covers(start, end) ? -1 : Math.Abs(c.Start - start) + Math.Abs(c.End - end)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Symbol.LineCount).ToList();
        var ambiguous = ranked[0].Distance == ranked[1].Distance && (ranked[0].Distance >= 0 || ranked[0].Symbol.LineCount == ranked[1].Symbol.LineCount);
        return (ranked[0].Symbol, ambiguous);
    }

    /// <summary>The new start line: the declaration line when the reference started there (and it differs from the
    /// first attribute line), else the first line.</summary>
    private static int RangeStart(MappingReference reference, OutlineSymbol old, OutlineSymbol now) =>
        reference.Start is { } start && start == old.DefLine && old.DefLine != old.Start ? now.DefLine : now.Start;

    private static ResolutionOutcome Ok(ResolvedTarget target, string how) => new(ReferenceStatus.Ok, target, how, 1.0, []);

    private static ResolutionOutcome Relocated(ResolvedTarget target, string how, double confidence, Finding finding) =>
        new(ReferenceStatus.Relocated, target, how, Math.Round(confidence, 3), [finding]);

    private static CodeLocation Location(ResolvedTarget target) => new(target.File, target.Start, target.End);

    private static string Range(int start, int end) => start == end ? start.ToString(CultureInfo.InvariantCulture) : $"{start}-{end}";
}
