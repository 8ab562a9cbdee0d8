using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Config;

/// <summary>Placeholder: reads `.specmap.json`. The configuration change fills it in.</summary>
internal static class ConfigLoader
{
    public const string FileName = ".specmap.json";

    /// <param name="explicitPath">`--config FILE`, or null for <see cref="FileName"/> at the repository root.</param>
    /// <returns>The configuration and diagnostics about it (unknown keys or IDs), located in the config file.</returns>
    public static (SpecMapConfig Config, ImmutableArray<Diagnostic> Diagnostics) Load(string? explicitPath, string repositoryRoot) =>
        (SpecMapConfig.Default, []);
}
