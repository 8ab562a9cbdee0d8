using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>What contract checks read: the snapshot checked.</summary>
internal sealed record ContractContext(ISourceTree Tree, Outliners Outliners);

/// <summary>
/// Contract §4: each item's `required_fields` against the model class in code. SMV0303 when a field is absent
/// from the model (and its bases), SMV0304 when the code type cannot hold the spec type. A model that cannot be
/// found is left to the reference checks (SMV0101/SMV0107), so it is not reported twice.
/// </summary>
internal static class ContractChecker
{
    /// <param name="results">The resolved references of the mapping: a model is read where its reference resolved to.</param>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> results, ContractContext context)
    {
        var readers = new ModelReaders(context.Tree);
        var found = new List<Diagnostic>();
        foreach (var (pointer, item) in document.Objects())
        {
            var required = item.Get(MappingKeys.RequiredFields);
            if (required is not (JsonObjectNode or JsonArrayNode) || FindModel(results, pointer, context, readers) is not { } model)
            {
                continue;
            }
            var fieldsPointer = JsonPointer.Append(pointer, MappingKeys.RequiredFields);
            foreach (var (name, nameStart, spec) in Entries(required))
            {
                var entryPointer = JsonPointer.Append(fieldsPointer, name);
                var location = document.LocationOf(nameStart);
                var field = model.Find(name);
                if (field is null)
                {
                    found.Add(RuleCatalog.Create(RuleIds.RequiredFieldMissing,
                        $"required field '{name}' is absent from model '{model.Name}' ({model.File}:{model.Line}) and its base classes",
                        location, entryPointer, null, [new CodeLocation(model.File, model.Line, model.Line)]));
                    continue;
                }
                if (spec is null)
                {
                    continue;
                }
                var specType = SpecTypeParser.Parse(spec);
                if (!TypeCompatibility.Holds(specType, field.Shape))
                {
                    found.Add(RuleCatalog.Create(RuleIds.RequiredFieldIncompatible,
                        $"required field '{name}' of model '{model.Name}' cannot hold the spec type: spec: {SpecTypeParser.Describe(spec)}; code: {field.TypeText} ({field.File}:{field.Line})",
                        location, entryPointer, null, [new CodeLocation(field.File, field.Line, field.Line)]));
                }
            }
        }
        return found;
    }

    /// <summary>`{ "name": TYPE }` entries, or `["name"]` (presence only: no type).</summary>
    internal static IEnumerable<(string Name, int NameStart, JsonValueNode? Spec)> Entries(JsonValueNode required) => required switch
    {
        JsonObjectNode obj => obj.Members.Select(m => (m.Name, m.NameStart, (JsonValueNode?)m.Value)),
        JsonArrayNode list => list.Items.OfType<JsonStringNode>().Select(s => (s.Value, s.Start, (JsonValueNode?)null)),
        _ => [],
    };

    /// <summary>The item's `model` reference, else the first code reference whose symbol (or lines) names a class;
    /// each read where resolution found it (a model that moved is read at its new place).</summary>
    internal static ModelClass? FindModel(IReadOnlyList<ReferenceResult> results, string itemPointer, ContractContext context, ModelReaders readers)
    {
        var references = results.Where(r => BelongsTo(r.Reference, itemPointer)).ToList();
        foreach (var result in references.Where(r => r.Reference.Kind == ReferenceKind.Model).Concat(references.Where(r => r.Reference.Kind == ReferenceKind.Code)))
        {
            var reference = result.Reference;
            var moved = result.Status == ReferenceStatus.Relocated ? result.Target : null;
            var path = moved?.File ?? result.ResolvedPath;
            if (path is null || !context.Tree.Exists(path))
            {
                continue;
            }
            if (readers.For(path) is not { } reader)
            {
                continue;
            }
            // A class renamed since the baseline is read by its new name.
            var symbol = reference.SymbolName is null ? null : moved?.Symbol ?? reference.SymbolName;
            // Lines alone name a class only for a `model` reference: a handler's range may well contain a class.
            if (symbol is null && reference.Kind == ReferenceKind.Model && reference.Start is { } written)
            {
                var (start, end) = moved is null ? (written, reference.End ?? written) : (moved.Start, moved.End);
                symbol = OutlinedClassAt(context, path, start, end) ?? reader.ClassAt(path, start, end);
            }
            if (symbol is null)
            {
                continue;
            }
            var model = reader.Read(path, symbol);
            if (model is not null)
            {
                return model;
            }
        }
        return null;
    }

    /// <summary>The innermost class the lines fall in (or whose declaration line they hold), as the shared outliner sees it:
    /// the same reading the reference checks give a reference by lines. Its qualified name (`Outer.Inner`, `Ns.Type`) is returned.</summary>
    private static string? OutlinedClassAt(ContractContext context, string path, int start, int end)
    {
        var file = context.Tree.Read(path);
        var outline = file is null || file.IsBinary ? null : context.Outliners.Outline(path, file.Text, file.BlobId);
        return outline?.Symbols
            .Where(s => SymbolKinds.IsTypeLike(s.Kind) && (s.Covers(start, end) || (s.DefLine >= start && s.DefLine <= end)))
            .OrderBy(s => s.Covers(start, end) ? 0 : 1)
            .ThenBy(s => s.LineCount)
            .FirstOrDefault()?.QualifiedName;
    }

    /// <summary>A reference in the item itself, or an object-form reference that is one of the item's members.</summary>
    private static bool BelongsTo(MappingReference reference, string itemPointer) =>
        reference.ItemPointer == itemPointer
        || (reference.ItemPointer == reference.Pointer && reference.Pointer.LastIndexOf('/') is var slash and >= 0 && reference.Pointer[..slash] == itemPointer);
}
