using SpecMap.Core.Diagnostics;
using SpecMap.Core.History;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Spec;
using SpecMap.Core.Sources;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// Issue 12, spec versions: the mapping pins the spec version it was checked against (`"spec": {..., "sha256": ...}`,
/// <see cref="SpecPin"/>). When the document no longer hashes to the pin, the pinned version is looked up in the spec
/// file's history and diffed (<see cref="SpecDiff"/>) with the current one: each mapped item that changed gets SMV0203
/// with its field-level changes; events, parameters and endpoints added or removed that no item maps make one SMV0203 on
/// the pin. Every SMV0203 carries the same fix, the new pin, so `--fix` records the review once. A spec with no pin, or
/// one that changed in nothing the mapping tracks, is SMV0326 with a safe fix that pins the version checked.
/// </summary>
internal static class SpecVersionCheck
{
    /// <summary>Beyond this many changes an item's message names the rest by count (`specmap spec-diff` prints them all).</summary>
    private const int MaxClauses = 8;

    /// <summary>Names shown per group of unmapped parts added or removed.</summary>
    private const int MaxNames = 6;

    private static readonly string PinPointer = JsonPointer.Append(JsonPointer.Append(string.Empty, SpecSource.SpecKey), SpecPin.Key);

    public static IEnumerable<Diagnostic> Check(MappingDocument document, SpecReference reference, LoadedSpec loaded, IReadOnlyList<SpecItem> items, SpecCheckContext context)
    {
        // A spec named in .specmap.json has no block in the mapping to hold a pin.
        if (reference.Pointer is null || document.Root is not JsonObjectNode root || root.Get(SpecSource.SpecKey) is not JsonObjectNode block || block.Members.IsEmpty)
        {
            return [];
        }
        var current = SpecPin.Hash(loaded.Text);
        switch (block.Get(SpecPin.Key))
        {
            case null:
                var insert = MemberInsertion.After(document, block.Members[^1], PinPointer, SpecPin.Key, Quote(current));
                return [RuleCatalog.Create(RuleIds.SpecNotPinned,
                    $"spec {reference.Location} is not pinned; run --fix to pin the version checked, sha256 {SpecPin.Short(current)}",
                    document.LocationOf(reference.Offset), PinPointer, new MappingFix($"pin the spec, sha256 {SpecPin.Short(current)}", FixSafety.Safe, [insert]))];
            case JsonStringNode recorded when SpecPin.Parse(recorded.Value) is { } pinned:
                return pinned == current ? [] : Changed(document, reference, loaded, items, context, recorded, pinned, current);
            case { } other:
                return [RuleCatalog.Create(RuleIds.ShapeError,
                    $"'{SpecPin.Key}' of '{SpecSource.SpecKey}' must be the 64 hex digits of the spec's SHA-256", document.LocationOf(other.Start), PinPointer)];
        }
    }

    private static List<Diagnostic> Changed(MappingDocument document, SpecReference reference, LoadedSpec loaded, IReadOnlyList<SpecItem> items,
        SpecCheckContext context, JsonStringNode recorded, string pinned, string current)
    {
        var pinLocation = document.LocationOf(recorded.Start);
        var edit = new MappingEdit(PinPointer, recorded.Start, document.Text[recorded.Start..recorded.End], Quote(current));
        var review = new MappingFix($"pin the reviewed spec, sha256 {SpecPin.Short(current)}", FixSafety.Unsafe, [edit]);
        var since = $"since the pinned sha256 {SpecPin.Short(pinned)}";
        var pinAgain = $"run --fix to pin sha256 {SpecPin.Short(current)}";

        var older = PinnedVersion(reference, loaded, context, pinned, out var whyNot);
        if (older is null)
        {
            return [RuleCatalog.Create(RuleIds.SpecSectionChanged,
                $"spec {reference.Location} changed {since}; {whyNot}: re-review the mapped items, then {pinAgain}", pinLocation, PinPointer, review)];
        }
        var (oldSpec, commit) = older.Value;
        since = $"since the pinned version (sha256 {SpecPin.Short(pinned)}, last at commit {commit[..7]})";
        var changes = ItemChanges.Of(oldSpec, loaded.Spec, reference, items);
        var found = new List<Diagnostic>();
        foreach (var (item, clauses) in changes.PerItem)
        {
            var command = $"specmap spec-diff {commit[..7]}:{loaded.RepositoryPath} {reference.Location} {ScopeOption(item, loaded.Spec)}".TrimEnd();
            found.Add(RuleCatalog.Create(RuleIds.SpecSectionChanged,
                $"spec {reference.Location} changed for {KindWord(item.Kind)} '{item.Label}' {since}: {List(clauses, command)}; re-review the item, then {pinAgain}",
                document.LocationOf(item.Node.Start), item.Pointer, review));
        }
        if (changes.Unmapped.Count > 0)
        {
            found.Add(RuleCatalog.Create(RuleIds.SpecSectionChanged,
                $"spec {reference.Location} changed {since} in parts no item maps: {Unmapped(changes.Unmapped)}; decide whether the mapping should track them, then {pinAgain}",
                pinLocation, PinPointer, review));
        }
        if (found.Count == 0)
        {
            found.Add(RuleCatalog.Create(RuleIds.SpecNotPinned,
                $"spec {reference.Location} changed {since}, but in nothing the mapping tracks; {pinAgain}", pinLocation, PinPointer,
                new MappingFix($"pin the spec, sha256 {SpecPin.Short(current)}", FixSafety.Safe, [edit])));
        }
        return found;
    }

