using SpecMap.Core.Caching;
using SpecMap.Core.Languages;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts;

/// <summary>The model reader of a path's language for one snapshot, made once per language (readers cache parsed files).</summary>
/// <param name="store">Where the facts read from files persist across runs (the repository's cache), or null.</param>
internal sealed class ModelReaders(ISourceTree tree, OutlineStore? store = null)
{
    private readonly ModelStore _facts = ModelStore.For(store);

    private readonly Dictionary<string, IModelReader> _readers = new(StringComparer.Ordinal);

    /// <summary>Null when the path's language has no model reader (or specmap does not read the language).</summary>
    public IModelReader? For(string path)
    {
        if (LanguageRegistry.For(path) is not { ModelReader: { } create } language)
        {
            return null;
        }
        if (!_readers.TryGetValue(language.Name, out var reader))
        {
            reader = create(tree, _facts);
            _readers.Add(language.Name, reader);
        }
        return reader;
    }
}
