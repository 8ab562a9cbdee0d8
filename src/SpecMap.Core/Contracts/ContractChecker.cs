using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>What contract checks read: the snapshot checked and how to resolve paths in it.</summary>
internal sealed record ContractContext(ISourceTree Tree, PathResolver Paths, Outliners Outliners);

/// <summary>
/// Contract §4: each item's `required_fields` against the model class in code. SMV0303 when a field is absent
/// from the model (and its bases), SMV0304 when the code type cannot hold the spec type. A model that cannot be
/// found is left to the reference checks (SMV0101/SMV0107), so it is not reported twice.
/// </summary>
internal static class ContractChecker
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, ContractContext context)
    {
        var readers = new ModelReaders(context.Tree);
        var found = new List<Diagnostic>();
        foreach (var (pointer, item) in document.Objects())
        {
            var required = item.Get(MappingKeys.RequiredFields);
            if (required is not (JsonObjectNode or JsonArrayNode) || FindModel(document, pointer, context, readers) is not { } model)
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
    private static IEnumerable<(string Name, int NameStart, JsonValueNode? Spec)> Entries(JsonValueNode required) => required switch
    {
        JsonObjectNode obj => obj.Members.Select(m => (m.Name, m.NameStart, (JsonValueNode?)m.Value)),
        JsonArrayNode list => list.Items.OfType<JsonStringNode>().Select(s => (s.Value, s.Start, (JsonValueNode?)null)),
        _ => [],
    };

    /// <summary>The item's `model` reference, else the first code reference whose symbol (or lines) names a class.</summary>
    private static ModelClass? FindModel(MappingDocument document, string itemPointer, ContractContext context, ModelReaders readers)
    {
        var references = document.References.Where(r => BelongsTo(r, itemPointer)).ToList();
        foreach (var reference in references.Where(r => r.Kind == ReferenceKind.Model).Concat(references.Where(r => r.Kind == ReferenceKind.Code)))
        {
            var (path, finding) = context.Paths.Resolve(reference.Path, reference.Kind);
            if (path is null || finding is not null || !context.Tree.Exists(path))
            {
                continue;
            }
            if (readers.For(path) is not { } reader)
            {
                continue;
            }
            var symbol = reference.SymbolName;
            // Lines alone name a class only for a `model` reference: a handler's range may well contain a class.
            if (symbol is null && reference.Kind == ReferenceKind.Model && reference.Start is { } start)
            {
                symbol = OutlinedClassAt(context, path, start, reference.End ?? start)
                    ?? reader.ClassAt(path, start, reference.End ?? start);
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
