using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// The code model against the spec schema directly, so a names-only `required_fields` (or none) still gets SMV0303 and
/// SMV0304. Fields the mapping types itself are left to <see cref="ContractChecker"/> (not reported twice). Nested
/// models are followed <see cref="MaxDepth"/> levels down, where the types of the fields both sides declare are compared
/// (a nested model may leave out fields; the event's own model may not); a union's members are matched to the spec's
/// variants by their `type` literal. Nothing passes silently: what cannot be compared (a base class outside the
/// repository, a code type that holds anything or cannot be resolved, a spec without a type, a union member that
/// matches no variant) is one SMV0306 per item; a required name the spec never defines is SMV0334, the spec's gap.
/// </summary>
internal static class ModelAgainstSpec
{
    public const int MaxDepth = 2;

    /// <summary>Fields listed in one SMV0306 note before "and N more".</summary>
    private const int ListedInNote = 8;

    public static IEnumerable<Diagnostic> Check(MappingDocument document, SpecItem item, SpecSchema schema, SpecModels models)
    {
        if (models.For(item.Pointer) is not { } model)
        {
            return [];
        }
        var required = item.Node.Get(MappingKeys.RequiredFields);
        var entries = required is null ? [] : ContractChecker.Entries(required).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        var notChecked = new List<(string Field, string Why)>();
        var fromUnseenBases = new List<string>();
        var modelAt = new CodeLocation(model.File, model.Line, model.Line);
        foreach (var field in schema.Fields)
        {
            entries.TryGetValue(field.Name, out var entry);
            if (entry.Spec is not null)
            {
                continue;
            }
            var (location, pointer) = entry.Name is null
                ? (document.LocationOf(item.Node.Start), item.Pointer)
                : (document.LocationOf(entry.NameStart), JsonPointer.Append(JsonPointer.Append(item.Pointer, MappingKeys.RequiredFields), field.Name));
            var code = model.Find(field.Name);
            if (!field.Defined)
            {
                // Required by name only: whatever the model does, the spec gives nothing to compare, and its absence is the spec's gap.
                if (code is null)
                {
                    found.Add(RuleCatalog.Create(RuleIds.SpecRequiresUndefinedProperty,
                        $"the spec ({schema.Key}) requires '{field.Name}' but defines no such property, and model '{model.Name}' ({model.File}:{model.Line}) does not declare it: add the field if the API sends it, else ask the spec's owners to define or drop it",
                        location, pointer, null, [modelAt]));
                }
                else
                {
                    notChecked.Add((field.Name, "the spec requires it but defines no such property"));
                }
                continue;
            }
            if (code is null)
            {
                // A listed name is reported absent by ContractChecker already.
                if (field.Required && entry.Name is null)
                {
                    if (model.UnseenBases.IsEmpty)
                    {
                        found.Add(RuleCatalog.Create(RuleIds.RequiredFieldMissing,
                            $"the spec requires field '{field.Name}' ({field.TypeText}, {schema.Key}), but model '{model.Name}' ({model.File}:{model.Line}) and its base classes lack it; add it to the model",
                            location, pointer, null, [modelAt]));
                    }
                    else
                    {
                        fromUnseenBases.Add(field.Name);
                    }
                }
                continue;
            }
            var comparison = new Comparison(models, location, pointer, notChecked);
            found.AddRange(comparison.Compare(field, code, schema.Key, field.Name, model.Name, 0));
        }
        var itemLocation = document.LocationOf(item.Node.Start);
        if (fromUnseenBases.Count > 0)
        {
            var names = string.Join(", ", fromUnseenBases.Select(n => $"'{n}'"));
            var (fields, them, they) = fromUnseenBases.Count == 1 ? ("field", "it", "it") : ("fields", "them", "they");
            found.Add(RuleCatalog.Create(RuleIds.ContractNotChecked,
                $"required {fields} {names} of the spec ({schema.Key}) not checked: model '{model.Name}' ({model.File}:{model.Line}) does not declare {them}, and {they} may come from {ContractChecker.Bases(model)} outside the repository, whose fields cannot be seen",
                itemLocation, item.Pointer, null, [modelAt]));
        }
        if (notChecked.Count > 0)
        {
            found.Add(RuleCatalog.Create(RuleIds.ContractNotChecked, NotCheckedMessage(model, notChecked), itemLocation, item.Pointer, null, [modelAt]));
        }
        return found;
    }

    /// <summary>One note for the item: `type of field 'x' of model 'M' not checked against the spec, because ...`, or a list.</summary>
    private static string NotCheckedMessage(ModelClass model, List<(string Field, string Why)> notChecked)
    {
        if (notChecked.Count == 1)
        {
            return $"type of field '{notChecked[0].Field}' of model '{model.Name}' not checked against the spec, because {notChecked[0].Why}";
        }
        var listed = string.Join(", ", notChecked.Take(ListedInNote).Select(n => $"'{n.Field}' ({n.Why})"));
        var more = notChecked.Count > ListedInNote ? $", and {notChecked.Count - ListedInNote} more" : string.Empty;
        return $"types of {notChecked.Count} fields of model '{model.Name}' not checked against the spec: {listed}{more}";
    }

