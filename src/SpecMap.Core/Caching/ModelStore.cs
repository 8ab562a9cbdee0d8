using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SpecMap.Core.Contracts.Python;

namespace SpecMap.Core.Caching;

/// <summary>
/// The facts model readers take from one file (<see cref="PythonFileFacts"/>), kept by blob id: in memory for the process
/// and across runs in the repository's <see cref="OutlineStore"/> (same folder, build version and bounds, as records of
/// their own kind), so an unchanged file is parsed once, ever. The facts hold nothing read from another file: what
/// depends on other files (inheritance, imports, type shapes) is resolved from them again on every run, so a changed
/// base class or import target is always seen.
/// </summary>
internal sealed class ModelStore
{
    // About as many fields and names as the outline cache holds symbols.
    private const long MaxWeight = 100_000;

    private const string PythonKind = ":python-model";
    private const string CSharpNamesKind = ":csharp-declared-names";

    // One per run's store: the run's readers (contract and spec checks) share what they read; another run reads the disk.
    private static readonly ConditionalWeakTable<OutlineStore, ModelStore> PerStore = [];

    private readonly OutlineStore? _store;
    private readonly LockedCache<string, object> _memory = new(MaxWeight, Weigh);
    private readonly BoundedCache<string, ImmutableArray<string>> _names = new(MaxWeight, n => n.Length + 1, StringComparer.Ordinal);
    private readonly Lock _namesLock = new();

    private ModelStore(OutlineStore? store) => _store = store;

    /// <summary>The process-wide cache without a persistent store (probes, scaffolds, readers made directly).</summary>
    public static ModelStore InMemory { get; } = new(null);

    /// <summary>The facts kept in <paramref name="store"/> (one instance per store), or <see cref="InMemory"/> without one.</summary>
    public static ModelStore For(OutlineStore? store) => store is null ? InMemory : PerStore.GetValue(store, s => new ModelStore(s));

    /// <summary>The facts of the Python file whose blob is <paramref name="blobId"/>; <paramref name="parse"/> reads them when
    /// neither memory nor the store has them.</summary>
    public PythonFileFacts Python(string blobId, Func<PythonFileFacts> parse) =>
        (PythonFileFacts)_memory.GetOrAdd(blobId + PythonKind, key =>
        {
            if (_store?.FindRecord(key) is { } bytes && ModelFactsCodec.DecodePython(bytes) is { } stored)
            {
                return stored;
            }
            var facts = parse();
            _store?.AddRecord(key, ModelFactsCodec.Encode(facts));
            return facts;
        });

    /// <summary>The type names a C# file's text declares (or seems to: the scan that picks which files to parse), by blob
    /// id; <paramref name="scan"/> reads them on a miss, or gives null when the path's blob is not read as text (then nothing
    /// is kept: the same blob at another path may be).</summary>
    public ImmutableArray<string> CSharpNames(string blobId, Func<ImmutableArray<string>?> scan)
    {
        var key = blobId + CSharpNamesKind;
        lock (_namesLock)
        {
            if (_names.TryGetValue(key, out var known))
            {
                return known;
            }
        }
        var names = _store?.FindRecord(key) is { } bytes ? ModelFactsCodec.DecodeNames(bytes) : null;
        if (names is null)
        {
            names = scan();
            if (names is null)
            {
                return [];
            }
            _store?.AddRecord(key, ModelFactsCodec.Encode(names.Value));
        }
        lock (_namesLock)
        {
            _names.Set(key, names.Value);
        }
        return names.Value;
    }

    private static long Weigh(object value) => value is PythonFileFacts python ? python.Weight : 1;
}
