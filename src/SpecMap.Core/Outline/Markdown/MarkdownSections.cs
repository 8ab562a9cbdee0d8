namespace SpecMap.Core.Outline.Markdown;

/// <summary>The text of a heading's section (its lines Start..End), for spec hashes and doc-reference checks.</summary>
internal static class MarkdownSections
{
    /// <summary>Lines <see cref="OutlineSymbol.Start"/>..<see cref="OutlineSymbol.End"/> of <paramref name="text"/>,
    /// joined with `\n` (whatever the file's line endings), without a final line break.</summary>
    public static string Text(string text, OutlineSymbol heading)
    {
        var lines = LineStarts.Of(text);
        var last = Math.Min(heading.End, lines.Count);
        var parts = new List<string>(Math.Max(0, last - heading.Start + 1));
        for (var line = heading.Start; line <= last; line++)
        {
            parts.Add(lines.Line(text, line).ToString());
        }
        return string.Join('\n', parts);
    }

    /// <summary>The heading whose GitHub slug is <paramref name="slug"/> (exact: anchors are case-sensitive), or null.</summary>
    public static OutlineSymbol? Find(SourceOutline outline, string slug)
    {
        foreach (var symbol in outline.Symbols)
        {
            if (symbol.Kind == SymbolKinds.Heading && string.Equals(symbol.QualifiedName, slug, StringComparison.Ordinal))
            {
                return symbol;
            }
        }
        return null;
    }
}
