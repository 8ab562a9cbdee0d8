using System.Collections.Immutable;
using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Markdown;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Spec;

/// <summary>What spec monitoring reads.</summary>
/// <param name="Baseline">The tree the mapping was verified at (for the word diff of a changed section), or null.</param>
internal sealed record SpecContext(ISourceTree Tree, ISourceTree? Baseline, Outliners Outliners, SpecMapConfig Config);

/// <summary>
/// Spec monitoring (contract §5): SMV0203 when a section an item points to no longer hashes to its `spec_hash`,
/// SMV0205 (off by default) when an item records none, SMV0204 and the coverage figure for the sections under `docs_root`.
/// </summary>
internal static class SpecMonitor
{
    public static (IEnumerable<Diagnostic> Diagnostics, SpecCoverage? Coverage) Check(
        MappingDocument document, IReadOnlyList<ReferenceResult> references, SpecContext context)
    {
        var diagnostics = new List<Diagnostic>();
        var current = new SectionReader(context.Tree, context.Outliners);
        var baseline = context.Baseline is null ? null : new SectionReader(context.Baseline, context.Outliners);

        var located = new List<LocatedSection>();
        foreach (var result in references)
        {
            if (result.Reference.Kind == ReferenceKind.Doc && result.ResolvedPath is not null
                && current.Find(result.ResolvedPath, CurrentPlace(result)) is { } section)
            {
                located.Add(new LocatedSection(result, section.Heading, section.Text));
            }
        }
        foreach (var item in located.GroupBy(s => ItemOf(document, s.Result.Reference).Pointer, StringComparer.Ordinal))
        {
            diagnostics.AddRange(CheckItem(document, [.. item], baseline));
        }

        var docsRoot = document.DocsRoot ?? context.Config.DocsRoot;
        if (string.IsNullOrWhiteSpace(docsRoot))
        {
            return (diagnostics, null);
        }
        var coverage = Coverage(document, references, located, current, context.Config, docsRoot, diagnostics);
        return (diagnostics, coverage);
    }

    private static IEnumerable<Diagnostic> CheckItem(MappingDocument document, List<LocatedSection> sections, SectionReader? baseline)
    {
        // One section referenced twice (anchor and line) counts once; the hash covers the sections in document order.
        var distinct = sections
            .GroupBy(s => (s.Result.ResolvedPath, s.Heading.Start))
            .Select(g => g.First())
            .ToList();
        var hash = SpecSections.Hash(distinct.Select(s => s.Text));
        var (itemPointer, item) = ItemOf(document, distinct[0].Result.Reference);
        var label = string.Join(", ", distinct.Select(s => $"{s.Result.Reference.Path}#{s.Heading.QualifiedName}"));
        var hashPointer = JsonPointer.Append(itemPointer, MappingKeys.SpecHash);
        switch (item.Get(MappingKeys.SpecHash))
        {
            case JsonStringNode recorded when SpecSections.SameHash(recorded.Value, hash):
                yield break;
            case JsonStringNode recorded:
            {
                var change = OldText(distinct, baseline, recorded.Value) is { } old
                    ? $"changed since it was reviewed: {WordDiff.Summarise(old, string.Join('\n', distinct.Select(s => s.Text)))}"
                    : "changed since it was hashed";
                var edit = new MappingEdit(hashPointer, recorded.Start, document.Text[recorded.Start..recorded.End], Quote(hash));
                yield return RuleCatalog.Create(RuleIds.SpecSectionChanged,
                    $"spec section {label} {change}; re-review the item, then run `specmap validate --fix` to record {Short(hash)}",
                    document.LocationOf(recorded.Start), hashPointer,
                    new MappingFix($"record the reviewed spec_hash {Short(hash)}", FixSafety.Unsafe, [edit]),
                    Related(distinct));
                break;
            }
            case { } other:
                yield return RuleCatalog.Create(RuleIds.ShapeError,
                    "'spec_hash' is not a string \"sha256:<64 hex digits>\"; remove it and run `specmap validate --fix` to record the hash", document.LocationOf(other.Start), hashPointer);
                break;
            default:
            {
                var reference = distinct[0].Result.Reference;
                yield return RuleCatalog.Create(RuleIds.SpecSectionNotHashed,
                    $"spec section {label} has no spec_hash; run `specmap validate --fix` to record {Short(hash)}",
                    reference.Location, reference.Pointer,
                    InsertHash(document, item, reference, hashPointer, hash) is { } insert
                        ? new MappingFix($"record spec_hash {Short(hash)}", FixSafety.Safe, [insert])
                        : null,
                    Related(distinct), distinct[0].Result);
                break;
            }
        }
    }

