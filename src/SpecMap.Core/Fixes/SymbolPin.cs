using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Pins what a lost lines-only reference stood for. Its meaning depends on `verified_at` (the declaration those
/// lines covered then); when `--fix` moves `verified_at`, the same lines would silently name whatever sits there now.
/// Recording the declaration's name keeps it lost, and reported, until a person decides.
/// </summary>
internal static class SymbolPin
{
    public static MappingFix? For(MappingDocument document, ReferenceResult result, ISourceTree? baseline, Outliners outliners)
    {
        var reference = result.Reference;
        if (baseline is null || reference.Symbol is not null || reference.Start is not { } start || reference.End is not { } end
            || reference.Kind != ReferenceKind.Code || result.Status is not (ReferenceStatus.Lost or ReferenceStatus.Ambiguous))
        {
            return null;
        }
        var file = baseline.Read(result.ResolvedPath ?? reference.Path) ?? baseline.Read(reference.Path);
        if (file is null || outliners.Outline(file.Path, file.Text, file.BlobId)?.Innermost(start, end) is not { } declaration
            || declaration.Kind == SymbolKinds.Heading)
        {
            return null;
        }
        var name = declaration.QualifiedName + (declaration.Signature is { } signature && signature.StartsWith('(') ? signature : string.Empty);
        var edit = reference switch
        {
            { Style: ReferenceStyle.Compact, Node: JsonStringNode text } when !text.Value.Contains('#', StringComparison.Ordinal) =>
                new MappingEdit(reference.Pointer, text.End - 1, string.Empty, "#" + JsonStringLiteral.Encode(name)),
            { Style: ReferenceStyle.Object, Node: JsonObjectNode obj } when (obj.Get(MappingKeys.File) ?? obj.Get(MappingKeys.Path)) is { } pathNode =>
                new MappingEdit(reference.Pointer, pathNode.End, string.Empty, $", \"{MappingKeys.Symbol}\": \"{JsonStringLiteral.Encode(name)}\""),
            _ => null,
        };
        return edit is null
            ? null
            : new MappingFix($"record that these lines stood for '{name}' at {baseline.Description}, so moving verified_at keeps the reference lost",
                FixSafety.Safe, [edit]);
    }
}