    /// <summary>The pinned version, parsed, and the newest commit holding it; null with the reason when it cannot be had.</summary>
    private static (OpenApiSpec Spec, string Commit)? PinnedVersion(SpecReference reference, LoadedSpec loaded, SpecCheckContext context, string pinned, out string whyNot)
    {
        if (loaded.RepositoryPath is not { } path || context.Git is not { } git)
        {
            whyNot = "the spec is not read from a git repository, so the pinned version cannot be looked up in its history; not checked";
            return null;
        }
        var cacheFolder = SpecDocumentLocation.DefaultCacheFolder(context.RepositoryRoot);
        var version = SpecPinCache.Find(git, cacheFolder, path, context.Tree.CommitId, pinned);
        if (version is null)
        {
            whyNot = $"pinned version not found in the history of {path}, not checked";
            return null;
        }
        try
        {
            var spec = OpenApiLoader.Load(version.Content, $"{version.CommitId[..7]}:{path}", cacheFolder, version.BlobId);
            whyNot = string.Empty;
            return (spec, version.CommitId);
        }
        catch (OpenApiReadException e)
        {
            whyNot = $"the pinned version (commit {version.CommitId[..7]}) cannot be read ({e.Message}), not checked";
            return null;
        }
    }

    /// <summary>The clauses joined with `; `, the ones past <see cref="MaxClauses"/> counted, with the command that prints them all.</summary>
    private static string List(List<string> clauses, string command) => string.Join("; ", clauses.Count <= MaxClauses
        ? clauses
        : [.. clauses.Take(MaxClauses - 1), $"and {clauses.Count - MaxClauses + 1} more ({command})"]);

    /// <summary>`--events NAME` or `--endpoints "POST /responses"`: what `specmap spec-diff` should compare for the item.</summary>
    private static string ScopeOption(SpecItem item, OpenApiSpec spec) => item.Kind switch
    {
        SpecItemKind.Event => $"--events {item.Label}",
        SpecItemKind.Endpoint => $"--endpoints \"{spec.FindEndpoint(item.Label)?.Name ?? item.Label}\"",
        _ when spec.Endpoints.FirstOrDefault(e => spec.RequestFields(e).Any(f => f.Name == item.Label)) is { } endpoint => $"--endpoints \"{endpoint.Name}\"",
        _ => string.Empty,
    };

    /// <summary>`2 events removed ('a', 'b'); 28 events added ('c', 'd', ... and 22 more)`: removals first, a few names each.</summary>
    private static string Unmapped(List<UnmappedChange> changes) => string.Join("; ", changes
        .GroupBy(c => (c.Added, c.What))
        .OrderBy(g => g.Key.Added)
        .Select(g =>
        {
            var names = g.Select(c => c.Name).ToList();
            var shown = string.Join(", ", names.Take(MaxNames).Select(n => $"'{n}'")) + (names.Count > MaxNames ? $", and {names.Count - MaxNames} more" : string.Empty);
            var what = names.Count == 1 ? g.Key.What : Plural(g.Key.What);
            return $"{names.Count} {what} {(g.Key.Added ? "added" : "removed")} ({shown})";
        }));

    /// <summary>`events`, `request parameters of POST /responses`.</summary>
    private static string Plural(string what)
    {
        var space = what.IndexOf(" of ", StringComparison.Ordinal);
        return space < 0 ? what + "s" : what[..space] + "s" + what[space..];
    }

    private static string KindWord(SpecItemKind kind) => kind switch
    {
        SpecItemKind.Event => "event",
        SpecItemKind.Parameter => "request parameter",
        _ => "endpoint",
    };

    private static string Quote(string hash) => $"\"{hash}\"";
}
