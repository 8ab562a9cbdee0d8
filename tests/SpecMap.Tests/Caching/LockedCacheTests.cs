using SpecMap.Core.Caching;

namespace SpecMap.Tests.Caching;

/// <summary>The shared, bounded cache behind the process-wide outline cache.</summary>
public sealed class LockedCacheTests
{
    [Fact]
    public void Makes_a_value_once_and_lets_the_least_recently_used_go_past_the_bound()
    {
        var made = new List<string>();
        var cache = new LockedCache<string, string>(maxWeight: 2, weigh: _ => 1);
        string Get(string key) => cache.GetOrAdd(key, k =>
        {
            made.Add(k);
            return k.ToUpperInvariant();
        });

        Assert.Equal("A", Get("a"));
        Assert.Equal("B", Get("b"));
        Assert.Equal("A", Get("a"));
        // Over the bound: b, the least recently used, goes; a stays.
        Assert.Equal("C", Get("c"));
        Assert.Equal("A", Get("a"));
        Assert.Equal("B", Get("b"));
        Assert.Equal(["a", "b", "c", "b"], made);
    }

    [Fact]
    public void Threads_sharing_it_all_get_the_value_of_their_key()
    {
        var cache = new LockedCache<int, int>(maxWeight: 50, weigh: _ => 1);
        var wrong = 0;
        Parallel.For(0, 2000, i =>
        {
            var key = i % 100;
            if (cache.GetOrAdd(key, k => k * 3) != key * 3)
            {
                Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }
}
