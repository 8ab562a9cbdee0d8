namespace SpecMap.Core.Diagnostics;

/// <summary>
/// Every public diagnostic ID. Ranges: 00xx the mapping file, 01xx code references, 02xx docs and spec,
/// 03xx status/score/contract consistency, 04xx the repository environment, 05xx live streams (`specmap probe`).
/// Never renumber a shipped ID.
/// </summary>
internal static class RuleIds
{
    public const string InvalidJson = "SMV0001";
    public const string ShapeError = "SMV0002";
    public const string LeavesRepository = "SMV0003";
    public const string ConfigurationProblem = "SMV0004";
    public const string ReferenceNotChecked = "SMV0005";
    public const string UnknownKey = "SMV0006";
    public const string FreeTextStatus = "SMV0007";
    public const string NoMapping = "SMV0008";

    public const string FileNotFound = "SMV0101";
    public const string RangeBeyondEnd = "SMV0102";
    public const string SymbolShifted = "SMV0103";
    public const string FileRenamed = "SMV0104";
    public const string SymbolMoved = "SMV0105";
    public const string SymbolRenamed = "SMV0106";
    public const string SymbolNotFound = "SMV0107";
    public const string Ambiguous = "SMV0108";
    public const string LinesChanged = "SMV0109";
    public const string ContextNamesOtherDeclaration = "SMV0110";
    public const string ItemNotMentioned = "SMV0111";

    public const string HeadingMoved = "SMV0201";
    public const string HeadingNotFound = "SMV0202";
    public const string SpecSectionChanged = "SMV0203";
    public const string SpecSectionUncovered = "SMV0204";
    public const string SpecSectionNotHashed = "SMV0205";

    public const string StatusContradictsReferences = "SMV0301";
    public const string ScoreDisagrees = "SMV0302";
    public const string RequiredFieldMissing = "SMV0303";
    public const string RequiredFieldIncompatible = "SMV0304";
    public const string FullScoreWithContractError = "SMV0305";
    public const string ContractNotChecked = "SMV0306";
    public const string ModelInferred = "SMV0307";

    // Issue 12, the mapping and the code against the OpenAPI document (from SMV0320 up, clear of the `shapes` branch).
    public const string SpecRequiredNotListed = "SMV0320";
    public const string ListedNotRequiredBySpec = "SMV0321";
    public const string ListedTypeDiffersFromSpec = "SMV0322";
    public const string RequestParameterMismatch = "SMV0323";
    public const string SpecItemUnmapped = "SMV0324";
    public const string MappedItemNotInSpec = "SMV0325";
    public const string SpecRequiresUndefinedProperty = "SMV0334";

    /// <summary>The mapping names a spec but pins no version of it, or pins one that differs in nothing the mapping tracks.</summary>
    public const string SpecNotPinned = "SMV0326";

    public const string VerifiedAtUnknown = "SMV0401";
    public const string FileNotChecked = "SMV0402";
    public const string HistoryWalkStopped = "SMV0403";
    public const string ShallowHistory = "SMV0404";

    public const string EventSchemaViolation = "SMV0501";
    public const string NullForOptional = "SMV0502";
    public const string UnknownEventField = "SMV0503";
    public const string UnknownEventType = "SMV0504";
    public const string EventNotJson = "SMV0505";
    public const string SequenceNumberBroken = "SMV0506";
    public const string CreatedNotFirst = "SMV0507";
    public const string TerminalEventWrong = "SMV0508";
    public const string DeltaItemUnannounced = "SMV0509";
    public const string DeltasDisagreeWithDone = "SMV0510";
    public const string ArgumentsNotJson = "SMV0511";
    public const string EventFieldDisagreesWithType = "SMV0512";
    public const string ImplementedEventNeverFired = "SMV0513";
    public const string EventNotMapped = "SMV0514";
    public const string PayloadContradictsModel = "SMV0515";
}
