using System.Collections.Immutable;

namespace SpecMap.Core.Outline;

/// <summary>The declarations of one file, in source order (by <see cref="OutlineSymbol.Start"/>, then outer before inner).</summary>
internal sealed record SourceOutline(string Path, string Language, ImmutableArray<OutlineSymbol> Symbols)
{
    /// <summary>Why the text was not outlined (a parser budget, see <see cref="IOutliner.WhyNotOutlined"/>; the
    /// symbols are then empty), or null. Kept with the outline so a cached one answers without scanning the text again.</summary>
    public string? NotOutlinedBecause { get; init; }

    public static SourceOutline Empty(string path, string language) => new(path, language, []);

    /// <summary>The innermost symbol whose range covers [start, end], or null.</summary>
    public OutlineSymbol? Innermost(int start, int end)
    {
        OutlineSymbol? best = null;
        foreach (var symbol in Symbols)
        {
            if (symbol.Covers(start, end) && (best is null || symbol.LineCount <= best.LineCount))
            {
                best = symbol;
            }
        }
        return best;
    }
}
