namespace SpecMap.Core.Outline.Python;

/// <summary>Placeholder: the Python outliner lands in its own change.</summary>
internal sealed class PythonOutliner : IOutliner
{
    public string Language => "python";

    public IReadOnlyCollection<string> Extensions { get; } = [".py", ".pyi"];

    public SourceOutline Outline(string path, string text) => SourceOutline.Empty(path, Language);
}
