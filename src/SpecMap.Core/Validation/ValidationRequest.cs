using System.Collections.Immutable;

namespace SpecMap.Core.Validation;

/// <summary>One `specmap validate` run, as the CLI parsed it. Immutable; the engine reads no globals.</summary>
/// <param name="WorkingDirectory">Relative paths (mappings, --repo) are read from here.</param>
/// <param name="MappingPaths">Mapping files named on the command line; empty means discover them.</param>
/// <param name="Repo">`--repo`, or null for the git top-level of the working directory.</param>
/// <param name="Against">`--against REV`, or null.</param>
/// <param name="Staged">`--staged`: read code and mappings from the index.</param>
/// <param name="ConfigPath">`--config`, or null for `.specmap.json` at the repository root.</param>
/// <param name="IndexFile">Staged mode: the index to read instead of `.git/index` (git's GIT_INDEX_FILE inside a hook, e.g. `commit -a`).</param>
internal sealed record ValidationRequest(
    string WorkingDirectory,
    ImmutableArray<string> MappingPaths,
    string? Repo = null,
    string? Against = null,
    bool Staged = false,
    string? ConfigPath = null,
    string? IndexFile = null);
