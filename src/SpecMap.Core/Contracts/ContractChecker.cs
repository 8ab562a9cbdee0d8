using System.Text.RegularExpressions;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>What contract checks read: the snapshot checked and its outlines.</summary>
internal sealed record ContractContext(ISourceTree Tree, Outliners Outliners);

/// <summary>
/// Contract §4: each item's `required_fields` against the model class in code. SMV0303 when a field is absent
/// from the model (and its bases), SMV0304 when the code type cannot hold the spec type. Every item ends checked or
/// with SMV0306 saying why not (no model, an unreadable file, a missing class, a base class outside the repository,
/// names without types); a model found without a `model` key is named with how it was found (SMV0307).
/// </summary>
internal static partial class ContractChecker
{
    /// <param name="results">The resolved references of the mapping: a model is read where its reference resolved to.</param>
    /// <param name="specSchemas">The spec schema of each item the spec checks compare the model with (by item pointer):
    /// their names-only fields get their types from the spec, so they are not reported unchecked here.</param>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> results, ContractContext context,
        IReadOnlyDictionary<string, SpecSchema>? specSchemas = null)
    {
        var readers = new ModelReaders(context.Tree, context.Outliners.Store);
        var inference = new ModelInference(context, readers);
        var found = new List<Diagnostic>();
        foreach (var (pointer, item) in document.Objects())
        {
            // The keys below `required_fields` are field names: a field named `required_fields` is no contract.
            if (ItemStatus.IsContractSchema(pointer) || item.Members.FirstOrDefault(m => m.Name == MappingKeys.RequiredFields) is not { } member
                || member.Value is not (JsonObjectNode or JsonArrayNode))
            {
                continue;
            }
            var required = member.Value;
            var fieldsPointer = JsonPointer.Append(pointer, MappingKeys.RequiredFields);
            var itemLocation = document.LocationOf(member.NameStart);
            var (model, why) = FindModel(results, pointer, context, readers);
            // The spec checks read the model the same way, without inference: only then do they type its fields.
            var schema = model is null ? null : specSchemas?.GetValueOrDefault(pointer);
            if (model is null && why is null && Infer(document, pointer, item, inference) is { } inferred)
            {
                if (inferred.Model is { } byInference)
                {
                    model = byInference;
                    found.Add(RuleCatalog.Create(RuleIds.ModelInferred,
                        $"contract checked against model '{model.Name}' ({model.File}:{model.Line}), found by {inferred.How}", itemLocation, fieldsPointer,
                        null, [new CodeLocation(model.File, model.Line, model.Line)]));
                }
                else
                {
                    why = inferred.How;
                }
            }
            if (model is null)
            {
                found.Add(RuleCatalog.Create(RuleIds.ContractNotChecked,
                    why is null
                        ? "contract not checked, because no model was found (the item has no 'model' reference, no code reference naming a class, and no class has its name as a type literal); add a 'model' reference to the item"
                        : $"contract not checked, because {why}; correct the item's model reference",
                    itemLocation, fieldsPointer));
                continue;
            }
            var untyped = new List<string>();
            foreach (var (name, nameStart, spec) in Entries(required))
            {
                var entryPointer = JsonPointer.Append(fieldsPointer, name);
                var location = document.LocationOf(nameStart);
                var field = model.Find(name);
                if (field is null && schema?.Field(name) is { Defined: false })
                {
                    // The spec requires a property it never defines: ModelAgainstSpec says so (a warning, not this error).
                    continue;
                }
                if (field is null && !model.UnseenBases.IsEmpty)
                {
                    found.Add(RuleCatalog.Create(RuleIds.ContractNotChecked,
                        $"required field '{name}' not checked, because model '{model.Name}' ({model.File}:{model.Line}) does not declare it and it may come from {Bases(model)} outside the repository, whose fields cannot be seen; declare it in the model to check it",
                        location, entryPointer, null, [new CodeLocation(model.File, model.Line, model.Line)]));
                    continue;
                }
                if (field is null)
                {
                    found.Add(RuleCatalog.Create(RuleIds.RequiredFieldMissing,
                        $"required field '{name}' is absent from model '{model.Name}' ({model.File}:{model.Line}) and its base classes; add it to the model, or remove it from 'required_fields' if the spec does not require it",
                        location, entryPointer, null, [new CodeLocation(model.File, model.Line, model.Line)]));
                    continue;
                }
                if (spec is null)
                {
                    untyped.Add(name);
                    continue;
                }
                var specType = SpecTypeParser.Parse(spec);
                if (!TypeCompatibility.Holds(specType, field.Shape))
                {
                    found.Add(RuleCatalog.Create(RuleIds.RequiredFieldIncompatible,
                        $"required field '{name}' of model '{model.Name}' is {field.TypeText} ({field.File}:{field.Line}), which cannot hold the spec type {SpecTypeParser.Describe(spec)}; change the field's type to match the spec",
                        location, entryPointer, null, [new CodeLocation(field.File, field.Line, field.Line)]));
                }
            }
            if (untyped.Count > 0 && schema is null)
            {
                found.Add(RuleCatalog.Create(RuleIds.ContractNotChecked,
                    $"types of {MessageText.Count(untyped.Count, "required field")} not checked, because 'required_fields' lists names only, so only their presence in model '{model.Name}' is checked; give each a spec type to check it",
                    itemLocation, fieldsPointer));
            }
        }
        return found;
    }

    internal static string Bases(ModelClass model) =>
        (model.UnseenBases.Length == 1 ? "base class " : "base classes ") + string.Join(", ", model.UnseenBases.Select(b => $"'{b}'"));

    /// <summary>For an item without a model reference: a bare class name under a `..._model` key, the class whose type
    /// literal is the item's event name, or the return annotation of the function its code reference names.</summary>
    private static ModelInference.Found? Infer(MappingDocument document, string pointer, JsonObjectNode item, ModelInference inference)
    {
        foreach (var member in item.Members)
        {
            if (member.Name.Contains(MappingKeys.ModelWord, StringComparison.OrdinalIgnoreCase) && member.Value is JsonStringNode { Value: var name }
                && ClassName().IsMatch(name.Trim()) && CompactReference.TryParse(name) is not { HasKnownExtension: true })
            {
                return inference.ByClassName(name.Trim(), member.Name);
            }
        }
        var label = MappingKeys.LabelKeys.Select(item.GetString).FirstOrDefault(l => l is { Length: > 0 })
            ?? JsonPointer.Tokens(pointer).LastOrDefault(t => !t.All(char.IsAsciiDigit));
        if (label is { Length: >= 3 } && !label.Any(char.IsWhiteSpace) && inference.ByTypeLiteral(label.Trim()) is { } byLiteral)
        {
            return byLiteral;
        }
        foreach (var reference in document.References.Where(r => r.Kind == ReferenceKind.Code && BelongsTo(r, pointer)))
        {
            if (inference.ByReturnAnnotation(reference.Path, reference.SymbolName, reference.Start, reference.End) is { } byReturn)
            {
                return byReturn;
            }
        }
        return null;
    }

    /// <summary>`{ "name": TYPE }` entries, or `["name"]` (presence only: no type).</summary>
    internal static IEnumerable<(string Name, int NameStart, JsonValueNode? Spec)> Entries(JsonValueNode required) => required switch
    {
        JsonObjectNode obj => obj.Members.Select(m => (m.Name, m.NameStart, (JsonValueNode?)m.Value)),
        JsonArrayNode list => list.Items.OfType<JsonStringNode>().Select(s => (s.Value, s.Start, (JsonValueNode?)null)),
        _ => [],
    };

    /// <summary>
    /// The item's `model` reference, else the first code reference whose symbol (or lines) names a class, each read where
    /// resolution found it (a model that moved is read at its new place). The reason is set when a model reference
    /// exists but names no readable class (null model and reason: nothing named one).
    /// </summary>
    internal static (ModelClass? Model, string? Why) FindModel(IReadOnlyList<ReferenceResult> results, string itemPointer, ContractContext context, ModelReaders readers)
    {
        var references = results.Where(r => BelongsTo(r.Reference, itemPointer)).ToList();
        string? why = null;
        foreach (var result in references.Where(r => r.Reference.Kind == ReferenceKind.Model).Concat(references.Where(r => r.Reference.Kind == ReferenceKind.Code)))
        {
            var reference = result.Reference;
            var isModel = reference.Kind == ReferenceKind.Model;
            var moved = result.Status == ReferenceStatus.Relocated ? result.Target : null;
            var path = moved?.File ?? result.ResolvedPath;
            if (path is null || result.Status is ReferenceStatus.Invalid || !context.Tree.Exists(path))
            {
                why ??= isModel ? $"the model file '{reference.Path}' cannot be read in {context.Tree.Description} (see the reference's diagnostic)" : null;
                continue;
            }
            if (readers.For(path) is not { } reader)
            {
                why ??= isModel ? $"the model file '{path}' is not in a language whose models specmap reads (Python, C#)" : null;
                continue;
            }
            // A class renamed since the baseline is read by its new name.
            var symbol = reference.SymbolName is null ? null : moved?.Symbol ?? reference.SymbolName;
            // Lines alone name a class only for a `model` reference: a handler's range may well contain a class.
            if (symbol is null && isModel && reference.Start is { } written)
            {
                var (start, end) = moved is null ? (written, reference.End ?? written) : (moved.Start, moved.End);
                symbol = OutlinedClassAt(context, path, start, end) ?? reader.ClassAt(path, start, end);
            }
            if (symbol is null)
            {
                why ??= isModel ? $"no class is declared at the model reference's lines in '{path}'" : null;
                continue;
            }
            var model = reader.Read(path, symbol);
            if (model is not null)
            {
                return (model, null);
            }
            why ??= isModel ? $"class '{symbol}' is not in '{path}'" : null;
        }
        return (null, why);
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

    [GeneratedRegex(@"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$")]
    private static partial Regex ClassName();
}
