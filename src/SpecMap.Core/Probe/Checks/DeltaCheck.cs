using System.Text;
using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// What deltas promise: every event about an item comes after that item's `response.output_item.added` (SMV0509); the
/// deltas of a part, joined, equal its `.done` text and the final response's content (SMV0510); function call arguments
/// are valid JSON (SMV0511).
/// </summary>
internal static class DeltaCheck
{
    private const string DeltaSuffix = ".delta";
    private const string DoneSuffix = ".done";
    private const string ItemAdded = "response.output_item.added";
    private const string ItemDone = "response.output_item.done";

    /// <summary>Per delta family, the property of the `.done` event and of the final item (or content part) holding the whole text.</summary>
    private static readonly Dictionary<string, string> WholeField = new(StringComparer.Ordinal)
    {
        ["response.output_text"] = "text",
        ["response.refusal"] = "refusal",
        ["response.function_call_arguments"] = "arguments",
        ["response.reasoning_summary_text"] = "text",
        ["response.reasoning_text"] = "text",
        ["response.code_interpreter_call_code"] = "code",
        ["response.custom_tool_call_input"] = "input",
        ["response.mcp_call_arguments"] = "arguments",
    };

    private static readonly string[] FallbackFields = ["text", "arguments", "refusal", "code", "input", "transcript"];

    private static readonly HashSet<string> ArgumentEvents = new(StringComparer.Ordinal)
    {
        "response.function_call_arguments.done", "response.mcp_call_arguments.done",
    };

    private sealed record PartKey(string Family, string ItemId, long? ContentIndex, long? SummaryIndex);

    private sealed class Joined(ParsedEvent first)
    {
        public ParsedEvent First { get; } = first;

        public StringBuilder Text { get; } = new();
    }

    public static IEnumerable<ProbeFinding> Check(ParsedStream stream)
    {
        var announced = new HashSet<string>(StringComparer.Ordinal);
        var parts = new Dictionary<PartKey, Joined>();
        var argumentsChecked = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<ProbeFinding>();
        foreach (var e in stream.Events)
        {
            if (e.Type is not { } type)
            {
                continue;
            }
            if (type is ItemAdded or ItemDone && e.Property("item") is { ValueKind: JsonValueKind.Object } item
                && item.TryGetProperty("id", out var id) && id.GetString() is { } itemId)
            {
                if (type == ItemAdded)
                {
                    announced.Add(itemId);
                }
                else
                {
                    Unannounced(stream, e, itemId, "/item/id", announced, findings);
                    CheckItemArguments(stream, e, item, "/item/arguments", argumentsChecked, findings);
                }
                continue;
            }
            if (e.String("item_id") is not { } partItem)
            {
                continue;
            }
            Unannounced(stream, e, partItem, "/item_id", announced, findings);
            if (type.EndsWith(DeltaSuffix, StringComparison.Ordinal) && e.String("delta") is { } delta)
            {
                var key = KeyOf(e, type[..^DeltaSuffix.Length], partItem);
                if (!parts.TryGetValue(key, out var joined))
                {
                    joined = new Joined(e);
                    parts[key] = joined;
                }
                joined.Text.Append(delta);
            }
            else if (type.EndsWith(DoneSuffix, StringComparison.Ordinal))
            {
                var family = type[..^DoneSuffix.Length];
                if (ArgumentEvents.Contains(type))
                {
                    CheckArguments(stream, e, e.String("arguments"), "/arguments", partItem, argumentsChecked, findings);
                }
                if (parts.TryGetValue(KeyOf(e, family, partItem), out var joined) && WholeFieldOf(family, e) is { } field && e.String(field) is { } whole)
                {
                    var text = joined.Text.ToString();
                    if (text != whole)
                    {
                        findings.Add(Findings.ForEvent(RuleIds.DeltasDisagreeWithDone, stream, e,
                            $"the {family}.delta events of item '{partItem}' (from event {joined.First.Index}) join to other text than {type}'s {field}",
                            "/" + field, Findings.Short(text), Findings.Short(whole)));
                    }
                }
            }
        }
        var final = stream.Events.LastOrDefault(e => e.Type is not null && StreamOrderCheck.Terminal.Contains(e.Type));
        if (final is not null && final.Property("response") is { ValueKind: JsonValueKind.Object } response
            && response.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Array)
        {
            CompareWithFinal(stream, final, output, parts, findings);
        }
        return findings;
    }

