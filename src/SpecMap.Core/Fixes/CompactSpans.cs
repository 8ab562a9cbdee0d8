using System.Text.RegularExpressions;

namespace SpecMap.Core.Fixes;

/// <summary>A span [Start, End) of chars inside a decoded string.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Where each part of a compact reference `PATH[:LINE[-END]][#SYMBOL]` sits in its decoded string: the path, the
/// line numbers of each part of a lines list (one or two numbers each), and the fragment. A fix replaces only these.
/// </summary>
/// <param name="LineParts">One entry per range of the lines list, holding the span of its first and (if written) last number.</param>
/// <param name="Fragment">The symbol or anchor after `#`, or null (also null when `#L10-L20` holds the lines).</param>
internal sealed partial record CompactSpans(TextSpan Path, IReadOnlyList<IReadOnlyList<TextSpan>> LineParts, TextSpan? Fragment)
{
    /// <summary>The spans of the reference in [<paramref name="start"/>, <paramref name="end"/>) of a string joining several in prose.</summary>
    public static CompactSpans Parse(string value, int start, int end)
    {
        var spans = Parse(value[start..end]);
        TextSpan Shift(TextSpan span) => new(span.Start + start, span.End + start);
        return new CompactSpans(Shift(spans.Path), [.. spans.LineParts.Select(p => (IReadOnlyList<TextSpan>)[.. p.Select(Shift)])],
            spans.Fragment is { } fragment ? Shift(fragment) : null);
    }

    public static CompactSpans Parse(string value)
    {
        var lead = 0;
        while (lead < value.Length && char.IsWhiteSpace(value[lead]))
        {
            lead++;
        }
        var trail = value.Length;
        while (trail > lead && char.IsWhiteSpace(value[trail - 1]))
        {
            trail--;
        }
        var hash = value.IndexOf('#', lead, trail - lead);
        var beforeFragment = hash >= 0 ? hash : trail;
        var colon = value.IndexOf(':', lead, beforeFragment - lead);
        // A drive letter (`C:\`) is not a lines separator; such paths leave the repository and are never fixed anyway.
        if (colon == lead + 1 && colon + 1 < value.Length && value[colon + 1] is '/' or '\\')
        {
            colon = value.IndexOf(':', colon + 1, beforeFragment - colon - 1);
        }
        var path = new TextSpan(lead, colon >= 0 ? colon : beforeFragment);
        var parts = colon >= 0 ? NumberParts(value, colon + 1, beforeFragment) : [];
        TextSpan? fragment = null;
        if (hash >= 0)
        {
            var start = hash + 1;
            while (start < trail && char.IsWhiteSpace(value[start]))
            {
                start++;
            }
            fragment = new TextSpan(start, trail);
            // GitHub's `#L10-L20` holds lines, not a symbol.
            if (parts.Count == 0 && GitHubLines().IsMatch(value[start..trail]))
            {
                parts = NumberParts(value, start, trail);
                fragment = null;
            }
        }
        return new CompactSpans(path, parts, fragment);
    }

    /// <summary>The numbers of a lines list `12-40, 2517` between <paramref name="start"/> and <paramref name="end"/>, grouped by range.</summary>
    public static List<IReadOnlyList<TextSpan>> NumberParts(string value, int start, int end)
    {
        var parts = new List<IReadOnlyList<TextSpan>>();
        var current = new List<TextSpan>();
        var i = start;
        while (i < end)
        {
            if (value[i] == ',')
            {
                parts.Add(current);
                current = [];
                i++;
            }
            else if (char.IsAsciiDigit(value[i]))
            {
                var from = i;
                while (i < end && char.IsAsciiDigit(value[i]))
                {
                    i++;
                }
                current.Add(new TextSpan(from, i));
            }
            else
            {
                i++;
            }
        }
        parts.Add(current);
        return [.. parts.Where(p => p.Count > 0)];
    }

    [GeneratedRegex(@"^L\d+(?:-L?\d+)?$")]
    private static partial Regex GitHubLines();
}
