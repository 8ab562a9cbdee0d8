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
/// (a nested model may leave out fields; the event's own model may not).
/// </summary>
internal static class ModelAgainstSpec
{
    public const int MaxDepth = 2;

    public static IEnumerable<Diagnostic> Check(MappingDocument document, SpecItem item, SpecSchema schema, SpecModels models)
    {
        if (models.For(item.Pointer) is not { } model)
        {
            return [];
        }
        var required = item.Node.Get(MappingKeys.RequiredFields);
        var entries = required is null ? [] : ContractChecker.Entries(required).ToDictionary(e => e.Name, StringComparer.Ordinal);
        var found = new List<Diagnostic>();
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
            if (code is null)
            {
                // A listed name is reported absent by ContractChecker already.
                if (field.Required && entry.Name is null)
                {
                    found.Add(RuleCatalog.Create(RuleIds.RequiredFieldMissing,
                        $"the spec requires field '{field.Name}' ({field.TypeText}, {schema.Key}), but model '{model.Name}' ({model.File}:{model.Line}) and its base classes lack it; add it to the model",
                        location, pointer, null, [new CodeLocation(model.File, model.Line, model.Line)]));
                }
                continue;
            }
            found.AddRange(Compare(field, code, schema.Key, model.Name, location, pointer, models, 0));
        }
        return found;
    }

    /// <summary>SMV0304 when the code type cannot hold the spec type; else, for an object, the nested model against the nested schema.</summary>
    private static IEnumerable<Diagnostic> Compare(SpecField field, ModelField code, string path, string modelName, MappingLocation location, string pointer, SpecModels models, int depth)
    {
        if (!TypeCompatibility.Holds(SpecTypeAgreement.WithoutNull(field.Type), code.Shape))
        {
            yield return RuleCatalog.Create(RuleIds.RequiredFieldIncompatible,
                $"field '{field.Name}' of model '{modelName}' is {code.TypeText} ({code.File}:{code.Line}), which cannot hold the spec type {field.TypeText} ({path}.{field.Name}); change the field's type to match the spec",
                location, pointer, null, [new CodeLocation(code.File, code.Line, code.Line)]);
            yield break;
        }
        if (depth >= MaxDepth || field.Schemas.Length != 1 || models.Nested(code) is not { } nested || Schema(models, field) is not { } inner)
        {
            yield break;
        }
        foreach (var innerField in inner.Fields)
        {
            if (nested.Find(innerField.Name) is { } innerCode)
            {
                foreach (var diagnostic in Compare(innerField, innerCode, $"{path}.{field.Name}", nested.Name, location, pointer, models, depth + 1))
                {
                    yield return diagnostic;
                }
            }
        }
    }

    private static SpecSchema? Schema(SpecModels models, SpecField field) => models.Spec.Schema(field.Schemas[0]);
}
