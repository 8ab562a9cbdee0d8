using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Mapping;

/// <summary>SMV0008: a run that found no mapping to check says so, instead of passing with nothing checked.</summary>
internal static class NoMappingFound
{
    public static IEnumerable<Diagnostic> Check(int mappings, SpecMapConfig config, string workingDirectory, string repositoryRoot)
    {
        if (mappings > 0)
        {
            yield break;
        }
        var globs = config.Mappings.IsDefaultOrEmpty ? SpecMapConfig.DefaultMappingGlobs : config.Mappings;
        var configFile = Path.Combine(repositoryRoot, ConfigLoader.FileName);
        var shown = Path.GetRelativePath(workingDirectory, File.Exists(configFile) ? configFile : repositoryRoot).Replace(Path.DirectorySeparatorChar, '/');
        yield return RuleCatalog.Create(RuleIds.NoMapping,
            $"no mapping file found in the repository (looked for {string.Join(", ", globs)}): nothing was checked; name one on the command line or set 'mappings' in {ConfigLoader.FileName}",
            new MappingLocation(shown, 1, 1), string.Empty);
    }
}
