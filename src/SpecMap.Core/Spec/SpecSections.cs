using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Markdown;

namespace SpecMap.Core.Spec;

/// <summary>
/// A spec section's text and its `spec_hash` (docs/rules/SMV0203.md): each line trimmed with runs of spaces and tabs
/// collapsed to one space, blank lines dropped, lines joined with `\n`, SHA-256 of the UTF-8 bytes as `sha256:hex`.
/// </summary>
internal static partial class SpecSections
{
    public const string HashPrefix = "sha256:";

    /// <summary>The lines <see cref="OutlineSymbol.Start"/>..<see cref="OutlineSymbol.End"/> of a heading's section, normalised.</summary>
    public static string NormalisedText(string fileText, OutlineSymbol heading) =>
        string.Join('\n', MarkdownSections.Text(fileText, heading).Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0));

    /// <summary>`sha256:` and 64 lower-case hex digits of the normalised texts, joined with `\n`.</summary>
    public static string Hash(IEnumerable<string> normalisedTexts) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', normalisedTexts))));

    public static bool SameHash(string recorded, string computed) =>
        string.Equals(recorded.Trim(), computed, StringComparison.OrdinalIgnoreCase);

    /// <summary>The heading on line <paramref name="start"/>, else the innermost section holding the lines, or null.</summary>
    public static OutlineSymbol? ByLines(SourceOutline outline, int start, int end) =>
        outline.Symbols.FirstOrDefault(s => s.Kind == SymbolKinds.Heading && s.Start == start)
        ?? outline.Symbols.Where(s => s.Kind == SymbolKinds.Heading && s.Covers(start, Math.Max(start, end)))
            .OrderBy(s => s.LineCount).ThenByDescending(s => s.Start).FirstOrDefault();

    [GeneratedRegex("[ \t]+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
