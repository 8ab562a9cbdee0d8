using System.Text;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.CSharp;

namespace SpecMap.Core.Resolution;

/// <summary>
/// A symbol hint as written (`create_responses`, `Outer.method`, `Ns.Type.Humanize(string, LetterCasing)`) and the
/// declarations it names (contract §1): qualified names match at a dot from the end; a C# parameter list picks an overload.
/// </summary>
internal sealed class SymbolQuery
{
    private SymbolQuery(string written, string[] parts, string? signature)
    {
        Written = written;
        Parts = parts;
        Signature = signature;
    }

    public string Written { get; }

    /// <summary>The dotted name split at dots, generic arguments removed (`Humanize&lt;T&gt;` is `Humanize`).</summary>
    public string[] Parts { get; }

    /// <summary>The normalised parameter list (see <see cref="NormaliseSignature"/>), or null when none was written.</summary>
    public string? Signature { get; }

    public string Name => Parts[^1];

    public static SymbolQuery? Parse(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }
        var text = hint.Trim();
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var name = open >= 0 ? text[..open] : text;
        var signature = open >= 0 ? NormaliseSignature(text[open..]) : null;
        // `operator >=` is a name, not a generic argument list.
        var operatorAt = name.IndexOf("operator", StringComparison.Ordinal);
        name = operatorAt >= 0 ? StripGenerics(name[..operatorAt]) + RemoveWhitespace(name[operatorAt..]) : StripGenerics(name);
        var parts = name.Trim('.').Split('.', StringSplitOptions.TrimEntries);
        return parts.Length == 0 || parts[^1].Length == 0 ? null : new SymbolQuery(text, parts, signature);
    }

    /// <summary>True when <paramref name="symbol"/>'s qualified name ends with this name at a dot (and the overload fits).</summary>
    public bool Matches(OutlineSymbol symbol, bool checkSignature = true)
    {
        if (!EndsWithParts(symbol.QualifiedName, Parts))
        {
            return false;
        }
        if (!checkSignature || Signature is null)
        {
            return true;
        }
        return symbol.Signature is null ? Signature.Length == 0 && symbol.Kind is SymbolKinds.Property : NormaliseSignature(symbol.Signature) == Signature;
    }

    /// <summary>Every declaration the hint names; when a written parameter list fits none, the overloads by name alone.</summary>
    public List<OutlineSymbol> FindIn(SourceOutline outline)
    {
        var exact = outline.Symbols.Where(s => Matches(s)).ToList();
        if (exact.Count > 0 || Signature is null)
        {
            return exact;
        }
        return [.. outline.Symbols.Where(s => Matches(s, checkSignature: false))];
    }

    /// <summary>
    /// A parameter list in one comparable form: `(this string, LetterCasing)` and `Humanize(string, LetterCasing)` agree.
    /// Drops a generic parameter list before the parentheses, `this`/`params` modifiers, `static` (static constructors),
    /// spaces and case (`String` is `string`).
    /// </summary>
    public static string NormaliseSignature(string signature)
    {
        var text = signature.Trim();
        if (text.StartsWith("static", StringComparison.Ordinal))
        {
            text = text["static".Length..].Trim();
        }
        if (text.StartsWith('<'))
        {
            var depth = 0;
            for (var i = 0; i < text.Length; i++)
            {
                depth += text[i] switch { '<' => 1, '>' => -1, _ => 0 };
                if (depth == 0)
                {
                    text = text[(i + 1)..].Trim();
                    break;
                }
            }
        }
        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            text = text[1..^1];
        }
        var parts = CSharpSignature.SplitTopLevel(text).Select(p =>
        {
            var part = p.Trim();
            foreach (var modifier in new[] { "this ", "params ", "scoped " })
            {
                if (part.StartsWith(modifier, StringComparison.Ordinal))
                {
                    part = part[modifier.Length..];
                }
            }
            return RemoveWhitespace(part).ToLowerInvariant().Replace("system.", string.Empty, StringComparison.Ordinal);
        });
        return string.Join(',', parts.Where(p => p.Length > 0));
    }

    /// <summary>True when the dotted <paramref name="qualifiedName"/> ends with <paramref name="parts"/> at a dot
    /// (spaces ignored, so `operator >=` and `operator>=` agree; empty segments of C# extension blocks kept).</summary>
    public static bool EndsWithParts(string qualifiedName, string[] parts)
    {
        var name = RemoveWhitespace(qualifiedName);
        var suffix = string.Join('.', parts);
        return name == suffix || (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) && name[name.Length - suffix.Length - 1] == '.');
    }

    /// <summary>The last segment of a dotted name.</summary>
    public static string LastPart(string qualifiedName) => qualifiedName[(qualifiedName.LastIndexOf('.') + 1)..];

    private static string StripGenerics(string name)
    {
        var builder = new StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && !char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string RemoveWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
