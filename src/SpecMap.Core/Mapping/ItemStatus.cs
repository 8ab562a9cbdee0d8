using SpecMap.Core.Json;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>An item's status as specmap reads it: the written text, the status it is read as (or null for free text), and its node.</summary>
/// <param name="Written">How messages quote it: the status string, or `implemented: true`.</param>
internal sealed record ItemStatus(string Written, string? Status, JsonValueNode Node, string Key)
{
    public static readonly string[] Known = ["implemented", "partial", "missing", "deprecated"];

    /// <summary>
    /// The item's own status: `status` (one of the four, or free text whose leading word is one), else `implemented: true|false`.
    /// Null when the item has neither, or when the object is a `required_fields` schema (a field named `status` is no status).
    /// </summary>
    public static ItemStatus? Of(string pointer, JsonObjectNode item)
    {
        if (IsContractSchema(pointer))
        {
            return null;
        }
        if (item.Get(MappingKeys.Status) is JsonStringNode text)
        {
            return new ItemStatus(text.Value, Read(text.Value), text, MappingKeys.Status);
        }
        if (item.Get(MappingKeys.Status) is null && item.Get(MappingKeys.Implemented) is JsonBoolNode flag)
        {
            return new ItemStatus($"{MappingKeys.Implemented}: {(flag.Value ? "true" : "false")}", flag.Value ? "implemented" : "missing", flag, MappingKeys.Implemented);
        }
        return null;
    }

    /// <summary>True for the `required_fields` object of an item and anything below it: its keys are field names.</summary>
    public static bool IsContractSchema(string pointer) =>
        JsonPointer.HasToken(pointer, MappingKeys.RequiredFields);

    /// <summary>`Implemented` → `implemented`; `partial - streaming only` → `partial` (its leading word); null for other text.</summary>
    public static string? Read(string value) => Exact(value) ?? LeadingWord(value);

    /// <summary>The status when the whole text is one of the four (case, `-` and spaces aside), else null.</summary>
    public static string? Exact(string value)
    {
        var normal = value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return Known.Contains(normal, StringComparer.Ordinal) ? normal : null;
    }

    private static string? LeadingWord(string value)
    {
        var word = new string([.. value.Trim().TakeWhile(char.IsLetter)]).ToLowerInvariant();
        return Known.Contains(word, StringComparer.Ordinal) ? word : null;
    }
}
