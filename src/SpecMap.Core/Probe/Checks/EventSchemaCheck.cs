using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// Each event against the spec schema its `type` names (SMV0501), with the null policy (SMV0502), unknown properties
/// (SMV0503), unknown types (SMV0504) and data that is no JSON object with a `type` (SMV0505).
/// </summary>
internal static class EventSchemaCheck
{
    public static IEnumerable<ProbeFinding> Check(ParsedStream stream, EventSchemas spec, ProbeOptions options)
    {
        foreach (var e in stream.Events)
        {
            if (e.Payload is not { } payload)
            {
                yield return Findings.ForEvent(RuleIds.EventNotJson, stream, e, $"event {e.Index}: {e.ParseError}", expected: "a JSON object", actual: Findings.Short(e.Raw.Data));
                continue;
            }
            if (e.Type is null)
            {
                yield return Findings.ForEvent(RuleIds.EventNotJson, stream, e, $"event {e.Index} has no string `type`", "/type", "a string event type", "absent");
                continue;
            }
            if (spec.Find(e.Type) is not { } schema)
            {
                yield return Findings.ForEvent(RuleIds.UnknownEventType, stream, e, $"event type '{e.Type}' is not declared in the spec",
                    "/type", $"one of the {spec.EventTypes.Length} event types of {spec.Union}", e.Type);
                continue;
            }
            foreach (var issue in SchemaValidator.Validate(spec, schema, payload))
            {
                switch (issue.Kind)
                {
                    case SchemaIssueKind.NullForOptional when options.NullForOptional == NullPolicy.Ignore:
                        continue;
                    case SchemaIssueKind.NullForOptional:
                        yield return Findings.ForEvent(RuleIds.NullForOptional, stream, e, $"{e.Type}: {issue.Message}", issue.Pointer, issue.Expected, issue.Actual,
                            issue.SpecRule, options.NullForOptional == NullPolicy.Error ? Severity.Error : Severity.Info);
                        continue;
                    case SchemaIssueKind.UnknownField:
                        yield return Findings.ForEvent(RuleIds.UnknownEventField, stream, e, $"{e.Type}: {issue.Message}", issue.Pointer, issue.Expected, issue.Actual, issue.SpecRule);
                        continue;
                    default:
                        yield return Findings.ForEvent(RuleIds.EventSchemaViolation, stream, e, $"{e.Type} ({schema.Name}): {issue.Message}",
                            issue.Pointer, issue.Expected, issue.Actual, issue.SpecRule);
                        continue;
                }
            }
        }
    }
}
