using SpecMap.Core.OpenApi;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// The diff of two spec versions told per mapped item: an event's changes go to the items that map the event, a request
/// body's changes to the parameter item of the changed property (else to the endpoint's item), an endpoint added or
/// removed to the endpoint's item. What concerns no item is kept only when it adds or removes a part of a kind the
/// mapping has a section for (as SMV0324 counts coverage): a new event, a removed request parameter, a new endpoint.
/// </summary>
internal sealed class ItemChanges
{
    private const string EventPrefix = "event ";
    private const string RequestPrefix = "request ";

    private readonly Dictionary<SpecItem, List<string>> _perItem = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<SpecItem> _items;

    private ItemChanges(IReadOnlyList<SpecItem> items) => _items = items;

    /// <summary>Each changed item (in mapping order) with its changes as clauses.</summary>
    public IEnumerable<(SpecItem Item, List<string> Clauses)> PerItem => _items.Where(_perItem.ContainsKey).Select(i => (i, _perItem[i]));

    /// <summary>Parts of the tracked spec added or removed that no item maps, in diff order.</summary>
    public List<UnmappedChange> Unmapped { get; } = [];

    public static ItemChanges Of(OpenApiSpec older, OpenApiSpec newer, SpecReference reference, IReadOnlyList<SpecItem> items)
    {
        var result = new ItemChanges(items);
        var kinds = items.Select(i => i.Kind).ToHashSet();
        var (oldTracked, newTracked) = (SpecChecker.Tracked(older, reference.Paths), SpecChecker.Tracked(newer, reference.Paths));
        var events = items.Where(i => i.Kind == SpecItemKind.Event).Select(i => i.Label)
            .Concat(oldTracked.Concat(newTracked).SelectMany(e => e.StreamEvents).Select(e => e.Name))
            .Distinct(StringComparer.Ordinal);
        var endpoints = oldTracked.Concat(newTracked).Select(e => e.Name).Distinct(StringComparer.Ordinal);
        var diff = SpecDiff.Compare(older, newer, new SpecDiffScope([.. events], [.. endpoints], EventsOf: null));

        foreach (var change in diff.Changes)
        {
            if (change.Item.StartsWith(EventPrefix, StringComparison.Ordinal))
            {
                var name = change.Item[EventPrefix.Length..];
                result.Tell(items.Where(i => i.Kind == SpecItemKind.Event && i.Label == name), SpecDiffFormatter.Clause(change, "property"),
                    kinds.Contains(SpecItemKind.Event) && IsWhole(change) ? new UnmappedChange("event", name, IsAdded(change)) : null);
                continue;
            }
            var endpoint = change.Item[RequestPrefix.Length..];
            var top = change.Field is null ? null : TopField(change.Field);
            var parameters = items.Where(i => i.Kind == SpecItemKind.Parameter && i.Label == top && ParameterEndpoint(newer, newTracked, i.Label, older, oldTracked) == endpoint).ToList();
            var owners = parameters.Count > 0 ? parameters : items.Where(i => i.Kind == SpecItemKind.Endpoint && EndpointOf(i, newer, older) == endpoint);
            var isParameter = change.Kind is SpecChangeKind.FieldAdded or SpecChangeKind.FieldRemoved && top == change.Field;
            result.Tell(owners, change.Field is null ? $"request body {SpecDiffFormatter.Clause(change, "request property")}" : SpecDiffFormatter.Clause(change, "request property"),
                kinds.Contains(SpecItemKind.Parameter) && isParameter ? new UnmappedChange($"request parameter of {endpoint}", top!, IsAdded(change)) : null);
        }

        var (oldNames, newNames) = (oldTracked.Select(e => e.Name).ToHashSet(StringComparer.Ordinal), newTracked.Select(e => e.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var name in newNames.Union(oldNames).Order(StringComparer.Ordinal).Where(n => oldNames.Contains(n) != newNames.Contains(n)))
        {
            var change = newNames.Contains(name) ? "added to the spec" : "removed from the spec";
            result.Tell(items.Where(i => i.Kind == SpecItemKind.Endpoint && EndpointOf(i, newer, older) == name), change,
                kinds.Contains(SpecItemKind.Endpoint) ? new UnmappedChange("endpoint", name, newNames.Contains(name)) : null);
        }
        return result;
    }

    /// <summary>Gives the clause to each owner; with none, keeps <paramref name="unmapped"/> (when not null) for the pin's finding.</summary>
    private void Tell(IEnumerable<SpecItem> owners, string clause, UnmappedChange? unmapped)
    {
        var any = false;
        foreach (var owner in owners)
        {
            any = true;
            if (!_perItem.TryGetValue(owner, out var clauses))
            {
                _perItem[owner] = clauses = [];
            }
            clauses.Add(clause);
        }
        if (!any && unmapped is not null)
        {
            Unmapped.Add(unmapped);
        }
    }

    private static bool IsWhole(SpecChange change) => change.Kind is SpecChangeKind.ItemAdded or SpecChangeKind.ItemRemoved;

    private static bool IsAdded(SpecChange change) => change.Kind is SpecChangeKind.ItemAdded or SpecChangeKind.FieldAdded;

    /// <summary>`tools` for `tools[].type` or `tools.type`.</summary>
    private static string TopField(string field)
    {
        var end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    /// <summary>The spec's name of the endpoint an endpoint item maps (`POST /responses` for `POST /v1/responses`), in either version.</summary>
    private static string? EndpointOf(SpecItem item, OpenApiSpec newer, OpenApiSpec older) =>
        (newer.FindEndpoint(item.Label) ?? older.FindEndpoint(item.Label))?.Name;

    /// <summary>The tracked endpoint whose request body has the parameter, as <see cref="SpecItems"/> matches it: the first, in either version.</summary>
    private static string? ParameterEndpoint(OpenApiSpec newer, IReadOnlyList<SpecEndpoint> newTracked, string name, OpenApiSpec older, IReadOnlyList<SpecEndpoint> oldTracked) =>
        (newTracked.FirstOrDefault(e => newer.RequestFields(e).Any(f => f.Name == name)) ?? oldTracked.FirstOrDefault(e => older.RequestFields(e).Any(f => f.Name == name)))?.Name;
}

/// <summary>A part of the spec no item maps that the new version adds or removes.</summary>
/// <param name="What">`event`, `endpoint`, `request parameter of POST /responses`.</param>
internal sealed record UnmappedChange(string What, string Name, bool Added);
