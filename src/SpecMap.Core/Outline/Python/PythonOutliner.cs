namespace SpecMap.Core.Outline.Python;

/// <summary>Outlines Python without a Python runtime, with the lines CPython's `ast` gives (first decorator .. `end_lineno`).</summary>
// Classes, functions, methods, local functions and class fields. tests/SpecMap.Tests/Outline/Python/py_ast_outline.py
// states the same rules over `ast`; the corpus tests hold the two equal on real code.
internal sealed class PythonOutliner : IOutliner
{
    public string Language => "python";

    public IReadOnlyCollection<string> Extensions { get; } = [".py", ".pyi"];

    // The tokens only live while one file is outlined, so each thread keeps one list for file after file (issue 15: a
    // fresh token array per file, grown once or twice, was a fifth of the instructions of outlining Python, in
    // allocation and clearing); a list grown past the bound by an unusual file is let go.
    private const int MaxKeptTokens = 1 << 20;

    [ThreadStatic]
    private static List<PythonToken>? t_tokens;

    public SourceOutline Outline(string path, string text)
    {
        // Taken while in use: an outline nested in this one on the same thread would make a list of its own.
        var tokens = t_tokens ?? new List<PythonToken>(Math.Max(16, text.Length / 4));
        t_tokens = null;
        try
        {
            PythonTokenizer.Tokenize(text, tokens);
            return new SourceOutline(path, Language, PythonStatementParser.Parse(text, tokens));
        }
        catch (Exception)
        {
            // The parser is written not to throw; this is the last guard so one odd file never stops a validation run.
            return SourceOutline.Empty(path, Language);
        }
        finally
        {
            if (tokens.Capacity <= MaxKeptTokens)
            {
                tokens.Clear();
                t_tokens = tokens;
            }
        }
    }
}
