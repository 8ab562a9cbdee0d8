namespace SpecMap.Core.Outline.Python;

/// <summary>
/// The compound statements other than `def` and `class`: if, elif, else, try, except (and `except*`), finally, with,
/// for, while, match, case, `async for` and `async with`. Their blocks are transparent: what they hold belongs to the
/// enclosing module, class or function, for the outline (contract §4) as for model reading. The one list both use.
/// </summary>
internal static class PythonCompoundStatements
{
    /// <summary>
    /// Whether a statement whose first word is <paramref name="word"/> (and second <paramref name="next"/>) is one of them.
    /// `match` and `case` are soft keywords: whether they open a statement where they stand is the caller's to check.
    /// </summary>
    public static bool StartsWith(ReadOnlySpan<char> word, ReadOnlySpan<char> next) => word switch
    {
        "if" or "elif" or "else" or "try" or "except" or "finally" or "with" or "for" or "while" or "match" or "case" => true,
        "async" => next is "for" or "with",
        _ => false,
    };
}
