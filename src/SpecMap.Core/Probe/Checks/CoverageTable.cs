using System.Collections.Immutable;

namespace SpecMap.Core.Probe.Checks;

/// <summary>One row per event type seen, mapped or declared in the spec: how often it fired and where it is known.</summary>
internal static class CoverageTable
{
    public static ImmutableArray<ProbeCoverageRow> Build(IReadOnlyList<ParsedStream> streams, EventSchemas spec, ProbeMappingView? mapping)
    {
        var seen = streams.SelectMany(s => s.Events).Where(e => e.Type is not null)
            .GroupBy(e => e.Type!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var types = seen.Keys.Concat(spec.EventTypes).Concat(mapping?.Events.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. types.Select(type => new ProbeCoverageRow(
            type,
            seen.GetValueOrDefault(type),
            mapping?.Find(type) is not null,
            spec.Find(type) is not null,
            mapping?.Find(type)?.MarkedImplemented ?? false))];
    }
}
