using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Validation;

namespace SpecMap.Core.Fixes;

/// <summary>Placeholder: turns a relocated reference into a format-preserving edit. Lands with the fixes change.</summary>
internal static class FixBuilder
{
    /// <summary>The fix for <paramref name="finding"/> on <paramref name="result"/>'s reference, or null when there is none.</summary>
    public static MappingFix? ForReference(MappingDocument document, ReferenceResult result, Finding finding, double renameThreshold) => null;

    /// <summary>The edit that records `verified_at` = <paramref name="commitId"/>, or null when it already holds it.</summary>
    public static MappingEdit? VerifiedAt(MappingDocument document, string commitId) => null;
}
