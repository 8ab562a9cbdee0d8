using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Contracts.Python;

namespace SpecMap.Core.Caching;

/// <summary>
/// The facts model readers take from one file (<see cref="PythonFileFacts"/>, <see cref="CSharpFileFacts"/>), kept by
/// blob id: in memory for the process and across runs in the repository's <see cref="OutlineStore"/> (same folder, build
/// version and bounds, as records of their own kind), so an unchanged file is parsed once, ever. The facts hold nothing
/// read from another file: what depends on other files (inheritance, imports, parts, type shapes) is resolved from them
/// again on every run, so a changed base class, part or import target is always seen.
/// </summary>
internal sealed class ModelStore
{
    // About as many fields and names as the outline cache holds symbols, for files' facts and C# name scans together
    // (each had this much of its own before they shared one cache).
    private const long MaxWeight = 200_000;

    private const string PythonKind = ":python-model";
    private const string CSharpNamesKind = ":csharp-declared-names";
    private const string CSharpKind = ":csharp-model";

    // One per run's store: the run's readers (contract and spec checks) share what they read; another run reads the disk.
    private static readonly ConditionalWeakTable<OutlineStore, ModelStore> PerStore = [];

    private readonly OutlineStore? _store;
    private readonly BoundedCache<string, object> _kept = new(MaxWeight, Weigh, StringComparer.Ordinal);
    private readonly Lock _keptLock = new();

    private ModelStore(OutlineStore? store) => _store = store;

    /// <summary>The process-wide cache without a persistent store (probes, scaffolds, readers made directly).</summary>
    public static ModelStore InMemory { get; } = new(null);

    /// <summary>The facts kept in <paramref name="store"/> (one instance per store), or <see cref="InMemory"/> without one.</summary>
    public static ModelStore For(OutlineStore? store) => store is null ? InMemory : PerStore.GetValue(store, s => new ModelStore(s));

    /// <summary>The facts of the Python file whose blob is <paramref name="blobId"/>; <paramref name="parse"/> reads them when
    /// neither memory nor the store has them.</summary>
    public PythonFileFacts Python(string blobId, Func<PythonFileFacts> parse) =>
        (PythonFileFacts)KeptOrMade(blobId + PythonKind, ModelFactsCodec.DecodePython, facts => ModelFactsCodec.Encode((PythonFileFacts)facts), parse)!;

    /// <summary>The type names a C# file's text declares (or seems to: the scan that picks which files to parse), by blob
    /// id; <paramref name="scan"/> reads them on a miss, or gives null when the path's blob is not read as text (then nothing
    /// is kept: the same blob at another path may be).</summary>
    public ImmutableArray<string> CSharpNames(string blobId, Func<ImmutableArray<string>?> scan) =>
        KeptOrMade(blobId + CSharpNamesKind, bytes => ModelFactsCodec.DecodeNames(bytes), names => ModelFactsCodec.Encode((ImmutableArray<string>)names), () => scan())
            is ImmutableArray<string> names ? names : [];

    /// <summary>The declarations of the C# file whose blob is <paramref name="blobId"/>; <paramref name="parse"/> reads them
    /// on a miss, or gives null when the path's blob is not read as text (then nothing is kept, as for names).</summary>
    public CSharpFileFacts? CSharp(string blobId, Func<CSharpFileFacts?> parse) =>
        (CSharpFileFacts?)KeptOrMade(blobId + CSharpKind, CSharpFactsCodec.Decode, facts => CSharpFactsCodec.Encode((CSharpFileFacts)facts), parse);

    /// <summary>The value under <paramref name="key"/> from memory, else the store, else made (and then kept in both);
    /// null, and nothing kept, when <paramref name="make"/> gives null.</summary>
    private object? KeptOrMade(string key, Func<byte[], object?> decode, Func<object, byte[]> encode, Func<object?> make)
    {
        lock (_keptLock)
        {
            if (_kept.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        var value = _store?.FindRecord(key) is { } bytes ? decode(bytes) : null;
        if (value is null)
        {
            value = make();
            if (value is null)
            {
                return null;
            }
            _store?.AddRecord(key, encode(value));
        }
        lock (_keptLock)
        {
            _kept.Set(key, value);
        }
        return value;
    }

    private static long Weigh(object value) => value switch
    {
        PythonFileFacts python => python.Weight,
        CSharpFileFacts csharp => csharp.Weight,
        ImmutableArray<string> names => names.Length + 1,
        _ => 1,
    };
}
