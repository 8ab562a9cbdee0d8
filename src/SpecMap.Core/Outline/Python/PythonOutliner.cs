namespace SpecMap.Core.Outline.Python;

/// <summary>Outlines Python without a Python runtime, with the lines CPython's `ast` gives (first decorator .. `end_lineno`).</summary>
// Classes, functions, methods, local functions and class fields. tests/SpecMap.Tests/Outline/Python/py_ast_outline.py
// states the same rules over `ast`; the corpus tests hold the two equal on real code.
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
