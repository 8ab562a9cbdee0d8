using System.Collections.Immutable;
using System.Globalization;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Core.Output;

/// <summary>One scored item of a section: its label (member name, `name`/`id`, or index) and `compliance_score`.</summary>
internal sealed record ItemScore(string Item, double Score);

/// <summary>A section's scores as the mapping records them.</summary>
/// <param name="Declared">The section's own score (`{section}_compliance_score` at the top level, or a score key inside the section object), or null.</param>
/// <param name="Items">How many items the section holds (scored or not).</param>
internal sealed record SectionScores(string Section, double? Declared, int Items, ImmutableArray<ItemScore> ItemScores)
{
    /// <summary>The mean of the item scores, or null when no item is scored.</summary>
    public double? Mean => ItemScores.IsEmpty ? null : ItemScores.Average(i => i.Score);

    /// <summary>What dashboards show: the declared score, else the items' mean.</summary>
    public double? Score => Declared ?? Mean;
}

/// <summary>Reads the compliance scores a mapping records (contract §4): overall, per section (a top-level member holding items), per item.</summary>
internal static class ComplianceScores
{
    public static double? Overall(MappingDocument document) => MappingScores.Overall(document.Root);

    /// <summary>The sections in document order (a section holds at least one object item).</summary>
    public static ImmutableArray<SectionScores> Sections(MappingDocument document)
    {
        if (document.Root is not JsonObjectNode root)
        {
            return [];
        }
        var sections = ImmutableArray.CreateBuilder<SectionScores>();
        foreach (var member in root.Members)
        {
            var items = Items(member.Value);
            if (items.Count == 0)
            {
                continue;
            }
            var scores = items
                .Select(i => (i.Label, Score: MappingScores.Own(i.Node)))
                .Where(i => i.Score is not null)
                .Select(i => new ItemScore(i.Label, i.Score!.Value))
                .ToImmutableArray();
            var declared = root.Get(MappingScores.SectionKey(member.Name)) is { } top ? MappingScores.Read(top)
                : member.Value is JsonObjectNode section ? MappingScores.Own(section) : null;
            sections.Add(new SectionScores(member.Name, declared, items.Count, scores));
        }
        return sections.ToImmutable();
    }

    /// <summary>The section's object items with labels made unique (a repeated name gets its index), since a series needs distinct labels.</summary>
    private static List<(string Label, JsonObjectNode Node)> Items(JsonValueNode section)
    {
        var items = RawItems(section);
        var repeated = items.GroupBy(i => i.Label, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return [.. items.Select((item, index) => repeated.Contains(item.Label)
            ? (string.Create(CultureInfo.InvariantCulture, $"{item.Label} [{index}]"), item.Node)
            : item)];
    }

    private static List<(string Label, JsonObjectNode Node)> RawItems(JsonValueNode section) => section switch
    {
        JsonArrayNode array => [.. array.Items
            .Select((node, index) => (node, index))
            .Where(x => x.node is JsonObjectNode)
            .Select(x => (ArrayItemLabel((JsonObjectNode)x.node, x.index), (JsonObjectNode)x.node))],
        JsonObjectNode obj => [.. obj.Members.Where(m => m.Value is JsonObjectNode).Select(m => (m.Name, (JsonObjectNode)m.Value))],
        _ => [],
    };

    private static string ArrayItemLabel(JsonObjectNode item, int index) =>
        MappingKeys.LabelKeys.Select(item.GetString).FirstOrDefault(label => label is not null) ?? index.ToString(CultureInfo.InvariantCulture);
}
