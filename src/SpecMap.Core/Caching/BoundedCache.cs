namespace SpecMap.Core.Caching;

/// <summary>
/// A least-recently-used map bounded by the total weight of its values (characters of text, entries): a run keeps
/// what its next references are likely to read again (the same file, the candidates of a search) and lets the rest
/// go, so memory stays flat however many references a mapping has. Not thread-safe; one per snapshot.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(long maxWeight, Func<TValue, long> weigh, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value, long Weight)>> _nodes = new(comparer);
    private readonly LinkedList<(TKey Key, TValue Value, long Weight)> _order = new();
    private long _weight;

    public bool ContainsKey(TKey key) => _nodes.ContainsKey(key);

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_nodes.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        if (_nodes.Remove(key, out var old))
        {
            _order.Remove(old);
            _weight -= old.Value.Weight;
        }
        var weight = Math.Max(1, weigh(value));
        _nodes[key] = _order.AddFirst((key, value, weight));
        _weight += weight;
        // The newest entry stays even when it alone is over the bound: it is what the caller reads next.
        while (_weight > maxWeight && _order.Last is { } last && last != _order.First)
        {
            _order.RemoveLast();
            _nodes.Remove(last.Value.Key);
            _weight -= last.Value.Weight;
        }
    }
}
