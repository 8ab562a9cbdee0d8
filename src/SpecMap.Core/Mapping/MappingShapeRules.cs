using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>SMV0002 checks that need no repository: statuses and scores (bad ranges are found while extracting).</summary>
internal static class MappingShapeRules
{
    public static readonly string[] Statuses = ItemStatus.Known;

    public static ImmutableArray<Diagnostic> Check(MappingDocument document)
    {
        var found = ImmutableArray.CreateBuilder<Diagnostic>();
        if (document.Root is not (JsonObjectNode or JsonArrayNode))
        {
            found.Add(Error(document, document.Root, string.Empty, "a mapping must be a JSON object or array"));
            return found.ToImmutable();
        }
        foreach (var (pointer, obj) in document.Objects())
        {
            foreach (var member in obj.Members)
            {
                var memberPointer = JsonPointer.Append(pointer, member.Name);
                // A field named `status` in `required_fields` is a field, not the item's status.
                if (member.Name == MappingKeys.Status && !ItemStatus.IsContractSchema(pointer))
                {
                    CheckStatus(document, member.Value, memberPointer, found);
                }
                else if (MappingScores.IsScoreKey(member.Name))
                {
                    CheckScore(document, member.Value, memberPointer, found);
                }
            }
        }
        return found.ToImmutable();
    }

    /// <summary>The status, normalised (`Implemented` → `implemented`), or null when it is not one of the four.</summary>
    public static string? NormaliseStatus(string value) => ItemStatus.Exact(value);

    private static void CheckStatus(MappingDocument document, JsonValueNode value, string pointer, ImmutableArray<Diagnostic>.Builder found)
    {
        if (value is not JsonStringNode text)
        {
            found.Add(Error(document, value, pointer, $"'{MappingKeys.Status}' must be a string, one of {string.Join(", ", Statuses)}"));
        }
        else if (NormaliseStatus(text.Value) is null)
        {
            // Free text is a note, not a mapping error: say how it was read (SMV0007).
            var read = ItemStatus.Read(text.Value);
            var message = read is null
                ? $"status '{text.Value}' is free text: it is not read as a status, and no status check uses it (expected one of {string.Join(", ", Statuses)})"
                : $"status '{text.Value}' is read as '{read}', its leading word";
            found.Add(RuleCatalog.Create(RuleIds.FreeTextStatus, message, document.LocationOf(value.Start), pointer));
        }
    }

    private static void CheckScore(MappingDocument document, JsonValueNode value, string pointer, ImmutableArray<Diagnostic>.Builder found)
    {
        var name = JsonPointer.Tokens(pointer)[^1];
        var score = MappingScores.Read(value);
        if (score is null)
        {
            if (value is not JsonNullNode)
            {
                found.Add(Error(document, value, pointer, $"'{name}' must be a number from 0 to 100"));
            }
        }
        else if (score < 0 || score > 100)
        {
            found.Add(Error(document, value, pointer, $"'{name}' is {score}; a score must lie between 0 and 100"));
        }
    }

    private static Diagnostic Error(MappingDocument document, JsonValueNode node, string pointer, string message) =>
        RuleCatalog.Create(RuleIds.ShapeError, message, document.LocationOf(node.Start), pointer);
}
