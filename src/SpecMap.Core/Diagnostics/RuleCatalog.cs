using System.Collections.Frozen;

namespace SpecMap.Core.Diagnostics;

/// <summary>The one place that describes every rule. A test keeps it and docs/rules/ in step.</summary>
internal static class RuleCatalog
{
    public const string MappingCategory = "Mapping";
    public const string CodeCategory = "CodeReferences";
    public const string DocsCategory = "Docs";
    public const string ConsistencyCategory = "Consistency";
    public const string EnvironmentCategory = "Environment";
    public const string LiveStreamsCategory = "LiveStreams";

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        new(RuleIds.InvalidJson, "Mapping is not valid JSON", MappingCategory, Severity.Error, FixSafety.None),
        new(RuleIds.ShapeError, "Mapping shape error", MappingCategory, Severity.Error, FixSafety.None),
        new(RuleIds.LeavesRepository, "Reference leaves the repository", MappingCategory, Severity.Error, FixSafety.None),
        new(RuleIds.ConfigurationProblem, "Configuration problem", MappingCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.FileNotFound, "File not found", CodeCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.RangeBeyondEnd, "Line range beyond the end of the file", CodeCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.SymbolShifted, "Symbol no longer at the referenced lines", CodeCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.FileRenamed, "File was renamed", CodeCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.SymbolMoved, "Symbol moved to another file", CodeCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.SymbolRenamed, "Symbol renamed", CodeCategory, Severity.Error, FixSafety.Unsafe),
        new(RuleIds.SymbolNotFound, "Symbol not found", CodeCategory, Severity.Error, FixSafety.None),
        new(RuleIds.Ambiguous, "Ambiguous reference", CodeCategory, Severity.Error, FixSafety.None),
        new(RuleIds.LinesChanged, "Referenced lines changed", CodeCategory, Severity.Warning, FixSafety.Unsafe),
        new(RuleIds.HeadingMoved, "Doc heading moved", DocsCategory, Severity.Error, FixSafety.Safe),
        new(RuleIds.HeadingNotFound, "Doc heading not found", DocsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.SpecSectionChanged, "Spec section changed since last review", DocsCategory, Severity.Warning, FixSafety.Unsafe),
        new(RuleIds.SpecSectionUncovered, "Spec section covered by no item", DocsCategory, Severity.Info, FixSafety.None),
        // Off by default: teams opt in to spec monitoring by turning it on in .specmap.json.
        new(RuleIds.SpecSectionNotHashed, "Spec section not hashed", DocsCategory, Severity.None, FixSafety.Safe),
        new(RuleIds.StatusContradictsReferences, "Status contradicts references", ConsistencyCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.ScoreDisagrees, "Score disagrees with item scores", ConsistencyCategory, Severity.Warning, FixSafety.Safe),
        new(RuleIds.RequiredFieldMissing, "Required field absent from the model", ConsistencyCategory, Severity.Error, FixSafety.None),
        new(RuleIds.RequiredFieldIncompatible, "Required field has an incompatible type", ConsistencyCategory, Severity.Error, FixSafety.None),
        new(RuleIds.FullScoreWithContractError, "Full score despite a contract error", ConsistencyCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.VerifiedAtUnknown, "verified_at is not in the repository", EnvironmentCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.EventSchemaViolation, "Event does not match its spec schema", LiveStreamsCategory, Severity.Error, FixSafety.None),
        // The default null policy (ProbeOptions.NullForOptional); `error` or `ignore` are one option away.
        new(RuleIds.NullForOptional, "Null sent for an optional property", LiveStreamsCategory, Severity.Info, FixSafety.None),
        new(RuleIds.UnknownEventField, "Event property not in the spec", LiveStreamsCategory, Severity.Info, FixSafety.None),
        new(RuleIds.UnknownEventType, "Event type not in the spec", LiveStreamsCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.EventNotJson, "Event data is not a JSON object with a type", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.SequenceNumberBroken, "sequence_number does not start at 0 and rise by 1", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.CreatedNotFirst, "response.created is not the first event", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.TerminalEventWrong, "Not exactly one terminal event at the end", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.DeltaItemUnannounced, "Event for an item never announced", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.DeltasDisagreeWithDone, "Joined deltas differ from the final text", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.ArgumentsNotJson, "Function call arguments are not valid JSON", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.EventFieldDisagreesWithType, "SSE event field disagrees with the payload type", LiveStreamsCategory, Severity.Error, FixSafety.None),
        new(RuleIds.ImplementedEventNeverFired, "Implemented event never fired", LiveStreamsCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.EventNotMapped, "Event fired but is not mapped", LiveStreamsCategory, Severity.Warning, FixSafety.None),
        new(RuleIds.PayloadContradictsModel, "Payload contradicts the mapped model", LiveStreamsCategory, Severity.Error, FixSafety.None),
    ];

    private static readonly FrozenDictionary<string, RuleDescriptor> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleDescriptor Get(string id) => ById[id];

    public static bool TryGet(string id, out RuleDescriptor? descriptor) => ById.TryGetValue(id.ToUpperInvariant(), out descriptor);
}