    /// <summary>The sections' text at the baseline commit, when it is exactly what was hashed (else a diff would mislead).</summary>
    private static string? OldText(List<LocatedSection> sections, SectionReader? baseline, string recordedHash)
    {
        if (baseline is null)
        {
            return null;
        }
        var texts = new List<string>();
        foreach (var section in sections)
        {
            // The reference as written belongs to the baseline (its lines were true at verified_at).
            var reference = section.Result.Reference;
            var old = baseline.Find(section.Result.ResolvedPath!, (reference.Anchor, reference.Start, reference.End));
            if (old is null)
            {
                return null;
            }
            texts.Add(old.Value.Text);
        }
        return SpecSections.SameHash(recordedHash, SpecSections.Hash(texts)) ? string.Join('\n', texts) : null;
    }

    private static SpecCoverage Coverage(MappingDocument document, IReadOnlyList<ReferenceResult> references, List<LocatedSection> located,
        SectionReader current, SpecMapConfig config, string docsRoot, List<Diagnostic> diagnostics)
    {
        var root = docsRoot.Trim().Replace('\\', '/').Trim('/');
        var glob = Glob.ToRegex(config.DocGlob);
        var matchName = !config.DocGlob.Contains('/', StringComparison.Ordinal);
        // Lines some item points at, per file: a section is covered when one of them lies inside it.
        var pointed = located.Select(s => (File: s.Result.ResolvedPath!, Line: s.Heading.Start))
            .Concat(references.Where(r => r.Reference.Kind == ReferenceKind.Doc && r.ResolvedPath is not null && r.Reference.Anchor is null)
                .Select(r => (File: r.ResolvedPath!, Line: CurrentPlace(r).Start ?? 0)))
            .Where(p => p.Line > 0)
            .ToLookup(p => p.File, p => p.Line, StringComparer.Ordinal);
        var (anchorPointer, anchorNode) = document.Root is JsonObjectNode obj && obj.Get(MappingKeys.DocsRoot) is { } node
            ? (JsonPointer.Append(string.Empty, MappingKeys.DocsRoot), node)
            : (string.Empty, document.Root);
        var sections = 0;
        var covered = 0;
        foreach (var path in current.Paths.Where(p => p.StartsWith(root + "/", StringComparison.Ordinal)))
        {
            var relative = path[(root.Length + 1)..];
            if (!glob.IsMatch(matchName ? relative[(relative.LastIndexOf('/') + 1)..] : relative) || current.Outline(path) is not { } outline)
            {
                continue;
            }
            foreach (var heading in outline.Symbols.Where(s => s.Kind == SymbolKinds.Heading && s.Level == config.SpecHeadingLevel))
            {
                sections++;
                if (pointed[path].Any(line => heading.Start <= line && line <= heading.End))
                {
                    covered++;
                    continue;
                }
                diagnostics.Add(RuleCatalog.Create(RuleIds.SpecSectionUncovered,
                    $"spec section '{heading.Name}' ({path}:{heading.Start}, #{heading.QualifiedName}) is covered by no mapping item; add an item that references it",
                    document.LocationOf(anchorNode.Start), anchorPointer, null, [new CodeLocation(path, heading.Start, heading.End)]));
            }
        }
        return new SpecCoverage(sections, covered);
    }

