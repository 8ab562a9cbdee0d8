namespace SpecMap.Core.Outline.Python;

/// <summary>
/// Outlines Python source without a Python runtime: classes, functions, methods, local functions and class
/// fields, with the line numbers CPython's `ast` gives (start at the first decorator, end at `end_lineno`).
/// </summary>
internal sealed class PythonOutliner : IOutliner
{
    public string Language => "python";

    public IReadOnlyCollection<string> Extensions { get; } = [".py", ".pyi"];

    public SourceOutline Outline(string path, string text)
    {
        try
        {
            var tokens = PythonTokenizer.Tokenize(text);
            return new SourceOutline(path, Language, PythonStatementParser.Parse(text, tokens));
        }
        catch (Exception)
        {
            // The parser is written not to throw; this is the last guard so one odd file never stops a validation run.
            return SourceOutline.Empty(path, Language);
        }
    }
}