    /// <summary>One top-level field compared, with its nested models: where diagnostics go, and the notes of what was not compared.</summary>
    private sealed class Comparison(SpecModels models, MappingLocation location, string pointer, List<(string Field, string Why)> notChecked)
    {
        /// <summary>SMV0304 when the code type cannot hold the spec type; else, for objects, the nested models against the nested schemas.</summary>
        /// <param name="path">The spec path of the schema holding the field, for messages (`ResponseTextDeltaEvent.logprobs`).</param>
        /// <param name="fieldPath">The field's path from the item's model, for notes (`logprobs.token`).</param>
        public IEnumerable<Diagnostic> Compare(SpecField field, ModelField code, string path, string fieldPath, string modelName, int depth)
        {
            var specType = SpecTypeAgreement.WithoutNull(field.Type);
            if (specType.Kind == SpecKind.Any)
            {
                notChecked.Add((fieldPath, $"the spec ({path}.{field.Name}) does not constrain its type"));
                yield break;
            }
            if (Unresolved(code.Shape) is { } kind)
            {
                notChecked.Add((fieldPath, kind == ShapeKind.Any
                    ? $"its code type '{code.TypeText}' holds any value"
                    : $"its code type '{code.TypeText}' cannot be resolved in the repository"));
                yield break;
            }
            if (!TypeCompatibility.Holds(specType, code.Shape))
            {
                yield return RuleCatalog.Create(RuleIds.RequiredFieldIncompatible,
                    $"field '{field.Name}' of model '{modelName}' is {code.TypeText} ({code.File}:{code.Line}), which cannot hold the spec type {field.TypeText} ({path}.{field.Name}); change the field's type to match the spec",
                    location, pointer, null, [new CodeLocation(code.File, code.Line, code.Line)]);
                yield break;
            }
            if (depth >= MaxDepth)
            {
                yield break;
            }
            var variants = field.Schemas.Select(models.Spec.Schema).OfType<SpecSchema>().ToList();
            if (variants.Count == 0)
            {
                yield break;
            }
            var members = models.Nested(code);
            if (members.Count == 0)
            {
                if (HoldsObject(code.Shape))
                {
                    notChecked.Add((fieldPath, $"no model class of its code type '{code.TypeText}' can be read, so its nested fields are not compared"));
                }
                yield break;
            }
            var pairs = new List<(ModelClass Member, SpecSchema Variant)>();
            if (members.Count == 1 && variants.Count == 1)
            {
                pairs.Add((members[0], variants[0]));
            }
            else
            {
                var unmatched = new List<string>();
                foreach (var member in members)
                {
                    if (UnionVariants.Match(member, variants) is { } variant)
                    {
                        pairs.Add((member, variant));
                    }
                    else
                    {
                        unmatched.Add(member.Name);
                    }
                }
                if (unmatched.Count > 0)
                {
                    var names = string.Join(", ", unmatched.Select(n => $"'{n}'"));
                    notChecked.Add((fieldPath, unmatched.Count == 1
                        ? $"its union member {names} matches no variant of the spec by a literal such as 'type'"
                        : $"its union members {names} match no variant of the spec by a literal such as 'type'"));
                }
            }
            foreach (var (member, variant) in pairs)
            {
                foreach (var innerField in variant.Fields.Where(f => f.Defined))
                {
                    if (member.Find(innerField.Name) is not { } innerCode)
                    {
                        continue;
                    }
                    foreach (var diagnostic in Compare(innerField, innerCode, $"{path}.{field.Name}", $"{fieldPath}.{innerField.Name}", member.Name, depth + 1))
                    {
                        yield return diagnostic;
                    }
                }
            }
        }

        /// <summary>Any or Unknown when the code type (without its `None`) is nothing specmap can judge, else null.</summary>
        private static ShapeKind? Unresolved(CodeShape shape)
        {
            var options = shape.Kind == ShapeKind.Union ? [.. shape.UnionOptions.Where(o => o.Kind != ShapeKind.Null)] : new List<CodeShape> { shape };
            if (options.Count == 0 || !options.All(o => o.Kind is ShapeKind.Any or ShapeKind.Unknown))
            {
                return null;
            }
            return options.Any(o => o.Kind == ShapeKind.Any) ? ShapeKind.Any : ShapeKind.Unknown;
        }

        private static bool HoldsObject(CodeShape shape) =>
            shape.Kind == ShapeKind.Object || shape.UnionOptions.Any(HoldsObject) || (shape.Element is { } element && HoldsObject(element));
    }
}
