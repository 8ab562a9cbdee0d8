using System.Globalization;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.References;

/// <summary>
/// Evidence from the keys around a reference (issue 11): `"ResponsesRequest": {"background": {"code_location": "protocol.py:341"}}`
/// says line 341 is the field `ResponsesRequest.background`. When the referenced file declares what the enclosing keys
/// name and the recorded lines hold it, the reference is tracked by that symbol (below an explicit one in precedence);
/// when they hold something else, SMV0110 says what was expected.
/// </summary>
internal static class ContextSymbols
{
    /// <param name="tree">The snapshot the mapping's lines belong to (the baseline).</param>
    public static (MappingReference Reference, Diagnostic? Mismatch) Apply(MappingReference reference, string path, ISourceTree tree, Outliners outliners)
    {
        if (reference.Kind != ReferenceKind.Code || reference.Symbol is not null || reference.Start is not { } start || Candidates(reference.Pointer) is not { Count: > 0 } candidates)
        {
            return (reference, null);
        }
        var file = tree.Read(path);
        if (file is null || file.IsBinary || outliners.Outline(path, file.Text, file.BlobId) is not { } outline)
        {
            return (reference, null);
        }
        var end = reference.End ?? start;
        foreach (var candidate in candidates)
        {
            var named = outline.Symbols.Where(s => s.QualifiedName == candidate || s.QualifiedName.EndsWith("." + candidate, StringComparison.Ordinal)).ToList();
            if (named.Count != 1)
            {
                continue;
            }
            var symbol = named[0];
            if (symbol.Covers(start, end) && outline.Innermost(start, end) == symbol)
            {
                return (reference with { Symbol = symbol.QualifiedName, SymbolSource = SymbolSource.Context }, null);
            }
            if ((start <= symbol.DefLine && symbol.DefLine <= end) || symbol.Covers(start, end))
            {
                // The lines hold the declaration and more, or lie inside it: consistent, but not narrow enough to track by it.
                return (reference, null);
            }
            var held = outline.Innermost(start, end)?.QualifiedName;
            var lines = start == end ? $"line {start.ToString(CultureInfo.InvariantCulture)}" : $"lines {start.ToString(CultureInfo.InvariantCulture)}-{end.ToString(CultureInfo.InvariantCulture)}";
            var mismatch = RuleCatalog.Create(RuleIds.ContextNamesOtherDeclaration,
                $"the item names '{symbol.QualifiedName}' ({path}:{symbol.DefLine.ToString(CultureInfo.InvariantCulture)}) but {lines} of '{path}' {(start == end ? "holds" : "hold")} {(held is null ? "no declaration" : $"'{held}'")}; correct the lines, or add a 'symbol' when the keys do not name the target",
                reference.Location, reference.Pointer, null, [new CodeLocation(path, symbol.Start, symbol.End)]);
            return (reference, mismatch);
        }
        return (reference, null);
    }

    /// <summary>`Parent.Child`, then `Child`, from the keys enclosing the reference (generic keys such as `code_location`
    /// and anything above an array index are not evidence: `cases/3/implementation` names nothing).</summary>
    public static IReadOnlyList<string> Candidates(string pointer)
    {
        var tokens = JsonPointer.Tokens(pointer);
        var names = new List<string>();
        for (var i = tokens.Count - 1; i >= 0 && names.Count < 2; i--)
        {
            var token = tokens[i];
            if (i == tokens.Count - 1 && IsGeneric(token))
            {
                continue;
            }
            if (token.Length == 0 || token.All(char.IsAsciiDigit))
            {
                break;
            }
            if (!IsIdentifier(token))
            {
                break;
            }
            names.Insert(0, token);
        }
        return names.Count switch
        {
            0 => [],
            1 => [names[0]],
            _ => [$"{names[0]}.{names[1]}", names[1]],
        };
    }

    private static bool IsGeneric(string key) =>
        MappingKeys.ReferenceKeys.Contains(key, StringComparer.OrdinalIgnoreCase) || MappingKeys.SymbolKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
        || MappingKeys.PathKeys.Contains(key, StringComparer.OrdinalIgnoreCase) || key.Contains("code", StringComparison.OrdinalIgnoreCase)
        || key.Contains("impl", StringComparison.OrdinalIgnoreCase) || key.Contains("location", StringComparison.OrdinalIgnoreCase)
        || key.Contains("ref", StringComparison.OrdinalIgnoreCase) || key.Contains("doc", StringComparison.OrdinalIgnoreCase);

    private static bool IsIdentifier(string token) =>
        (char.IsLetter(token[0]) || token[0] == '_') && token.All(c => char.IsLetterOrDigit(c) || c == '_');
}
