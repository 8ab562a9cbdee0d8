using System.Collections.Immutable;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Outline.Markdown;
using SpecMap.Core.Outline.Python;

namespace SpecMap.Core.Languages;

/// <summary>
/// The languages specmap reads, one registration each: adding a language is its folder(s) and one line here.
/// The outline cache and the contract checks pick a file's language only through <see cref="For"/>.
/// </summary>
internal static class LanguageRegistry
{
    public static ImmutableArray<Language> All { get; } =
    [
        new(new PythonOutliner(), (tree, store) => new PythonModelReader(tree, store)),
        new(new CSharpOutliner(), (tree, store) => new CSharpModelReader(tree, store)),
        new(new MarkdownOutliner()),
    ];

    /// <summary>The language of a path by its extension (case-insensitive), or null when specmap does not read it.</summary>
    public static Language? For(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        foreach (var language in All)
        {
            if (language.Extensions.Contains(extension))
            {
                return language;
            }
        }
        return null;
    }
}
