using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.References;

namespace SpecMap.Core.SpecChecks;

/// <summary>An item's `required_fields` against its spec schema: SMV0320 a required field not listed, SMV0321 a listed
/// field the spec does not require, SMV0322 a listed type of another JSON kind. An item without `required_fields` is
/// left to <see cref="ModelAgainstSpec"/>.</summary>
internal static class MappingAgainstSpec
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, SpecItem item, SpecSchema schema)
    {
        var required = item.Node.Get(MappingKeys.RequiredFields);
        if (required is not (JsonObjectNode or JsonArrayNode))
        {
            yield break;
        }
        var fieldsPointer = JsonPointer.Append(item.Pointer, MappingKeys.RequiredFields);
        var entries = ContractChecker.Entries(required).ToList();
        var listed = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        // A name the spec requires but never defines is the spec's gap (SMV0334 from ModelAgainstSpec), not the mapping's.
        foreach (var field in schema.Fields.Where(f => f.Required && f.Defined && !listed.Contains(f.Name)))
        {
            yield return RuleCatalog.Create(RuleIds.SpecRequiredNotListed,
                $"the spec requires field '{field.Name}' ({field.TypeText}) of {schema.Key}, but 'required_fields' of '{item.Label}' does not list it; add it to 'required_fields'",
                document.LocationOf(required.Start), fieldsPointer);
        }
        foreach (var (name, nameStart, type) in entries)
        {
            var location = document.LocationOf(nameStart);
            var pointer = JsonPointer.Append(fieldsPointer, name);
            if (schema.Field(name) is not { } field)
            {
                yield return RuleCatalog.Create(RuleIds.ListedNotRequiredBySpec,
                    $"'required_fields' of '{item.Label}' lists '{name}', which {schema.Key} in the spec does not have; correct its name or remove it", location, pointer);
                continue;
            }
            if (!field.Required)
            {
                yield return RuleCatalog.Create(RuleIds.ListedNotRequiredBySpec,
                    $"'required_fields' of '{item.Label}' lists '{name}', which {schema.Key} in the spec does not require; remove it, or keep it if the item needs it", location, pointer);
            }
            if (type is not null && !SpecTypeAgreement.Agrees(SpecTypeParser.Parse(type), field.Type))
            {
                yield return RuleCatalog.Create(RuleIds.ListedTypeDiffersFromSpec,
                    $"'required_fields' of '{item.Label}' types '{name}' as {SpecTypeParser.Describe(type)}, but the spec ({schema.Key}.{name}) says {field.TypeText}; write the spec's type",
                    location, pointer);
            }
        }
    }
}
