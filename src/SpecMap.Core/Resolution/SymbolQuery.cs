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
    private SymbolQuery(string written, string[] parts, string[] containers, string? signature)
    {
        Written = written;
        Parts = parts;
        _containers = containers;
        Signature = signature;
    }

    /// <summary>The parts before the name as written, spaces removed and generic arguments kept (`IJsonModel&lt;Foo&gt;`).</summary>
    private readonly string[] _containers;

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
        if (parts.Length == 0 || parts[^1].Length == 0)
        {
            return null;
        }
        // The containers as written keep their generic arguments: `IJsonModel<Foo>.Write` names one explicit implementation.
        var written = RemoveWhitespace(operatorAt >= 0 ? text[..operatorAt] + "operator" : open >= 0 ? text[..open] : text).Trim('.');
        var containers = SplitQualified(written).Containers;
        return new SymbolQuery(text, parts, containers.Length == parts.Length - 1 ? containers : [.. parts[..^1]], signature);
    }

    /// <summary>True when <paramref name="symbol"/>'s qualified name ends with this name at a dot (and the overload fits).</summary>
    public bool Matches(OutlineSymbol symbol, bool checkSignature = true)
    {
        if (!NameMatches(symbol.QualifiedName))
        {
            return false;
        }
        if (!checkSignature || Signature is null)
        {
            return true;
        }
        return symbol.Signature is null ? Signature.Length == 0 && symbol.Kind is SymbolKinds.Property : NormaliseSignature(symbol.Signature) == Signature;
    }

    /// <summary>
    /// Every declaration the hint names, parameter list included. A declaration whose whole qualified name is the hint
    /// (or is it after its namespace) beats those it is only the tail of (`ApiAvailability` is the top-level class, not
    /// `PackageEvidence.ApiAvailability`), and a type beats its own constructors when the hint names the type.
    /// A written parameter list that fits no overload finds nothing: see <see cref="Overloads"/>.
    /// </summary>
    public List<OutlineSymbol> FindIn(SourceOutline outline)
    {
        var found = outline.Symbols.Where(s => Matches(s)).ToList();
        if (found.Count < 2)
        {
            return found;
        }
        var namespaces = outline.Symbols.Where(s => s.Kind == SymbolKinds.Namespace).Select(s => s.QualifiedName).ToList();
        var whole = found.Where(s => IsWholeName(s, namespaces)).ToList();
        if (whole.Count > 0 && whole.Count < found.Count)
        {
            found = whole;
        }
        var types = found.Where(s => SymbolKinds.IsTypeLike(s.Kind)).Select(s => s.QualifiedName).ToHashSet(StringComparer.Ordinal);
        if (types.Count > 0)
        {
            var withoutConstructors = found.Where(s => !(s.Kind == SymbolKinds.Constructor && types.Contains(s.QualifiedName[..Math.Max(0, s.QualifiedName.LastIndexOf('.'))]))).ToList();
            found = withoutConstructors.Count > 0 ? withoutConstructors : found;
        }
        return PreferOwnMembers(outline, found);
    }

    /// <summary>The callables of the hint's name whatever their parameters: where an overload went when the written
    /// parameter list fits none. Empty when no parameter list was written.</summary>
    public List<OutlineSymbol> Overloads(SourceOutline outline) =>
        Signature is null ? [] : PreferOwnMembers(outline, [.. outline.Symbols.Where(s => s.Signature is not null && !SymbolKinds.IsTypeLike(s.Kind) && Matches(s, checkSignature: false))]);

    /// <summary>True when the hint is the symbol's whole qualified name, or the part after its innermost namespace.</summary>
    private bool IsWholeName(OutlineSymbol symbol, List<string> namespaces)
    {
        var qualified = symbol.QualifiedName;
        var ns = namespaces.Where(n => qualified.StartsWith(n + ".", StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault();
        var segments = SplitQualified(RemoveWhitespace(qualified)).Containers.Length;
        var nsSegments = ns is null ? 0 : SplitQualified(RemoveWhitespace(ns)).Containers.Length + 1;
        return segments == _containers.Length || segments - nsSegments == _containers.Length;
    }

    /// <summary>
    /// A name that fits both a type's own member and an explicit interface implementation (`Write` and
    /// `IJsonModel&lt;T&gt;.Write`) means the member: an explicit implementation cannot be called by its bare name,
    /// so a reference to it names its interface.
    /// </summary>
    private static List<OutlineSymbol> PreferOwnMembers(SourceOutline outline, List<OutlineSymbol> found)
    {
        if (found.Count < 2)
        {
            return found;
        }
        var declared = outline.Symbols.Select(s => StripGenerics(s.QualifiedName)).ToHashSet(StringComparer.Ordinal);
        bool IsExplicitImplementation(OutlineSymbol symbol)
        {
            var containers = SplitQualified(RemoveWhitespace(symbol.QualifiedName)).Containers;
            return containers.Length > 0 && containers[^1].Contains('<', StringComparison.Ordinal)
                && !declared.Contains(StripGenerics(string.Join('.', containers)));
        }
        var own = found.Where(s => !IsExplicitImplementation(s)).ToList();
        return own.Count > 0 && own.Count < found.Count ? own : found;
    }

    /// <summary>
    /// True when the qualified name ends with this query's name at a dot. A container written with generic arguments
    /// must match them (`IJsonModel&lt;Foo&gt;`); one written without matches any (`IJsonModel`).
    /// </summary>
    private bool NameMatches(string qualifiedName)
    {
        var (containers, final) = SplitQualified(RemoveWhitespace(qualifiedName));
        var name = OperatorAt(final) == 0 ? final : StripGenerics(final);
        if (name != RemoveWhitespace(Name) || containers.Length < _containers.Length)
        {
            return false;
        }
        for (var i = 1; i <= _containers.Length; i++)
        {
            var written = _containers[^i];
            var declared = containers[^i];
            if (written.Contains('<', StringComparison.Ordinal) ? declared != written : StripGenerics(declared) != written)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Splits a qualified name (spaces removed) into its containers and its final name at the dots outside generic
    /// argument lists; an operator's name (`operator&lt;`, `implicitoperatorstring`) is the final part whole.
    /// Empty segments (C# extension blocks: `N.Ext..Twice`) are kept.
    /// </summary>
    private static (string[] Containers, string Final) SplitQualified(string name)
    {
        var op = OperatorAt(name);
        var head = op >= 0 ? (op == 0 ? string.Empty : name[..(op - 1)]) : name;
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < head.Length; i++)
        {
            depth += head[i] switch { '<' => 1, '>' => depth > 0 ? -1 : 0, _ => 0 };
            if (head[i] == '.' && depth == 0)
            {
                parts.Add(head[start..i]);
                start = i + 1;
            }
        }
        if (op >= 0)
        {
            if (head.Length > 0)
            {
                parts.Add(head[start..]);
            }
            return ([.. parts], name[op..]);
        }
        return ([.. parts], head[start..]);
    }

    /// <summary>Where an operator or conversion name starts in a qualified name with spaces removed, or -1.</summary>
    private static int OperatorAt(string name)
    {
        for (var at = name.IndexOf("operator", StringComparison.Ordinal); at >= 0; at = name.IndexOf("operator", at + 1, StringComparison.Ordinal))
        {
            // `implicit operator string` and `explicit operator checked int` are conversions; `operator checked +` too.
            var segment = at;
            foreach (var prefix in new[] { "implicit", "explicit" })
            {
                if (segment >= prefix.Length && string.CompareOrdinal(name, segment - prefix.Length, prefix, 0, prefix.Length) == 0)
                {
                    segment -= prefix.Length;
                    break;
                }
            }
            var next = at + "operator".Length;
            var rest = name.AsSpan(next);
            var conversion = segment < at;
            var symbolic = rest.Length > 0 && !(char.IsLetterOrDigit(rest[0]) || rest[0] == '_');
            var named = rest is "true" or "false" || rest.StartsWith("checked");
            if ((segment == 0 || name[segment - 1] == '.') && (conversion || symbolic || named))
            {
                return segment;
            }
        }
        return -1;
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


    /// <summary>The parameter types of a signature in normalised form, split at the top level.</summary>
    public static string[] Parameters(string? signature)
    {
        var normalised = signature is null ? string.Empty : NormaliseSignature(signature);
        // NormaliseSignature joins top-level parameters with ','; nested commas live inside <...>.
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < normalised.Length; i++)
        {
            depth += normalised[i] switch { '<' or '(' or '[' => 1, '>' or ')' or ']' => -1, _ => 0 };
            if (normalised[i] == ',' && depth == 0)
            {
                parts.Add(normalised[start..i]);
                start = i + 1;
            }
        }
        if (normalised.Length > 0)
        {
            parts.Add(normalised[start..]);
        }
        return [.. parts];
    }

    /// <summary>The share of parameter types kept in place, 0..1.</summary>
    public static double ParameterSimilarity(string? a, string? b)
    {
        var left = Parameters(a);
        var right = Parameters(b);
        var kept = left.Zip(right).Count(p => p.First == p.Second);
        return left.Length + right.Length == 0 ? 1 : 2.0 * kept / (left.Length + right.Length);
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
