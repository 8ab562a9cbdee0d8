using System.Text;
using System.Text.Json;

namespace SpecMap.Core.OpenApi;

/// <summary>Renders a <see cref="SpecDiffResult"/> for a person (text) or a program (JSON). Pure functions of the result.</summary>
internal static class SpecDiffFormatter
{
    public static string Text(SpecDiffResult result, string olderName, string newerName)
    {
        var text = new StringBuilder();
        var changed = result.Changes.Select(c => c.Item).Distinct(StringComparer.Ordinal).Count();
        text.Append("spec-diff ").Append(olderName).Append(" -> ").Append(newerName).Append('\n');
        text.Append(result.Items.Length).Append(result.Items.Length == 1 ? " item" : " items").Append(" compared, ")
            .Append(changed).Append(" changed, ").Append(result.Changes.Length).Append(result.Changes.Length == 1 ? " change" : " changes").Append('\n');
        foreach (var group in result.Changes.GroupBy(c => c.Item))
        {
            text.Append('\n').Append(group.Key);
            var whole = group.FirstOrDefault(c => c.Field is null);
            if (whole is not null)
            {
                text.Append(whole.Kind == SpecChangeKind.ItemAdded ? ": added (" + whole.New + ")" : ": removed (was " + whole.Old + ")").Append('\n');
                continue;
            }
            text.Append('\n');
            // Options of one field read as one line: `+ item: may be A, B, C`.
            var lines = group.GroupBy(c => c.Kind is SpecChangeKind.OptionAdded or SpecChangeKind.OptionRemoved ? $"{c.Kind} {c.Field}" : $"{c.Kind} {c.Field} {c.Old} {c.New}");
            foreach (var line in lines)
            {
                var first = line.First();
                var merged = first.Kind == SpecChangeKind.OptionAdded ? first with { New = string.Join(", ", line.Select(c => c.New)) }
                    : first.Kind == SpecChangeKind.OptionRemoved ? first with { Old = string.Join(", ", line.Select(c => c.Old)) }
                    : first;
                text.Append("  ").Append(Line(merged)).Append('\n');
            }
        }
        if (result.Changes.IsEmpty)
        {
            text.Append("no changes\n");
        }
        return text.ToString();
    }

    /// <summary>`+ logprobs: array&lt;object&gt; (ResponseLogProb), required` and the like: + added, - removed, ~ changed.</summary>
    private static string Line(SpecChange change) => change.Kind switch
    {
        SpecChangeKind.FieldAdded => $"+ {change.Field}: {change.New}",
        SpecChangeKind.FieldRemoved => $"- {change.Field}: {change.Old}",
        SpecChangeKind.BecameRequired => $"~ {change.Field}: now required",
        SpecChangeKind.NoLongerRequired => $"~ {change.Field}: no longer required",
        SpecChangeKind.TypeChanged => $"~ {change.Field}: type {change.Old} -> {change.New}",
        SpecChangeKind.EnumValueAdded => $"+ {change.Field}: value \"{change.New}\"",
        SpecChangeKind.EnumValueRemoved => $"- {change.Field}: value \"{change.Old}\"",
        SpecChangeKind.OptionAdded => $"+ {change.Field}: may be {change.New}",
        SpecChangeKind.OptionRemoved => $"- {change.Field}: no longer {change.Old}",
        _ => $"{change.Kind} {change.Field}",
    };

    /// <summary>
    /// One change as a clause, in the words of oasdiff's changelog (`the optional property 'x' became required`, `added the
    /// new 'v' enum value to property 'x'`): what SMV0203 tells about a mapped item.
    /// </summary>
    /// <param name="property">`property` for an event, `request property` for a request body.</param>
    public static string Clause(SpecChange change, string property)
    {
        var field = $"{property} '{change.Field}'";
        return change.Kind switch
        {
            SpecChangeKind.FieldAdded => $"added the new {Requiredness(change.New)} {field} ({WithoutRequired(change.New)})",
            SpecChangeKind.FieldRemoved => $"removed the {Requiredness(change.Old)} {field} ({WithoutRequired(change.Old)})",
            SpecChangeKind.BecameRequired => $"the optional {field} became required",
            SpecChangeKind.NoLongerRequired => $"the required {field} became optional",
            SpecChangeKind.TypeChanged => $"changed the type of {field} from '{change.Old}' to '{change.New}'",
            SpecChangeKind.EnumValueAdded => $"added the new '{change.New}' enum value to {field}",
            SpecChangeKind.EnumValueRemoved => $"removed the '{change.Old}' enum value from {field}",
            SpecChangeKind.OptionAdded => $"{field} may now be {change.New}",
            SpecChangeKind.OptionRemoved => $"{field} may no longer be {change.Old}",
            SpecChangeKind.ItemAdded => $"added to the spec ({change.New})",
            SpecChangeKind.ItemRemoved => $"removed from the spec (was {change.Old})",
            _ => $"{KindName(change.Kind)} {field}",
        };
    }

    private const string RequiredSuffix = ", required";

    private static string Requiredness(string? label) => label?.EndsWith(RequiredSuffix, StringComparison.Ordinal) == true ? "required" : "optional";

    private static string? WithoutRequired(string? label) =>
        label?.EndsWith(RequiredSuffix, StringComparison.Ordinal) == true ? label[..^RequiredSuffix.Length] : label;

    public static string Json(SpecDiffResult result, string olderName, string newerName)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("old", olderName);
            json.WriteString("new", newerName);
            SpecCacheFormat.WriteStrings(json, "items", result.Items);
            json.WriteStartArray("changes");
            foreach (var change in result.Changes)
            {
                json.WriteStartObject();
                json.WriteString("item", change.Item);
                json.WriteString("kind", KindName(change.Kind));
                WriteOptional(json, "field", change.Field);
                WriteOptional(json, "old", change.Old);
                WriteOptional(json, "new", change.New);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>`became_required`: snake case, the style of the JSON report.</summary>
    public static string KindName(SpecChangeKind kind)
    {
        var name = kind.ToString();
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
