using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Pins what a lost lines-only reference stood for. Its meaning depends on `verified_at` (the declaration those
/// lines covered then); when `--fix` moves `verified_at`, the same lines would silently name whatever sits there now.
/// Recording the declaration's name keeps it lost, and reported, until a person decides.
/// </summary>
internal static class SymbolPin
{
    /// <summary>The pin for a reference whose outcome carries the declaration it covered at the baseline (see
    /// <see cref="ResolutionOutcome.Baseline"/>); else null.</summary>
    public static MappingFix? For(ReferenceResult result)
    {
        var reference = result.Reference;
        if (result.Outcome.Baseline is not { Symbol: var declaration, Snapshot: var baseline })
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
            : new MappingFix($"record that these lines stood for '{name}' at {baseline}, so moving verified_at keeps the reference lost",
                FixSafety.Safe, [edit]);
    }
}
