using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Core.Validation;

/// <summary>An item suppresses IDs for itself and everything under it with `"suppress": ["SMV0109"]` (contract §6).</summary>
internal sealed class Suppressions
{
    // The suppressed IDs by the pointer of the object that lists them, read once per mapping: walking the document
    // for every diagnostic cost a scan of each section's members per diagnostic (quadratic in a large mapping).
    private readonly Dictionary<string, HashSet<string>> _byScope;

    private Suppressions(Dictionary<string, HashSet<string>> byScope) => _byScope = byScope;

    public static Suppressions Of(MappingDocument document)
    {
        var byScope = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (pointer, obj) in document.Objects())
        {
            if (obj.Get(MappingKeys.Suppress) is JsonArrayNode list)
            {
                byScope[pointer] = new HashSet<string>(list.Items.OfType<JsonStringNode>().Select(s => s.Value.Trim()), StringComparer.OrdinalIgnoreCase);
            }
        }
        return new Suppressions(byScope);
    }

    public bool IsSuppressed(Diagnostic diagnostic)
    {
        if (_byScope.Count == 0)
        {
            return false;
        }
        var scope = string.Empty;
        if (Lists(scope, diagnostic.Id))
        {
            return true;
        }
        foreach (var token in JsonPointer.Tokens(diagnostic.Pointer))
        {
            scope = JsonPointer.Append(scope, token);
            if (Lists(scope, diagnostic.Id))
            {
                return true;
            }
        }
        return false;
    }

    private bool Lists(string scope, string id) => _byScope.TryGetValue(scope, out var ids) && ids.Contains(id);
}
