using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Core.Validation;

/// <summary>An item suppresses IDs for itself and everything under it with `"suppress": ["SMV0109"]` (contract §6).</summary>
internal static class Suppressions
{
    public static bool IsSuppressed(MappingDocument document, Diagnostic diagnostic)
    {
        var tokens = JsonPointer.Tokens(diagnostic.Pointer);
        var node = document.Root;
        for (var depth = 0; ; depth++)
        {
            if (node is JsonObjectNode obj && obj.Get(MappingKeys.Suppress) is JsonArrayNode list
                && list.Items.OfType<JsonStringNode>().Any(s => string.Equals(s.Value.Trim(), diagnostic.Id, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
            if (depth >= tokens.Count)
            {
                return false;
            }
            node = node switch
            {
                JsonObjectNode o => o.Get(tokens[depth]),
                JsonArrayNode a when int.TryParse(tokens[depth], out var i) && i >= 0 && i < a.Items.Length => a.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }
    }
}
