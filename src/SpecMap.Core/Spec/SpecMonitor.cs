using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;

namespace SpecMap.Core.Spec;

/// <summary>What spec monitoring reads.</summary>
/// <param name="Baseline">The tree the mapping was verified at (for the word diff of a changed section), or null.</param>
internal sealed record SpecContext(ISourceTree Tree, ISourceTree? Baseline, Outliners Outliners, SpecMapConfig Config);

/// <summary>Placeholder: SMV0203/SMV0204 (spec hashes, uncovered sections, coverage) land in their own change.</summary>
internal static class SpecMonitor
{
    public static (IEnumerable<Diagnostic> Diagnostics, SpecCoverage? Coverage) Check(
        MappingDocument document, IReadOnlyList<ReferenceResult> references, SpecContext context) => ([], null);
}
