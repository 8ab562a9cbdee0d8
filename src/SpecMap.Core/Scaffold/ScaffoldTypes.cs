using SpecMap.Core.Contracts;

namespace SpecMap.Core.Scaffold;

/// <summary>
/// A spec type in the forms the mapping schema accepts for `required_fields` (`string`, `array&lt;object&gt;`,
/// `map&lt;string&gt;`, `string?`): enum values are dropped (the spec checks read them from the spec itself), a union of
/// objects is `object`, and a union of different kinds becomes `{ "anyOf": [...] }`.
/// </summary>
internal static class ScaffoldTypes
{
    public static ScaffoldField Field(string name, SpecType type)
    {
        if (Compact(type) is { } compact)
        {
            return new ScaffoldField(name, compact, []);
        }
        var options = type.UnionOptions.Select(o => Compact(o) ?? "any").Distinct(StringComparer.Ordinal).ToList();
        return new ScaffoldField(name, null, [.. options]);
    }

    /// <summary>The compact form, or null for a union of several kinds.</summary>
    public static string? Compact(SpecType type) => type.Kind switch
    {
        SpecKind.Any => "any",
        SpecKind.Array => type.Element is not null && Compact(type.Element) is { } item && item != "any" ? $"array<{item}>" : "array",
        SpecKind.Map => type.Element is not null && Compact(type.Element) is { } value && value != "any" ? $"map<{value}>" : "object",
        SpecKind.Union => Union(type),
        _ => type.Kind.ToString().ToLowerInvariant(),
    };

    private static string? Union(SpecType type)
    {
        var nullable = type.UnionOptions.Any(o => o.Kind == SpecKind.Null);
        var options = type.UnionOptions.Where(o => o.Kind != SpecKind.Null).ToList();
        if (options.Count == 0)
        {
            return "null";
        }
        var compacts = options.All(o => o.Kind is SpecKind.Object or SpecKind.Map)
            ? ["object"]
            : options.Select(Compact).Distinct(StringComparer.Ordinal).ToList();
        if (compacts.Count != 1 || compacts[0] is null)
        {
            return null;
        }
        return compacts[0] + (nullable && !compacts[0]!.EndsWith('?') ? "?" : string.Empty);
    }
}
