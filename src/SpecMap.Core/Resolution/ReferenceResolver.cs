using SpecMap.Core.Diagnostics;
using SpecMap.Core.References;
using SpecMap.Core.Validation;

namespace SpecMap.Core.Resolution;

/// <summary>Placeholder: checks only that the file exists. Symbol, range and history resolution land in their own change.</summary>
internal sealed class ReferenceResolver(ResolutionContext context)
{
    /// <param name="path">The repository path the reference was resolved to.</param>
    public ResolutionOutcome Resolve(MappingReference reference, string path)
    {
        var file = context.Target.Read(path);
        if (file is null)
        {
            return ResolutionOutcome.Lost(new Finding(RuleIds.FileNotFound, $"'{path}' does not exist in {context.Target.Description}"));
        }
        var start = reference.Start ?? 1;
        var end = reference.End ?? file.LineCount;
        return new ResolutionOutcome(ReferenceStatus.Ok, new ResolvedTarget(path, start, end, reference.Symbol), HowFound.Exact, 1, []);
    }
}
