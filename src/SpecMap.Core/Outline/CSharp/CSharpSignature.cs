using System.Text;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>Compares a parameter list written in a mapping (`Humanize(string, LetterCasing)`) with an outlined signature.</summary>
/// <remarks>
/// Outlined signatures look like `(this string, LetterCasing)`, `&lt;T&gt;(IEnumerable&lt;T&gt;, Func&lt;T,object&gt;)` or
/// `static ()`. People write less: no `this`, `params` or `scoped`, sometimes parameter names, spaces after commas
/// inside generics. Those differences do not pick another overload, so they are ignored; `ref`, `out` and `in`
/// can tell overloads apart and are kept when written.
/// </remarks>
internal static class CSharpSignature
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "this", "params", "scoped" };
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal) { "this", "params", "scoped", "ref", "out", "in", "readonly" };

    /// <summary>True when <paramref name="written"/> (with or without parentheses) names the same parameter types as
    /// <paramref name="signature"/>. A null or empty written list matches anything (no overload was picked).</summary>
    public static bool Matches(string? written, string? signature)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return true;
        }
        if (signature is null)
        {
            return false;
        }
        var wanted = ParameterTypes(written, dropRefKinds: false);
        var actual = ParameterTypes(signature, dropRefKinds: false);
        if (wanted.Count != actual.Count)
        {
            return false;
        }
        for (var i = 0; i < wanted.Count; i++)
        {
            // `ref int` written must match `ref int`; a bare `int` written also matches `ref int` (the author left it out).
            if (wanted[i] != actual[i] && wanted[i] != StripRefKind(actual[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The parameter types of a signature or a written list, normalised: `(this string s, Func&lt;T, object&gt; f)`
    /// gives `string` and `Func&lt;T,object&gt;`. A leading `static` or type-parameter list is skipped.</summary>
    public static IReadOnlyList<string> ParameterTypes(string text, bool dropRefKinds = true)
    {
        var list = text.Trim();
        if (list.StartsWith("static ", StringComparison.Ordinal))
        {
            list = list[7..].TrimStart();
        }
        var open = TopLevelParenthesis(list);
        if (open >= 0 && list.EndsWith(')'))
        {
            list = list[(open + 1)..^1];
        }
        var result = new List<string>();
        foreach (var part in SplitTopLevel(list))
        {
            var words = Words(part);
            if (words.Count == 0)
            {
                continue;
            }
            // Drop a parameter name: the last word when the one before it is a type, not a modifier.
            if (words.Count >= 2 && IsIdentifier(words[^1]) && !Modifiers.Contains(words[^2]))
            {
                words.RemoveAt(words.Count - 1);
            }
            words.RemoveAll(w => Ignored.Contains(w) || (dropRefKinds && Modifiers.Contains(w)));
            result.Add(string.Join(' ', words));
        }
        return result;
    }

    private static string StripRefKind(string type)
    {
        var words = type.Split(' ');
        return string.Join(' ', words.Where(w => !Modifiers.Contains(w)));
    }

    /// <summary>Where the parameter list opens, after an optional `&lt;T&gt;` prefix; -1 when there are no parentheses.</summary>
    private static int TopLevelParenthesis(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case '(' when depth == 0:
                    return i;
                default:
                    break;
            }
        }
        return -1;
    }

    /// <summary>Splits a parameter or type-argument list at the commas outside brackets.</summary>
    internal static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            switch (list[i])
            {
                case '<' or '(' or '[':
                    depth++;
                    break;
                case '>' or ')' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    parts.Add(list[start..i]);
                    start = i + 1;
                    break;
                default:
                    break;
            }
        }
        parts.Add(list[start..]);
        return parts;
    }

    /// <summary>The blank-separated words of one parameter at nesting depth 0, each with the blanks inside brackets
    /// removed except between two word characters (`Func&lt;T, object&gt;` gives `Func&lt;T,object&gt;`).</summary>
    private static List<string> Words(string parameter)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var depth = 0;
        var pendingBlank = false;
        foreach (var c in parameter.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (depth > 0)
                {
                    pendingBlank = true;
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
                continue;
            }
            if (pendingBlank && IsWordChar(word[^1]) && IsWordChar(c))
            {
                word.Append(' ');
            }
            pendingBlank = false;
            depth += c is '<' or '(' or '[' ? 1 : c is '>' or ')' or ']' ? -1 : 0;
            word.Append(c);
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        // Blanks split words at depth 0 only; `int ?` or `int []` written loosely are glued back.
        for (var i = words.Count - 1; i > 0; i--)
        {
            if (words[i][0] is '?' or '[' or '<' or '*')
            {
                words[i - 1] += words[i];
                words.RemoveAt(i);
            }
        }
        return words;
    }

    private static bool IsIdentifier(string word) => word.Length > 0 && word.All(IsWordChar) && !char.IsDigit(word[0]);

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '@';
}