    /// <summary>Where the reference points now: a heading that moved or was reworded (SMV0201) is read at its new line.</summary>
    private static (string? Anchor, int? Start, int? End) CurrentPlace(ReferenceResult result)
    {
        var reference = result.Reference;
        if (result.Status == ReferenceStatus.Relocated && result.Target is { } target
            && string.Equals(target.File, result.ResolvedPath, StringComparison.Ordinal))
        {
            return (null, target.Start, target.Start);
        }
        return (reference.Anchor, reference.Start, reference.End);
    }

    /// <summary>The item a reference belongs to: the nearest object holding it (not the object form of the reference itself).</summary>
    private static (string Pointer, JsonObjectNode Item) ItemOf(MappingDocument document, MappingReference reference)
    {
        var tokens = JsonPointer.Tokens(reference.ItemPointer).ToList();
        var skipSelf = reference.Node is JsonObjectNode && reference.Pointer == reference.ItemPointer;
        for (var length = tokens.Count - (skipSelf ? 1 : 0); length >= 0; length--)
        {
            var pointer = string.Concat(tokens.Take(length).Select(t => JsonPointer.Append(string.Empty, t)));
            if (document.At(pointer) is JsonObjectNode item)
            {
                return (pointer, item);
            }
        }
        return (string.Empty, document.Root as JsonObjectNode ?? new JsonObjectNode(0, 0, []));
    }

    /// <summary>Inserts `"spec_hash": ...` after the member holding the reference, on its own line with that member's indent.</summary>
    private static MappingEdit? InsertHash(MappingDocument document, JsonObjectNode item, MappingReference reference, string pointer, string hash)
    {
        var member = item.Members.FirstOrDefault(m => m.Value.Start <= reference.Node.Start && reference.Node.End <= m.Value.End);
        if (member is null)
        {
            return null;
        }
        return MemberInsertion.After(document, member, pointer, MappingKeys.SpecHash, Quote(hash));
    }

    private static ImmutableArray<CodeLocation> Related(List<LocatedSection> sections) =>
        [.. sections.Select(s => new CodeLocation(s.Result.ResolvedPath!, s.Heading.Start, s.Heading.End))];

    private static string Quote(string hash) => $"\"{hash}\"";

    private static string Short(string hash) => hash[..(SpecSections.HashPrefix.Length + 8)] + "…";

    private sealed record LocatedSection(ReferenceResult Result, OutlineSymbol Heading, string Text);

    /// <summary>Reads headings and section texts from one tree, outlining each file once.</summary>
    private sealed class SectionReader(ISourceTree tree, Outliners outliners)
    {
        private readonly Dictionary<string, (SourceFile File, SourceOutline Outline)?> _files = new(StringComparer.Ordinal);

        public IReadOnlyList<string> Paths => tree.Paths;

        public SourceOutline? Outline(string path) => Load(path)?.Outline;

        public (OutlineSymbol Heading, string Text)? Find(string path, (string? Anchor, int? Start, int? End) place)
        {
            if (Load(path) is not { } loaded)
            {
                return null;
            }
            var heading = place.Anchor is { Length: > 0 } anchor
                ? MarkdownSections.Find(loaded.Outline, anchor)
                : place.Start is { } start ? SpecSections.ByLines(loaded.Outline, start, place.End ?? start) : null;
            return heading is null ? null : (heading, SpecSections.NormalisedText(loaded.File.Text, heading));
        }

        private (SourceFile File, SourceOutline Outline)? Load(string path)
        {
            if (!_files.TryGetValue(path, out var loaded))
            {
                var file = tree.Read(path);
                var outline = file is null || file.IsBinary ? null : outliners.Outline(path, file.Text, file.BlobId);
                loaded = outline is null ? null : (file!, outline);
                _files[path] = loaded;
            }
            return loaded;
        }
    }
}
