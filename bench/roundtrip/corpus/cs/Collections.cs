using System;
using System.Collections;
using System.Collections.Generic;

namespace Corpus.Sdk.Collections
{
    public class PageCollection<T> : IEnumerable<T>, IEquatable<PageCollection<T>>
        where T : class
    {
        private readonly List<T> _items = new();

        public T this[int index]
        {
            get => _items[index];
            set => _items[index] = value;
        }

        public T? this[string id] => null;

        public T this[Index index] => _items[index];

        public int Count => _items.Count;

        public event EventHandler? Changed;

        public PageCollection() { }

        public PageCollection(IEnumerable<T> items) => _items.AddRange(items);

        ~PageCollection() { }

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

        bool IEquatable<PageCollection<T>>.Equals(PageCollection<T>? other) => ReferenceEquals(this, other);

        public void Add(T item) => _items.Add(item);

        public void Add(T item, int times) { for (var i = 0; i < times; i++) _items.Add(item); }

        public void Add(params T[] items) => _items.AddRange(items);

        public bool TryGet(int index, out T? item)
        {
            item = index < _items.Count ? _items[index] : null;
            return item is not null;
        }

        public bool TryGet(ref int index, T? fallback) => index < _items.Count;

        public bool TryGet(in Index index) => true;

        public void Fill(int? count) { }

        public void Fill(int count) { }

        public TResult Map<TResult>(Func<T, TResult> selector) => selector(_items[0]);

        public TResult Map<TResult, TState>(Func<T, TState, TResult> selector, TState state) => selector(_items[0], state);

        public void Map(Action<T> action) => action(_items[0]);

        public static bool operator ==(PageCollection<T>? left, PageCollection<T>? right) => ReferenceEquals(left, right);

        public static bool operator !=(PageCollection<T>? left, PageCollection<T>? right) => !(left == right);

        public static PageCollection<T> operator checked +(PageCollection<T> left, T right) { left.Add(right); return left; }

        public static PageCollection<T> operator +(PageCollection<T> left, T right) { left.Add(right); return left; }

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => _items.Count;

        protected virtual void OnChanged() => Changed?.Invoke(this, EventArgs.Empty);

        public int CountWhere(Func<T, bool> predicate)
        {
            int Local(IEnumerable<T> source)
            {
                var n = 0;
                foreach (var x in source) if (predicate(x)) n++;
                return n;
            }

            static int Twice(int n) => n * 2;

            return Twice(Local(_items)) / 2;
        }

        public sealed class Enumerator
        {
            public T? Current { get; private set; }

            public bool MoveNext() => false;

            private sealed class State
            {
                public int Position;
            }
        }

        public delegate void PageHandler(PageCollection<T> page);
    }

    public struct Cursor<TKey> where TKey : notnull
    {
        public TKey Key;
        public Cursor(TKey key) => Key = key;
        public readonly override string ToString() => Key.ToString() ?? "";
    }

    public enum PageOrder { Ascending = 1, Descending = 2 }
}

namespace Corpus.Sdk.Collections.Internal
{
    internal static class PageHelpers
    {
        internal static int Clamp(int value, int min, int max) => Math.Clamp(value, min, max);
        internal static long Clamp(long value, long min, long max) => Math.Clamp(value, min, max);
        internal static T First<T>(IEnumerable<T> items) { foreach (var i in items) return i; throw new InvalidOperationException(); }
        internal static T First<T>(IEnumerable<T> items, T fallback) { foreach (var i in items) return i; return fallback; }
        internal static T First<T, TArg>(IEnumerable<T> items, TArg arg) { foreach (var i in items) return i; throw new InvalidOperationException(); }
        internal static (int, string) Pair(ValueTuple<int, string> p) => p;
        internal static int[] Ranks(int[][] grid, int[,] square) => grid[0];
        internal static unsafe int Peek(int* p) => *p;
        internal static string Join(string?[]? parts) => string.Join(",", parts ?? []);
        internal static IReadOnlyList<Dictionary<string, List<int>>> Nest(Dictionary<string, List<int>>? seed) => [];
    }
}
