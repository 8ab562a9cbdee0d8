using SpecMap.Core.History;

namespace SpecMap.Tests.History;

/// <summary>Line mapping through a diff and body similarity.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void Lines_shift_past_an_insertion_and_deleted_lines_do_not_map()
    {
        string[] before = ["a", "b", "c", "d"];
        string[] after = ["new", "a", "c", "d", "tail"];
        var map = TextDiff.LineMap(before, after);
        Assert.Equal([1, -1, 2, 3], map);
        Assert.Equal((3, 4, 1.0), TextDiff.MapRange(map, 3, 4));
        Assert.Null(TextDiff.MapRange(map, 2, 2));
        var partial = TextDiff.MapRange(map, 1, 3)!.Value;
        Assert.Equal((2, 3), (partial.Start, partial.End));
        Assert.Equal(2.0 / 3, partial.Kept, 3);
    }

    [Fact]
    public void Similarity_ignores_indentation_and_blank_lines()
    {
        var a = TextDiff.Normalise(["def f(x):", "    return x + 1", ""]);
        var b = TextDiff.Normalise(["def g(x):", "", "        return x + 1"]);
        Assert.Equal(0.5, TextDiff.Similarity(a, b), 3);
        Assert.Equal(1.0, TextDiff.Similarity(a, a), 3);
        Assert.True(TextDiff.UpperBound(a, b) >= TextDiff.Similarity(a, b));
    }

    [Fact]
    public void Upper_bound_counts_repeated_lines_as_a_multiset_and_is_stable_for_a_list_compared_again()
    {
        List<string> a = ["x", "x", "y", "z"];
        List<string> b = ["x", "y", "y", "w"];
        // Common: one x, one y (not two of either).
        Assert.Equal(2.0 * 2 / 8, TextDiff.UpperBound(a, b), 6);
        Assert.Equal(2.0 * 2 / 8, TextDiff.UpperBound(b, a), 6);
        Assert.Equal(2.0 * 2 / 8, TextDiff.UpperBound(a, b), 6);
        Assert.Equal(1.0, TextDiff.UpperBound(a, a), 6);
        Assert.Equal(0.0, TextDiff.UpperBound(a, ["q"]), 6);
        Assert.Equal(1.0, TextDiff.UpperBound([], []), 6);
    }

    [Fact]
    public void Hashes_of_a_text_are_those_of_its_normalised_lines()
    {
        // Every line ending, indentation, blank lines, a last line without its newline.
        const string text = "class A:\r\n    def f(self):\r\r\n\t\treturn 1\n\n   \n\rx = 2";
        var lines = TextDiff.Normalise(SpecMap.Core.Sources.TextLines.Split(text));
        Assert.Equal(4, lines.Count);
        Assert.Equal(LineHashes.Of(lines), LineHashes.OfNormalisedLines(text));
        Assert.Empty(LineHashes.OfNormalisedLines(" \n\r\n"));
    }
}
