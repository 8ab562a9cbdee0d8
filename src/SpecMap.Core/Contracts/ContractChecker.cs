using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>What contract checks read: the snapshot checked and how to resolve paths in it.</summary>
internal sealed record ContractContext(ISourceTree Tree, PathResolver Paths, Outliners Outliners);

/// <summary>Placeholder: SMV0303/SMV0304 (required fields against the model class) land in their own change.</summary>
internal static class ContractChecker
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, ContractContext context) => [];
}
