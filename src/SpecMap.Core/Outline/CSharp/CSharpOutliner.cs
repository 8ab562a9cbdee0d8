namespace SpecMap.Core.Outline.CSharp;

/// <summary>Placeholder: the Roslyn outliner lands in its own change.</summary>
internal sealed class CSharpOutliner : IOutliner
{
    public string Language => "csharp";

    public IReadOnlyCollection<string> Extensions { get; } = [".cs"];

    public SourceOutline Outline(string path, string text) => SourceOutline.Empty(path, Language);
}
