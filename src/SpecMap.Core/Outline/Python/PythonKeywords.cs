namespace SpecMap.Core.Outline.Python;

/// <summary>Python 3's hard keywords (soft keywords such as `match`, `case` and `type` are valid names).</summary>
internal static class PythonKeywords
{
    private static readonly HashSet<string> Words =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsKeyword(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
