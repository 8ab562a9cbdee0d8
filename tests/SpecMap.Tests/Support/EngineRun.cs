using SpecMap.Core.Results;
using SpecMap.Core.Validation;

namespace SpecMap.Tests.Support;

/// <summary>The real engine on one mapping of a test repository's work tree.</summary>
internal static class EngineRun
{
    /// <param name="mapping">The mapping's path, relative to the repository root (or full).</param>
    public static MappingReport Validate(TestRepository repository, string mapping) =>
        Assert.Single(new Validator().Validate(new ValidationRequest(repository.Root, [mapping])).Mappings);
}
