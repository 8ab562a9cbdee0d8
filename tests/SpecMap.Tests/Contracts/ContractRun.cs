using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>Runs the real <see cref="Validator"/> on a test repository's mapping.</summary>
internal static class ContractRun
{
    public static ImmutableArray<Diagnostic> Validate(TestRepository repository, string mapping = "SPEC_TO_CODE_MAPPING.json", string? against = null) =>
        Report(repository, mapping, against).Diagnostics;

    /// <summary>The whole report of the one mapping: references with their outcomes, diagnostics, ignored keys.</summary>
    public static MappingReport Report(TestRepository repository, string mapping = "SPEC_TO_CODE_MAPPING.json", string? against = null)
    {
        var report = new Validator().Validate(new ValidationRequest(repository.Root, [repository.PathOf(mapping)], Repo: repository.Root, Against: against));
        return Assert.Single(report.Mappings);
    }

    public static string Show(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Pointer} ({d.Location.Line},{d.Location.Column}): {d.Message}"));
}