    private static PartKey KeyOf(ParsedEvent e, string family, string itemId) =>
        new(family, itemId, e.Integer("content_index"), e.Integer("summary_index"));

    private static string? WholeFieldOf(string family, ParsedEvent done) =>
        WholeField.TryGetValue(family, out var field) ? field : FallbackFields.FirstOrDefault(f => done.String(f) is not null);

    private static void Unannounced(ParsedStream stream, ParsedEvent e, string itemId, string pointer, HashSet<string> announced, List<ProbeFinding> findings)
    {
        if (!announced.Contains(itemId))
        {
            findings.Add(Findings.ForEvent(RuleIds.DeltaItemUnannounced, stream, e,
                $"{e.Type} is about item '{itemId}', which no earlier response.output_item.added announced", pointer,
                "an item announced by response.output_item.added", itemId));
        }
    }

    private static void CheckItemArguments(ParsedStream stream, ParsedEvent e, JsonElement item, string pointer, HashSet<string> checkedItems, List<ProbeFinding> findings)
    {
        if (item.TryGetProperty("type", out var type) && type.GetString() is "function_call" or "mcp_call"
            && item.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.String
            && item.TryGetProperty("id", out var id) && id.GetString() is { } itemId)
        {
            CheckArguments(stream, e, arguments.GetString(), pointer, itemId, checkedItems, findings);
        }
    }

    /// <summary>Arguments are checked once per item: at its `.done` event, else at its `output_item.done`.</summary>
    private static void CheckArguments(ParsedStream stream, ParsedEvent e, string? arguments, string pointer, string itemId, HashSet<string> checkedItems, List<ProbeFinding> findings)
    {
        if (arguments is null || !checkedItems.Add(itemId))
        {
            return;
        }
        try
        {
            using var _ = JsonDocument.Parse(arguments);
        }
        catch (JsonException error)
        {
            findings.Add(Findings.ForEvent(RuleIds.ArgumentsNotJson, stream, e,
                $"the arguments of function call '{itemId}' are not valid JSON: {error.Message}", pointer, "a JSON text", Findings.Short(arguments)));
        }
    }

    private static void CompareWithFinal(ParsedStream stream, ParsedEvent final, JsonElement output, Dictionary<PartKey, Joined> parts, List<ProbeFinding> findings)
    {
        var items = new Dictionary<string, (int Index, JsonElement Item)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in output.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.GetString() is { } itemId)
            {
                items.TryAdd(itemId, (index, item));
            }
            index++;
        }
        foreach (var (key, joined) in parts.OrderBy(p => p.Value.First.Index))
        {
            if (!items.TryGetValue(key.ItemId, out var found) || !WholeField.TryGetValue(key.Family, out var field))
            {
                continue;
            }
            var pointer = JsonPointer.Append("/response/output", found.Index);
            var holder = found.Item;
            if (key.ContentIndex is { } content)
            {
                (holder, pointer) = Child(holder, pointer, "content", content);
            }
            else if (key.SummaryIndex is { } summary)
            {
                (holder, pointer) = Child(holder, pointer, "summary", summary);
            }
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty(field, out var whole) || whole.ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var text = joined.Text.ToString();
            if (text != whole.GetString())
            {
                findings.Add(Findings.ForEvent(RuleIds.DeltasDisagreeWithDone, stream, final,
                    $"the {key.Family}.delta events of item '{key.ItemId}' (from event {joined.First.Index}) join to other text than the final response's {field}",
                    JsonPointer.Append(pointer, field), Findings.Short(text), Findings.Short(whole.GetString()!)));
            }
        }
    }

    private static (JsonElement Holder, string Pointer) Child(JsonElement item, string pointer, string list, long index) =>
        item.TryGetProperty(list, out var children) && children.ValueKind == JsonValueKind.Array && index < children.GetArrayLength()
            ? (children[(int)index], JsonPointer.Append(JsonPointer.Append(pointer, list), (int)index))
            : (default, pointer);
}
