using System.Collections.Immutable;
using System.Text;

namespace SpecMap.Core.Contracts.Python;

/// <summary>One argument of a call: `alias="x"` has Key `alias`; a positional argument has Key null.</summary>
internal sealed record PythonArgument(string? Key, string Value);

/// <summary>
/// The small part of Python expression syntax contracts need: annotations as <see cref="TypeNode"/> trees,
/// calls such as `Field(..., alias="x")` split into arguments, and string literals unquoted.
/// </summary>
internal static class PythonExpressions
{
    /// <summary>Parses a type annotation (`dict[str, list[X]] | None`, `"Foo"`, `Literal["a", 1]`); null when it is not one.</summary>
    public static TypeNode? ParseType(string text)
    {
        var tokens = Tokenize(text);
        if (tokens is null || tokens.Count == 0)
        {
            return null;
        }
        var position = 0;
        var node = ParseUnion(tokens, ref position);
        return node is not null && position == tokens.Count ? node : null;
    }

    /// <summary>The index of the first <paramref name="target"/> outside brackets and strings, or -1.
    /// With <paramref name="single"/>, `==`, `<=`, `>=`, `!=` and `:=` do not count for `=`.</summary>
    public static int FindTop(string text, char target, bool single = true)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipString(text, i) - 1;
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == target && depth == 0)
            {
                if (single && target == '=' && ((i + 1 < text.Length && text[i + 1] == '=') || (i > 0 && text[i - 1] is '=' or '<' or '>' or '!' or ':')))
                {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    /// <summary>Splits at top-level commas; empty parts (a trailing comma) are dropped.</summary>
    public static List<string> SplitTop(string text, char separator = ',')
    {
        var parts = new List<string>();
        var rest = text;
        while (true)
        {
            var at = FindTop(rest, separator, single: false);
            var part = (at < 0 ? rest : rest[..at]).Trim();
            if (part.Length > 0)
            {
                parts.Add(part);
            }
            if (at < 0)
            {
                return parts;
            }
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>When <paramref name="expression"/> is a call `callee(args)`, its callee and arguments.</summary>
    public static (string Callee, ImmutableArray<PythonArgument> Arguments)? Call(string expression)
    {
        var text = expression.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')') || MatchingClose(text, open) != text.Length - 1)
        {
            return null;
        }
        var callee = text[..open].Trim();
        if (!callee.All(c => char.IsLetterOrDigit(c) || c is '_' or '.'))
        {
            return null;
        }
        var arguments = SplitTop(text[(open + 1)..^1]).Select(part =>
        {
            var eq = FindTop(part, '=');
            return eq > 0 && part[..eq].Trim().All(c => char.IsLetterOrDigit(c) || c == '_')
                ? new PythonArgument(part[..eq].Trim(), part[(eq + 1)..].Trim())
                : new PythonArgument(null, part);
        }).ToImmutableArray();
        return (callee, arguments);
    }

    /// <summary>The value of a string literal (`"x"`, `'x'`, `r"x"`, implicit concatenation); null when it is not one.</summary>
    public static string? StringValue(string literal)
    {
        var text = literal.Trim();
        var value = new StringBuilder();
        var i = 0;
        var any = false;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            var prefixStart = i;
            while (i < text.Length && char.IsLetter(text[i]) && i - prefixStart < 2)
            {
                i++;
            }
            var prefix = text[prefixStart..i].ToLowerInvariant();
            // f-strings and bytes are not plain text values.
            if (i >= text.Length || text[i] is not ('"' or '\'') || prefix.Any(ch => ch is not ('r' or 'u')))
            {
                return null;
            }
            var end = SkipString(text, i);
            var quote = text[i];
            var width = end - i >= 6 && text[i + 1] == quote && text[i + 2] == quote ? 3 : 1;
            var body = text[(i + width)..Math.Max(i + width, end - width)];
            value.Append(prefix.Contains('r', StringComparison.Ordinal) ? body : Unescape(body));
            any = true;
            i = end;
        }
        return any ? value.ToString() : null;
    }

    /// <summary>The index just after the string literal starting at <paramref name="i"/> (a quote character).</summary>
    private static int SkipString(string text, int i)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var j = i + (triple ? 3 : 1);
        while (j < text.Length)
        {
            if (text[j] == '\\')
            {
                j += 2;
                continue;
            }
            if (text[j] == quote && (!triple || (j + 2 < text.Length && text[j + 1] == quote && text[j + 2] == quote)))
            {
                return j + (triple ? 3 : 1);
            }
            j++;
        }
        return text.Length;
    }

    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                i = SkipString(text, i) - 1;
                continue;
            }
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Unescape(string body)
    {
        if (!body.Contains('\\', StringComparison.Ordinal))
        {
            return body;
        }
        var result = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length)
            {
                i++;
                result.Append(body[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => body[i] });
                continue;
            }
            result.Append(body[i]);
        }
        return result.ToString();
    }

    private enum TokenKind
    {
        Name,
        String,
        Number,
        Punct,
    }

    private sealed record Token(TokenKind Kind, string Text);

    private static List<Token>? Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'' || ((c is 'r' or 'R' or 'u' or 'U') && i + 1 < text.Length && text[i + 1] is '"' or '\''))
            {
                var quoteAt = c is '"' or '\'' ? i : i + 1;
                var end = SkipString(text, quoteAt);
                var value = StringValue(text[i..end]);
                if (value is null)
                {
                    return null;
                }
                tokens.Add(new Token(TokenKind.String, value));
                i = end;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Name, text[start..i].TrimEnd('.')));
            }
            else if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i]));
            }
            else if (text.AsSpan(i).StartsWith("..."))
            {
                tokens.Add(new Token(TokenKind.Punct, "..."));
                i += 3;
            }
            else if (c is '[' or ']' or '(' or ')' or ',' or '|' or '=')
            {
                tokens.Add(new Token(TokenKind.Punct, c.ToString()));
                i++;
            }
            else
            {
                return null;
            }
        }
        return tokens;
    }

    private static TypeNode? ParseUnion(List<Token> tokens, ref int position)
    {
        var first = ParsePostfix(tokens, ref position);
        if (first is null)
        {
            return null;
        }
        var options = new List<TypeNode> { first };
        while (position < tokens.Count && tokens[position].Text == "|")
        {
            position++;
            var next = ParsePostfix(tokens, ref position);
            if (next is null)
            {
                return null;
            }
            options.Add(next);
        }
        return options.Count == 1 ? first : TypeNode.Named("|", [.. options]);
    }

    private static TypeNode? ParsePostfix(List<Token> tokens, ref int position)
    {
        var atom = ParseAtom(tokens, ref position);
        while (atom is not null && position < tokens.Count && tokens[position].Text is "[" or "(")
        {
            var close = tokens[position].Text == "[" ? "]" : ")";
            position++;
            var args = ParseList(tokens, ref position, close);
            if (args is null)
            {
                return null;
            }
            // A call inside an annotation (`Field(alias="x")` in Annotated, `constr(max_length=3)`) keeps only its name.
            atom = close == "]" ? atom with { Args = args.Value } : atom;
        }
        return atom;
    }

    private static ImmutableArray<TypeNode>? ParseList(List<Token> tokens, ref int position, string close)
    {
        var items = ImmutableArray.CreateBuilder<TypeNode>();
        while (position < tokens.Count && tokens[position].Text != close)
        {
            // Keyword arguments of calls: skip `name=`.
            if (position + 1 < tokens.Count && tokens[position].Kind == TokenKind.Name && tokens[position + 1].Text == "=")
            {
                position += 2;
            }
            var item = ParseUnion(tokens, ref position);
            if (item is null)
            {
                return null;
            }
            items.Add(item);
            if (position < tokens.Count && tokens[position].Text == ",")
            {
                position++;
            }
            else if (position < tokens.Count && tokens[position].Text != close)
            {
                return null;
            }
        }
        if (position >= tokens.Count)
        {
            return null;
        }
        position++;
        return items.ToImmutable();
    }

    private static TypeNode? ParseAtom(List<Token> tokens, ref int position)
    {
        if (position >= tokens.Count)
        {
            return null;
        }
        var token = tokens[position++];
        switch (token.Kind)
        {
            case TokenKind.Name:
                return TypeNode.Named(token.Text);
            case TokenKind.String:
                return new TypeNode(TypeNodeKind.String, token.Text, []);
            case TokenKind.Number:
                return new TypeNode(TypeNodeKind.Number, token.Text, []);
        }
        switch (token.Text)
        {
            case "...":
                return new TypeNode(TypeNodeKind.Ellipsis, "...", []);
            case "[":
                var items = ParseList(tokens, ref position, "]");
                return items is null ? null : new TypeNode(TypeNodeKind.List, "[]", items.Value);
            case "(":
                var inner = ParseUnion(tokens, ref position);
                if (inner is null || position >= tokens.Count || tokens[position].Text != ")")
                {
                    return null;
                }
                position++;
                return inner;
            default:
                return null;
        }
    }
}
