namespace SpecMap.Core.Outline.Markdown;

/// <summary>Placeholder: the Markdig outliner lands in its own change.</summary>
internal sealed class MarkdownOutliner : IOutliner
{
    public string Language => "markdown";

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public SourceOutline Outline(string path, string text) => SourceOutline.Empty(path, Language);
}
