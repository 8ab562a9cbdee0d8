namespace SpecMap.Core.Outline;

/// <summary>One declaration (or Markdown heading) in a source file.</summary>
/// <param name="Kind">One of <see cref="SymbolKinds"/>.</param>
/// <param name="Name">The simple name (`create_responses`, `Humanize`; a heading's text).</param>
/// <param name="QualifiedName">Dotted path from the file's top (`Outer.Inner.name`; C#: `Namespace.Type.Member`;
/// Markdown: the heading's GitHub slug, which is what references name).</param>
/// <param name="Start">1-based first line, including decorators/attributes (never a leading comment).</param>
/// <param name="DefLine">1-based line of the `def`/`class` keyword or the C# identifier's declaration.</param>
/// <param name="End">1-based last line of the body (Markdown: the last line of the section).</param>
/// <param name="Signature">C# members with parameters (methods, constructors, operators, conversions, indexers, delegates):
/// the parameter types in the relocation benchmark's form, `(this string, LetterCasing)`, `(int, string)`, `()`, and
/// `static ()` for a static constructor, `<T>` for a generic type; null for everything else (and always for Python).</param>
/// <param name="Level">Markdown heading level 1..6; nesting depth for code (0 = top level).</param>
internal sealed record OutlineSymbol(
    string Kind,
    string Name,
    string QualifiedName,
    int Start,
    int DefLine,
    int End,
    string? Signature = null,
    int Level = 0)
{
    /// <summary>True when the 1-based line range [start, end] lies inside this symbol.</summary>
    public bool Covers(int start, int end) => Start <= start && end <= End;

    public int LineCount => End - Start + 1;
}
