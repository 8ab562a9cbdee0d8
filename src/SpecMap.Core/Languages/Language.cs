using SpecMap.Core.Caching;
using SpecMap.Core.Contracts;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Languages;

/// <summary>One language specmap reads: its outliner and, where contracts can read its model classes, a model reader.</summary>
/// <param name="ModelReader">Makes the reader for one snapshot (readers cache what they parse); null when the language has no models.</param>
internal sealed record Language(IOutliner Outliner, Func<ISourceTree, ModelStore, IModelReader>? ModelReader = null)
{
    /// <summary>`python`, `csharp`, `markdown`: the outliner's name for it.</summary>
    public string Name => Outliner.Language;

    public IReadOnlyCollection<string> Extensions => Outliner.Extensions;
}
