using System.Buffers;
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
        _strippedContainers = [.. containers.Select(c => c.Contains('<', StringComparison.Ordinal) ? null : c)];
        _comparedName = RemoveWhitespace(parts[^1]);
        Signature = signature;
    }

    /// <summary>The parts before the name as written, spaces removed and generic arguments kept (`IJsonModel&lt;Foo&gt;`).</summary>
    private readonly string[] _containers;

    /// <summary>Each container written without generic arguments, which then matches a declared one with any; null where
    /// it was written with them (and must match them exactly).</summary>
    private readonly string?[] _strippedContainers;

    /// <summary>The final name as declarations are indexed by (<see cref="OutlineNames.Declaration.Name"/>).</summary>
    private readonly string _comparedName;

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
    public bool Matches(OutlineSymbol symbol, bool checkSignature = true) => Matches(new OutlineNames.Declaration(symbol), checkSignature);

    private bool Matches(OutlineNames.Declaration declaration, bool checkSignature = true)
    {
        if (!NameMatches(declaration))
        {
            return false;
        }
        if (!checkSignature || Signature is null)
        {
            return true;
        }
        return declaration.Signature is not { } declared ? Signature.Length == 0 && declaration.Symbol.Kind is SymbolKinds.Property : declared == Signature;
    }

    /// <summary>
    /// Every declaration the hint names, parameter list included. A declaration whose whole qualified name is the hint
    /// (or is it after its namespace) beats those it is only the tail of (`ApiAvailability` is the top-level class, not
    /// `PackageEvidence.ApiAvailability`), and a type beats its own constructors when the hint names the type.
    /// A written parameter list that fits no overload finds nothing: see <see cref="Overloads"/>.
    /// </summary>
    public List<OutlineSymbol> FindIn(SourceOutline outline)
    {
        var names = OutlineNames.Of(outline);
        var matching = new List<OutlineNames.Declaration>();
        foreach (var declaration in names.Named(_comparedName))
        {
            if (Matches(declaration))
            {
                matching.Add(declaration);
            }
        }
        if (matching.Count < 2)
        {
            return matching.Count == 0 ? [] : [matching[0].Symbol];
        }
        var whole = matching.Where(d => IsWholeName(d, names.Namespaces)).ToList();
        if (whole.Count > 0 && whole.Count < matching.Count)
        {
            matching = whole;
        }
        var types = matching.Where(d => SymbolKinds.IsTypeLike(d.Symbol.Kind)).Select(d => d.Symbol.QualifiedName).ToHashSet(StringComparer.Ordinal);
        if (types.Count > 0)
        {
            var withoutConstructors = matching.Where(d => !(d.Symbol.Kind == SymbolKinds.Constructor && types.Contains(d.Symbol.QualifiedName[..Math.Max(0, d.Symbol.QualifiedName.LastIndexOf('.'))]))).ToList();
            matching = withoutConstructors.Count > 0 ? withoutConstructors : matching;
        }
        return PreferOwnMembers(names, matching);
    }

    /// <summary>The callables of the hint's name whatever their parameters: where an overload went when the written
    /// parameter list fits none. Empty when no parameter list was written.</summary>
    public List<OutlineSymbol> Overloads(SourceOutline outline)
    {
        if (Signature is null)
        {
            return [];
        }
        var names = OutlineNames.Of(outline);
        return PreferOwnMembers(names, [.. names.Named(_comparedName).Where(d => d.Symbol.Signature is not null && !SymbolKinds.IsTypeLike(d.Symbol.Kind) && Matches(d, checkSignature: false))]);
    }

    /// <summary>True when the hint is the symbol's whole qualified name, or the part after its innermost namespace.</summary>
    private bool IsWholeName(OutlineNames.Declaration declaration, List<string> namespaces)
    {
        var qualified = declaration.Symbol.QualifiedName;
        var ns = namespaces.Where(n => qualified.StartsWith(n + ".", StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault();
        var segments = declaration.Containers.Length;
        var nsSegments = ns is null ? 0 : SplitQualified(RemoveWhitespace(ns)).Containers.Length + 1;
        return segments == _containers.Length || segments - nsSegments == _containers.Length;
    }

    /// <summary>
    /// A name that fits both a type's own member and an explicit interface implementation (`Write` and
    /// `IJsonModel&lt;T&gt;.Write`) means the member: an explicit implementation cannot be called by its bare name,
    /// so a reference to it names its interface.
    /// </summary>
    private static List<OutlineSymbol> PreferOwnMembers(OutlineNames names, List<OutlineNames.Declaration> found)
    {
        if (found.Count < 2)
        {
            return [.. found.Select(d => d.Symbol)];
        }
        bool IsExplicitImplementation(OutlineNames.Declaration declaration)
        {
            var containers = declaration.Containers;
            return containers.Length > 0 && containers[^1].Contains('<', StringComparison.Ordinal)
                && !names.Declared.Contains(StripGenerics(string.Join('.', containers)));
        }
        var own = found.Where(d => !IsExplicitImplementation(d)).ToList();
        return [.. (own.Count > 0 && own.Count < found.Count ? own : found).Select(d => d.Symbol)];
    }

    /// <summary>
    /// True when the declaration's qualified name ends with this query's name at a dot. A container written with generic
    /// arguments must match them (`IJsonModel&lt;Foo&gt;`); one written without matches any (`IJsonModel`).
    /// </summary>
    private bool NameMatches(OutlineNames.Declaration declaration)
    {
        if (declaration.Name != _comparedName)
        {
            return false;
        }
        if (_containers.Length == 0)
        {
            return true;
        }
        var containers = declaration.Containers;
        if (containers.Length < _containers.Length)
        {
            return false;
        }
        for (var i = 1; i <= _containers.Length; i++)
        {
            var declared = containers[^i];
            if (_strippedContainers[^i] is { } stripped ? StripGenerics(declared) != stripped : declared != _containers[^i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The final name of a qualified name (spaces removed) as a query compares it: an operator's name whole,
    /// any other without its generic arguments. <paramref name="simple"/> is returned when it is that name (most
    /// declarations: their simple name), so indexing an outline allocates no copy of it.</summary>
    internal static string ComparedName(string name, string simple)
    {
        if (OperatorAt(name) < 0)
        {
            var final = name.AsSpan(FinalStart(name));
            if (!final.Contains("operator", StringComparison.Ordinal) && final.IndexOfAny(GenericsOrSpace) < 0)
            {
                return final.SequenceEqual(simple) ? simple : final.Length == name.Length ? name : final.ToString();
            }
        }
        var part = FinalPart(name);
        return OperatorAt(part) == 0 ? part : StripGenerics(part);
    }

    /// <summary>The final part <see cref="SplitQualified"/> gives, without splitting out the containers.</summary>
    private static string FinalPart(string name)
    {
        var op = OperatorAt(name);
        if (op >= 0)
        {
            return name[op..];
        }
        var start = FinalStart(name);
        return start == 0 ? name : name[start..];
    }

    /// <summary>Where the part after the last dot outside generic arguments starts (0 when there is none); for a name
    /// with no operator in it.</summary>
    private static int FinalStart(string name)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            depth += name[i] switch { '<' => 1, '>' => depth > 0 ? -1 : 0, _ => 0 };
            if (name[i] == '.' && depth == 0)
            {
                start = i + 1;
            }
        }
        return start;
    }

    /// <summary>
    /// Splits a qualified name (spaces removed) into its containers and its final name at the dots outside generic
    /// argument lists; an operator's name (`operator&lt;`, `implicitoperatorstring`) is the final part whole.
    /// Empty segments (C# extension blocks: `N.Ext..Twice`) are kept.
    /// </summary>
    internal static (string[] Containers, string Final) SplitQualified(string name)
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

    internal static string StripGenerics(string name)
    {
        if (name.AsSpan().IndexOfAny(GenericsOrSpace) < 0)
        {
            return name;
        }
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

    // What StripGenerics removes: '<', '>' and every char.IsWhiteSpace character (Latin-1 and Unicode spaces alike).
    private static readonly SearchValues<char> GenericsOrSpace = SearchValues.Create(
        "<> \t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    internal static string RemoveWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            }
        }
        return text;
    }
}
