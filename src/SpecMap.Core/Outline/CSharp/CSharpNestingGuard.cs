namespace SpecMap.Core.Outline.CSharp;

/// <summary>
/// Bounds what reaches Roslyn: brackets nested deeper than any real code, or tens of thousands of preprocessor
/// lines, make its recursive parse and walks overflow the stack (an uncatchable abort, exit 134) or go quadratic.
/// Such text is outlined as empty (one linear pre-scan decides), so a reference into it reads "symbol not found".
/// </summary>
internal static class CSharpNestingGuard
{
    private const int MaxDepth = 256;
    private const int MaxDirectiveLines = 5_000;
    private const int MaxChars = 8 * 1024 * 1024;

    public static bool TooDeep(string text)
    {
        if (text.Length > MaxChars)
        {
            return true;
        }
        int depth = 0, generics = 0, directives = 0;
        var lineStart = true;
        var previous = ' ';
        foreach (var c in text)
        {
            // Generic brackets counted within one statement (`i<n` in a loop must not add up across a file).
            if (c == '<' && (char.IsLetterOrDigit(previous) || previous == '_') && ++generics > MaxDepth)
            {
                return true;
            }
            generics = c switch { '>' => Math.Max(0, generics - 1), ';' or '{' or '}' => 0, _ => generics };
            previous = c;
            switch (c)
            {
                case '(' or '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return true;
                    }
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '#' when lineStart:
                    if (++directives > MaxDirectiveLines)
                    {
                        return true;
                    }
                    break;
            }
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }
        return false;
    }
}
