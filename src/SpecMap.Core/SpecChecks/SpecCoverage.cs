using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;

namespace SpecMap.Core.SpecChecks;

/// <summary>SMV0324: events, request parameters and endpoints of the tracked part of the spec that no item maps.
/// A kind is counted only when the mapping has a section of that kind (a mapping of events alone is not told about
/// every request parameter).</summary>
internal static class SpecCoverage
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, OpenApiSpec spec, IReadOnlyList<SpecEndpoint> tracked, IReadOnlyList<SpecItem> items, SpecReference reference)
    {
        var location = document.LocationOf(reference.Offset);
        var pointer = reference.Pointer ?? string.Empty;
        var kinds = items.Select(i => i.Kind).ToHashSet();
        var mapped = items.Where(i => i.Found).Select(i => (i.Kind, i.Label)).ToHashSet();
        var unmapped = new List<string>();
        if (kinds.Contains(SpecItemKind.Event))
        {
            unmapped.AddRange(tracked.SelectMany(e => e.StreamEvents).Select(e => e.Name).Distinct(StringComparer.Ordinal)
                .Where(name => !mapped.Contains((SpecItemKind.Event, name))).Select(name => $"event '{name}'"));
        }
        if (kinds.Contains(SpecItemKind.Parameter))
        {
            unmapped.AddRange(tracked.SelectMany(e => spec.RequestFields(e)).Select(f => f.Name).Distinct(StringComparer.Ordinal)
                .Where(name => !mapped.Contains((SpecItemKind.Parameter, name))).Select(name => $"request parameter '{name}'"));
        }
        if (kinds.Contains(SpecItemKind.Endpoint))
        {
            var endpoints = items.Where(i => i.Kind == SpecItemKind.Endpoint).Select(i => spec.FindEndpoint(i.Label)?.Name).ToHashSet(StringComparer.Ordinal);
            unmapped.AddRange(tracked.Where(e => !endpoints.Contains(e.Name)).Select(e => $"endpoint '{e.Name}'"));
        }
        return unmapped.Order(StringComparer.Ordinal).Select(what =>
            RuleCatalog.Create(RuleIds.SpecItemUnmapped, $"{what} of {reference.Location} is mapped by no item; add an item for it (`specmap init --update` adds every missing one)", location, pointer));
    }
}
