using System.Collections.Immutable;
using System.Globalization;
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
            found.Add(Error(document, value, pointer, $"'{MappingKeys.Status}' is not a string; write one of {MessageText.List(Statuses, "or")}"));
        }
        else if (NormaliseStatus(text.Value) is null)
        {
            // Free text is a note, not a mapping error: say how it was read (SMV0007).
            var read = ItemStatus.Read(text.Value);
            var message = read is null
                ? $"status '{text.Value}' is free text, so no status check uses it; start it with {MessageText.List(Statuses, "or")}"
                : $"status '{text.Value}' is read as '{read}', its leading word; write '{read}' alone and move the note to another key to make it exact";
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
                found.Add(Error(document, value, pointer, $"'{name}' is not a number; write a score from 0 to 100"));
            }
        }
        else if (score < 0 || score > 100)
        {
            found.Add(Error(document, value, pointer, $"'{name}' is {score.Value.ToString(CultureInfo.InvariantCulture)}, outside 0-100; write a score from 0 to 100"));
        }
    }

    private static Diagnostic Error(MappingDocument document, JsonValueNode node, string pointer, string message) =>
        RuleCatalog.Create(RuleIds.ShapeError, message, document.LocationOf(node.Start), pointer);
}
