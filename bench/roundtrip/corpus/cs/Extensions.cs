using System;
using System.Collections.Generic;
using System.Linq;

namespace Corpus.Sdk.Extensions;

/// <summary>C# 14 extension blocks next to classic extension methods.</summary>
public static class EnumerableExtensions
{
    extension<TSource>(IEnumerable<TSource> source)
    {
        public bool IsEmpty => !source.Any();

        public IEnumerable<TSource> WhereNot(Func<TSource, bool> predicate) => source.Where(x => !predicate(x));

        public static IEnumerable<TSource> Identity => [];
    }

    extension(string text)
    {
        public int WordCount() => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

        public string Shout => text.ToUpperInvariant();
    }

    extension(string? text)
    {
        public bool IsBlank() => string.IsNullOrWhiteSpace(text);
    }

    public static int WordCount(this string text, char separator) => text.Split(separator).Length;

    public static IEnumerable<T> Page<T>(this IEnumerable<T> items, int size) => items.Take(size);

    public static IEnumerable<T> Page<T>(this IEnumerable<T> items, int skip, int size) => items.Skip(skip).Take(size);
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class ObsoleteSoonAttribute : Attribute
{
    public ObsoleteSoonAttribute(string reason) => Reason = reason;
    public string Reason { get; }
}

public abstract class Handler<TRequest, TResponse>
    where TRequest : class
{
    [ObsoleteSoon("use HandleAsync")]
    public abstract TResponse Handle(TRequest request);

    public virtual System.Threading.Tasks.Task<TResponse> HandleAsync(TRequest request, System.Threading.CancellationToken cancellationToken = default)
        => System.Threading.Tasks.Task.FromResult(Handle(request));

    public class Nested<TInner>
    {
        public TInner? Value { get; set; }

        public class Deeper
        {
            public void Run() { }
        }
    }
}

public interface IShape
{
    double Area { get; }
    static abstract IShape Unit { get; }
    string Describe() => $"area {Area}";
}

public partial class Partial
{
    partial void OnCreated();
    public partial int Compute(int x);
}

public partial class Partial
{
    partial void OnCreated() { }
    public partial int Compute(int x) => x * 2;
    public int Compute(int x, int y) => x * y;
}
