namespace SpecMap.Core.Caching;

/// <summary>
/// A <see cref="BoundedCache{TKey, TValue}"/> that several threads may share (the process-wide outline cache). The value
/// is made outside the lock: two threads missing the same key at once both make it, and one result is kept.
/// </summary>
internal sealed class LockedCache<TKey, TValue>(long maxWeight, Func<TValue, long> weigh)
    where TKey : notnull
{
    private readonly BoundedCache<TKey, TValue> _cache = new(maxWeight, weigh);
    private readonly Lock _lock = new();

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        var value = make(key);
        lock (_lock)
        {
            _cache.Set(key, value);
        }
        return value;
    }
}
