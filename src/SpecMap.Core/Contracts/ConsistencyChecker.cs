using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Validation;

namespace SpecMap.Core.Contracts;

/// <summary>Placeholder: SMV0301/SMV0302 (statuses and scores against references) land in their own change.</summary>
internal static class ConsistencyChecker
{
    /// <param name="earlier">Diagnostics found so far (an item with SMV0303/SMV0304 may not keep score 100).</param>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> references, IReadOnlyList<Diagnostic> earlier) => [];
}
