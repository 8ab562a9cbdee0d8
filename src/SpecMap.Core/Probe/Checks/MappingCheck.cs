using System.Text.Json;
using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// The streams against the mapping: an implemented item no stream made fire (SMV0513), an event type that fired but is
/// not mapped (SMV0514), and a payload that contradicts the mapped item's `required_fields` or its model class in code
/// (SMV0515), which is where the incident shows: `delta` sent as an object, spec string, model `dict[str, list[...]]`.
/// </summary>
internal static class MappingCheck
{
    /// <summary>The scenario a finding about the whole run names.</summary>
    public const string AllScenarios = "*";

    public static IEnumerable<ProbeFinding> Payloads(ParsedStream stream, ProbeMappingView mapping)
    {
        foreach (var e in stream.Events)
        {
            if (e.Payload is not { } payload || mapping.Find(e.Type) is not { } item)
            {
                continue;
            }
            foreach (var required in item.RequiredFields)
            {
                var pointer = "/" + PointerText.Escape(required.Name);
                var field = item.Model?.Find(required.Name);
                var modelNote = field is null ? string.Empty : $"; the model declares {field.Name}: {field.TypeText} ({field.File}:{field.Line})";
                if (!payload.TryGetProperty(required.Name, out var value))
                {
                    yield return Mapped(stream, e, item, $"{e.Type} lacks '{required.Name}', which the mapping requires ({item.ItemPointer}){modelNote}",
                        pointer, required.TypeText ?? "present", "absent");
                }
                else if (required.Type is { } type && !Fits(type, value))
                {
                    yield return Mapped(stream, e, item,
                        $"{e.Type}'s '{required.Name}' is {JsonKinds.Name(value)}, the mapping requires {required.TypeText} ({item.ItemPointer}){modelNote}",
                        pointer, required.TypeText, SchemaValidator.Short(value));
                }
            }
            if (item.Model is not { } model)
            {
                continue;
            }
            foreach (var member in payload.EnumerateObject())
            {
                // A null is the null policy's business (SMV0502), not the model's.
                if (member.Value.ValueKind == JsonValueKind.Null || model.Find(member.Name) is not { } field || HoldsLive(field.Shape, member.Value))
                {
                    continue;
                }
                yield return Mapped(stream, e, item,
                    $"{e.Type}'s '{member.Name}' is {JsonKinds.Name(member.Value)}, which model {model.Name} cannot hold: {field.Name}: {field.TypeText} ({field.File}:{field.Line})",
                    "/" + PointerText.Escape(member.Name), field.TypeText, SchemaValidator.Short(member.Value));
            }
        }
    }

    /// <summary>Event types seen but not mapped (once per type, at its first event), and implemented items never seen.</summary>
    public static IEnumerable<ProbeFinding> Coverage(IReadOnlyList<ParsedStream> streams, ProbeMappingView mapping)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in streams)
        {
            foreach (var e in stream.Events)
            {
                if (e.Type is { } type && seen.Add(type) && mapping.Find(type) is null)
                {
                    yield return Findings.ForEvent(RuleIds.EventNotMapped, stream, e, $"event type '{type}' fired but no item of {mapping.MappingPath} maps it",
                        "/type", "an item in the mapping's events section", type);
                }
            }
        }
        foreach (var item in mapping.Events.Values.Where(i => i.MarkedImplemented && !seen.Contains(i.EventName)).OrderBy(i => i.EventName, StringComparer.Ordinal))
        {
            yield return new ProbeFinding(RuleIds.ImplementedEventNeverFired, RuleCatalog.Get(RuleIds.ImplementedEventNeverFired).DefaultSeverity,
                $"'{item.EventName}' is marked implemented ({item.ItemPointer}) but no stream made it fire", AllScenarios,
                EventType: item.EventName, Expected: "at least one event", Actual: "none", MappingItem: item.ItemPointer, ModelLocation: item.ModelLocation);
        }
    }

    private static ProbeFinding Mapped(ParsedStream stream, ParsedEvent e, ProbeMappedEvent item, string message, string pointer, string? expected, string actual) =>
        Findings.ForEvent(RuleIds.PayloadContradictsModel, stream, e, message, pointer, expected, actual) with
        {
            MappingItem = item.ItemPointer,
            ModelLocation = item.LocationOf(pointer),
        };

    /// <summary>Whether a live value has the kind a `required_fields` type asks for.</summary>
    public static bool Fits(SpecType type, JsonElement value) => type.Kind switch
    {
        SpecKind.Any => true,
        SpecKind.Union => type.UnionOptions.Any(o => Fits(o, value)),
        SpecKind.String => value.ValueKind == JsonValueKind.String && (type.Values.IsEmpty || type.Values.Contains(value.GetString()!)),
        SpecKind.Integer => JsonKinds.Name(value) == "integer",
        SpecKind.Number => value.ValueKind == JsonValueKind.Number,
        SpecKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        SpecKind.Null => value.ValueKind == JsonValueKind.Null,
        SpecKind.Object => value.ValueKind == JsonValueKind.Object,
        SpecKind.Map => value.ValueKind == JsonValueKind.Object && (type.Element is null || value.EnumerateObject().All(m => Fits(type.Element, m.Value))),
        SpecKind.Array => value.ValueKind == JsonValueKind.Array && (type.Element is null || value.EnumerateArray().All(i => Fits(type.Element, i))),
        _ => true,
    };

    /// <summary>Whether the code's declared type can hold the live value (its JSON kind, with an integer also read as a number).</summary>
    private static bool HoldsLive(CodeShape shape, JsonElement value)
    {
        var live = LiveType(value);
        return TypeCompatibility.Holds(live, shape) || (live.Kind == SpecKind.Integer && TypeCompatibility.Holds(new SpecType(SpecKind.Number), shape));
    }

    private static SpecType LiveType(JsonElement value) => JsonKinds.Name(value) switch
    {
        "object" => new SpecType(SpecKind.Object),
        // Element kinds are not judged: an empty list says nothing, and lists of objects hold nested models.
        "array" => new SpecType(SpecKind.Array),
        "string" => new SpecType(SpecKind.String),
        "integer" => new SpecType(SpecKind.Integer),
        "number" => new SpecType(SpecKind.Number),
        "boolean" => new SpecType(SpecKind.Boolean),
        _ => SpecType.AnyType,
    };
}
