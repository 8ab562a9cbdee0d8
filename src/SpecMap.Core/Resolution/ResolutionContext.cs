using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Resolution;

/// <summary>What resolving references needs: the snapshot checked, and the snapshot the mapping's lines belong to.</summary>
/// <param name="Target">The tree checked against (work tree, index or `--against` commit).</param>
/// <param name="Baseline">The tree at the commit the lines belong to (contract §1), or null when unknown (no git, SMV0401).</param>
/// <param name="Git">The git repository (for the files changed since the baseline), or null when the folder is not one.</param>
/// <param name="Paths">Reads a written path as a repository path in the target (with the mapping's `docs_root`).</param>
/// <param name="RenameConfidenceThreshold">Below it a rename guess is reported as lost rather than relocated.</param>
internal sealed record ResolutionContext(
    ISourceTree Target,
    ISourceTree? Baseline,
    GitRepository? Git,
    PathResolver Paths,
    Outliners Outliners,
    double RenameConfidenceThreshold);
