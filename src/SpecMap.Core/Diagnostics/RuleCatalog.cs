using System.Collections.Frozen;
using System.Collections.Immutable;
using SpecMap.Core.Results;

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
        new(RuleIds.InvalidJson, "Mapping is not valid JSON", Severity.Error, FixSafety.None),
        new(RuleIds.ShapeError, "Mapping shape error", Severity.Error, FixSafety.None),
        new(RuleIds.LeavesRepository, "Reference leaves the repository", Severity.Error, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.ConfigurationProblem, "Configuration problem", Severity.Warning, FixSafety.None),
        new(RuleIds.ReferenceNotChecked, "Reference not checked", Severity.Warning, FixSafety.None),
        new(RuleIds.UnknownKey, "Unknown key close to a known one", Severity.Info, FixSafety.None),
        new(RuleIds.FreeTextStatus, "Status in free text", Severity.Info, FixSafety.None),
        new(RuleIds.NoMapping, "No mapping found", Severity.Warning, FixSafety.None),
        new(RuleIds.FileNotFound, "File not found", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.RangeBeyondEnd, "Line range beyond the end of the file", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.SymbolShifted, "Symbol no longer at the referenced lines", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.FileRenamed, "File was renamed", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.SymbolMoved, "Symbol moved to another file", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.SymbolRenamed, "Symbol renamed", Severity.Error, FixSafety.Unsafe, ReferenceEffect.Relocated),
        new(RuleIds.SymbolNotFound, "Symbol not found", Severity.Error, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.Ambiguous, "Ambiguous reference", Severity.Error, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.LinesChanged, "Referenced lines changed", Severity.Warning, FixSafety.Unsafe, ReferenceEffect.Relocated),
        new(RuleIds.ContextNamesOtherDeclaration, "Lines hold another declaration than the item names", Severity.Warning, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.ItemNotMentioned, "Referenced code never mentions the item", Severity.Warning, FixSafety.None),
        new(RuleIds.HeadingMoved, "Doc heading moved", Severity.Error, FixSafety.Safe, ReferenceEffect.Relocated),
        new(RuleIds.HeadingNotFound, "Doc heading not found", Severity.Error, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.SpecSectionChanged, "Spec section changed since last review", Severity.Warning, FixSafety.Unsafe),
        new(RuleIds.SpecSectionUncovered, "Spec section covered by no item", Severity.Info, FixSafety.None),
        // Off by default: teams opt in to spec monitoring by turning it on in .specmap.json.
        new(RuleIds.SpecSectionNotHashed, "Spec section not hashed", Severity.None, FixSafety.Safe),
        new(RuleIds.StatusContradictsReferences, "Status contradicts references", Severity.Warning, FixSafety.None),
        new(RuleIds.ScoreDisagrees, "Score disagrees with item scores", Severity.Warning, FixSafety.Safe),
        new(RuleIds.RequiredFieldMissing, "Required field absent from the model", Severity.Error, FixSafety.None),
        new(RuleIds.RequiredFieldIncompatible, "Required field has an incompatible type", Severity.Error, FixSafety.None),
        new(RuleIds.FullScoreWithContractError, "Full score despite a contract error", Severity.Warning, FixSafety.None),
        new(RuleIds.ContractNotChecked, "Contract not checked", Severity.Info, FixSafety.None),
        new(RuleIds.ModelInferred, "Model found without a model key", Severity.Info, FixSafety.None),
        new(RuleIds.SpecRequiredNotListed, "Spec-required field missing from required_fields", Severity.Warning, FixSafety.None),
        new(RuleIds.ListedNotRequiredBySpec, "required_fields lists a field the spec does not require", Severity.Warning, FixSafety.None),
        new(RuleIds.ListedTypeDiffersFromSpec, "required_fields type differs from the spec", Severity.Warning, FixSafety.None),
        new(RuleIds.RequestParameterMismatch, "Request model parameter missing or of another type", Severity.Error, FixSafety.None),
        new(RuleIds.SpecItemUnmapped, "Spec item mapped by no item", Severity.Info, FixSafety.None),
        new(RuleIds.MappedItemNotInSpec, "Mapped item not found in the spec", Severity.Warning, FixSafety.None),
        new(RuleIds.SpecNotPinned, "Spec version not pinned", Severity.Info, FixSafety.Safe),
        new(RuleIds.SpecRequiresUndefinedProperty, "Spec requires a property it does not define", Severity.Warning, FixSafety.None),
        new(RuleIds.VerifiedAtUnknown, "verified_at is not in the repository", Severity.Warning, FixSafety.None),
        new(RuleIds.FileNotChecked, "File not checked", Severity.Warning, FixSafety.None, ReferenceEffect.Broken),
        new(RuleIds.HistoryWalkStopped, "History walk for the baseline stopped at its bound", Severity.Warning, FixSafety.None),
        new(RuleIds.ShallowHistory, "History walk for the baseline ended at a shallow clone's boundary", Severity.Warning, FixSafety.None),
        new(RuleIds.EventSchemaViolation, "Event does not match its spec schema", Severity.Error, FixSafety.None),
        // The default null policy (ProbeOptions.NullForOptional); `error` or `ignore` are one option away.
        new(RuleIds.NullForOptional, "Null sent for an optional property", Severity.Info, FixSafety.None),
        new(RuleIds.UnknownEventField, "Event property not in the spec", Severity.Info, FixSafety.None),
        new(RuleIds.UnknownEventType, "Event type not in the spec", Severity.Warning, FixSafety.None),
        new(RuleIds.EventNotJson, "Event data is not a JSON object with a type", Severity.Error, FixSafety.None),
        new(RuleIds.SequenceNumberBroken, "sequence_number does not start at 0 and rise by 1", Severity.Error, FixSafety.None),
        new(RuleIds.CreatedNotFirst, "response.created is not the first event", Severity.Error, FixSafety.None),
        new(RuleIds.TerminalEventWrong, "Not exactly one terminal event at the end", Severity.Error, FixSafety.None),
        new(RuleIds.DeltaItemUnannounced, "Event for an item never announced", Severity.Error, FixSafety.None),
        new(RuleIds.DeltasDisagreeWithDone, "Joined deltas differ from the final text", Severity.Error, FixSafety.None),
        new(RuleIds.ArgumentsNotJson, "Function call arguments are not valid JSON", Severity.Error, FixSafety.None),
        new(RuleIds.EventFieldDisagreesWithType, "SSE event field disagrees with the payload type", Severity.Error, FixSafety.None),
        new(RuleIds.ImplementedEventNeverFired, "Implemented event never fired", Severity.Warning, FixSafety.None),
        new(RuleIds.EventNotMapped, "Event fired but is not mapped", Severity.Warning, FixSafety.None),
        new(RuleIds.PayloadContradictsModel, "Payload contradicts the mapped model", Severity.Error, FixSafety.None),
    ];

    private static readonly FrozenDictionary<string, RuleDescriptor> ById = All.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);

    public static RuleDescriptor Get(string id) => ById[id];

    /// <summary>A diagnostic of rule <paramref name="id"/> at its default severity: the one way every stage reports one.</summary>
    public static Diagnostic Create(string id, string message, MappingLocation location, string pointer, MappingFix? fix = null,
        ImmutableArray<CodeLocation> related = default, ReferenceResult? reference = null) =>
        Get(id).Create(message, location, pointer, fix, related, reference);

    /// <summary>The category of an ID's range (contract §7); ShippedRules.txt records it per shipped ID.</summary>
    public static string CategoryOf(string id) => id.Length == 7 && id.StartsWith("SMV0", StringComparison.Ordinal)
        ? id[4] switch
        {
            '0' => MappingCategory,
            '1' => CodeCategory,
            '2' => DocsCategory,
            '3' => ConsistencyCategory,
            '4' => EnvironmentCategory,
            '5' => LiveStreamsCategory,
            _ => throw new ArgumentException($"{id} lies in no category range", nameof(id)),
        }
        : throw new ArgumentException($"{id} is not a diagnostic ID", nameof(id));

    public static bool TryGet(string id, out RuleDescriptor? descriptor) => ById.TryGetValue(id.ToUpperInvariant(), out descriptor);
}
