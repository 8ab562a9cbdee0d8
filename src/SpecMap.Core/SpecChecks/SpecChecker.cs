using System.Collections.Immutable;
using SpecMap.Core.Config;
using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.SpecChecks;

/// <summary>What the spec checks read: the snapshot checked, where its repository lives (for the spec cache), the config.</summary>
internal sealed record SpecCheckContext(ISourceTree Tree, Outliners Outliners, string RepositoryRoot, SpecMapConfig Config)
{
    /// <summary>The repository, for finding the pinned spec version in history; null when there is none.</summary>
    public GitRepository? Git { get; init; }
}

/// <summary>
/// Issue 12: the mapping and the code against the OpenAPI document the mapping (or `.specmap.json`) names.
/// SMV0320–SMV0322 when `required_fields` disagrees with the spec; SMV0303/SMV0304 for the spec's required fields
/// on the model directly (so a names-only or absent `required_fields` is still checked); SMV0323 for the request
/// model against a parameter; SMV0324 for spec parts no item maps; SMV0325 for an item the spec does not have;
/// SMV0203/SMV0326 for the spec version the mapping pins (<see cref="SpecVersionCheck"/>).
/// An unreadable spec is SMV0004. Without a spec nothing here runs.
/// </summary>
internal static class SpecChecker
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> results, SpecCheckContext context) =>
        Check(document, results, context, out _);

    /// <param name="checkedModels">The spec schema of each event item whose model the spec check compares (by item pointer), for the contract checks.</param>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> results, SpecCheckContext context,
        out IReadOnlyDictionary<string, SpecSchema> checkedModels)
    {
        checkedModels = new Dictionary<string, SpecSchema>(StringComparer.Ordinal);
        if (SpecSource.Find(document, context.Config.SpecOpenApi, context.Config.SpecPaths) is not { } reference)
        {
            return [];
        }
        LoadedSpec loaded;
        try
        {
            loaded = SpecSource.Read(reference, context.Tree, context.RepositoryRoot);
        }
        catch (OpenApiReadException e)
        {
            return [RuleCatalog.Create(RuleIds.ConfigurationProblem, $"the spec cannot be read, so nothing is checked against it: {e.Message}",
                document.LocationOf(reference.Offset), reference.Pointer ?? string.Empty)];
        }
        var spec = loaded.Spec;
        var tracked = Tracked(spec, reference.Paths);
        var items = SpecItems.Match(document, spec, tracked);
        var models = new SpecModels(results, new ContractContext(context.Tree, context.Outliners), spec);
        checkedModels = items.Where(i => i.Kind == SpecItemKind.Event && i.Schema is not null)
            .ToDictionary(i => i.Pointer, i => i.Schema!, StringComparer.Ordinal);
        var found = new List<Diagnostic>();
        foreach (var item in items)
        {
            var location = document.LocationOf(item.Node.Start);
            if (!item.Found)
            {
                found.Add(RuleCatalog.Create(RuleIds.MappedItemNotInSpec, NotFoundMessage(item, reference), location, item.Pointer));
                continue;
            }
            if (item.Kind == SpecItemKind.Event && item.Schema is { } schema)
            {
                found.AddRange(MappingAgainstSpec.Check(document, item, schema));
                found.AddRange(ModelAgainstSpec.Check(document, item, schema, models));
            }
            if (item.Kind == SpecItemKind.Parameter && item.Field is { } parameter)
            {
                found.AddRange(RequestModelAgainstSpec.Check(document, item, parameter, items, models));
            }
        }
        found.AddRange(SpecCoverage.Check(document, spec, tracked, items, reference));
        found.AddRange(SpecVersionCheck.Check(document, reference, loaded, items, context));
        return found;
    }

    /// <summary>The endpoints under the tracked path prefixes (a server prefix such as `/v1` may be written), or all.</summary>
    public static IReadOnlyList<SpecEndpoint> Tracked(OpenApiSpec spec, ImmutableArray<string> prefixes)
    {
        if (prefixes.IsDefaultOrEmpty)
        {
            return spec.Endpoints;
        }
        var wanted = prefixes
            .SelectMany(p => EndpointPaths.WithoutServerPrefix(EndpointPaths.Normalize(p), spec.ServerPaths))
            .Select(p => p.TrimEnd('/'))
            .ToList();
        return [.. spec.Endpoints.Where(e => EndpointPaths.Normalize(e.Path) is var path && wanted.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal)))];
    }

    private static string NotFoundMessage(SpecItem item, SpecReference reference) => item.Kind switch
    {
        SpecItemKind.Event => $"event '{item.Label}' is not a member of any stream in {reference.Location}; correct the name, or remove the item if the spec dropped it",
        SpecItemKind.Parameter => $"request parameter '{item.Label}' is not a property of the tracked endpoints' request bodies in {reference.Location}; correct the name, or remove the item if the spec dropped it",
        _ => $"endpoint '{item.Label}' is not in {reference.Location}; correct the name, or remove the item if the spec dropped it",
    };
}
