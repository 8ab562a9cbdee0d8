using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Core.Config;

/// <summary>
/// Checks the per-item `"suppress": [...]` lists of a mapping: an unknown ID there suppresses nothing, which a typo
/// would hide, so it is reported (SMV0004) like an unknown ID in `.specmap.json`.
/// </summary>
internal static class SuppressionLists
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document)
    {
        foreach (var (pointer, obj) in document.Objects())
        {
            if (obj.Get(MappingKeys.Suppress) is not { } list)
            {
                continue;
            }
            var listPointer = JsonPointer.Append(pointer, MappingKeys.Suppress);
            if (list is not JsonArrayNode array)
            {
                yield return Problem(document, list, listPointer, "'suppress' must be an array of diagnostic IDs such as [\"SMV0109\"]");
                continue;
            }
            for (var i = 0; i < array.Items.Length; i++)
            {
                var item = array.Items[i];
                if (item is not JsonStringNode id)
                {
                    yield return Problem(document, item, JsonPointer.Append(listPointer, i), "'suppress' entries must be diagnostic IDs such as \"SMV0109\"");
                }
                else if (!RuleCatalog.TryGet(id.Value.Trim(), out _))
                {
                    yield return Problem(document, item, JsonPointer.Append(listPointer, i),
                        $"unknown diagnostic ID '{id.Value}' in 'suppress', so it suppresses nothing; correct the ID or remove it");
                }
            }
        }
    }

    private static Diagnostic Problem(MappingDocument document, JsonValueNode node, string pointer, string message) =>
        RuleCatalog.Create(RuleIds.ConfigurationProblem, message, document.LocationOf(node.Start), pointer);
}
