namespace SpecMap.Core.Sources;

/// <summary>Why a path of a source tree is not read: it leaves the repository (SMV0003), or it cannot be checked
/// (SMV0402: too large, not a regular file, binary, a Git LFS pointer). <see cref="Reason"/> completes "'PATH' …".</summary>
internal sealed record PathProblem(bool LeavesRepository, string Reason)
{
    public static PathProblem Outside(string reason) => new(true, reason);

    public static PathProblem NotChecked(string reason) => new(false, $"is not checked, because {reason}");
}
