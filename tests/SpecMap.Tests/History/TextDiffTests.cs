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

    /// <summary>The common count by Myers' forward pass equals the longest common subsequence (a plain dynamic program)
    /// and DiffPlex's line diff, which it replaced, on random lists from small and large alphabets and on the token
    /// lists of real code: relocation scores must not move.</summary>
    [Fact]
    public void The_common_count_is_the_longest_common_subsequence_and_what_DiffPlex_keeps()
    {
        var random = new Random(15);
        for (var trial = 0; trial < 5_000; trial++)
        {
            var alphabet = new[] { 2, 3, 5, 40 }[trial % 4];
            var left = Enumerable.Range(0, random.Next(40)).Select(_ => "t" + random.Next(alphabet)).ToList();
            var right = trial % 5 == 0 ? Mutate(left, random) : Enumerable.Range(0, random.Next(40)).Select(_ => "t" + random.Next(alphabet)).ToList();
            var common = TextDiff.CommonCount(left, right);
            if (left.Count > 0 && right.Count > 0)
            {
                Assert.Equal(Lcs(left, right), common);
            }
            Assert.Equal(DiffPlexCommon(left, right), common);
        }
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SpecMapValidator.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        var bodies = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => TextDiff.Tokens(File.ReadAllLines(f).Take(120))).Where(t => t.Count > 0).Take(120).ToList();
        for (var i = 1; i < bodies.Count; i++)
        {
            Assert.Equal(DiffPlexCommon(bodies[i - 1], bodies[i]), TextDiff.CommonCount(bodies[i - 1], bodies[i]));
            var edited = Mutate(bodies[i], random);
            Assert.Equal(DiffPlexCommon(bodies[i], edited), TextDiff.CommonCount(bodies[i], edited));
        }
        // Lines the diff would split or an empty line are left to DiffPlex, whatever it makes of them.
        List<string> odd = ["a", "", "b\nc", "d\r"];
        Assert.Equal(DiffPlexCommon(odd, ["a", "b", "c"]), TextDiff.CommonCount(odd, ["a", "b", "c"]));
    }

    /// <summary>With a minimum, a score that reaches it is the exact one and one that does not stays below it, on random
    /// pairs and minimums (including the scores themselves, where rounding would bite).</summary>
    [Fact]
    public void A_similarity_with_a_minimum_is_exact_where_it_reaches_it_and_below_it_elsewhere()
    {
        var random = new Random(15);
        for (var trial = 0; trial < 5_000; trial++)
        {
            var left = Enumerable.Range(0, random.Next(1, 50)).Select(_ => "t" + random.Next(6)).ToList();
            var right = trial % 2 == 0 ? Mutate(left, random) : Enumerable.Range(0, random.Next(1, 50)).Select(_ => "t" + random.Next(6)).ToList();
            var exact = TextDiff.DiffedSimilarity(left, right);
            foreach (var minimum in new[] { random.NextDouble(), exact, exact + 1e-12, exact - 1e-12, 0.5, 0.9, 0 })
            {
                var bounded = TextDiff.DiffedSimilarity(left, right, minimum);
                if (exact >= minimum)
                {
                    Assert.Equal(exact, bounded);
                }
                else
                {
                    Assert.True(bounded < minimum, $"{bounded} for {exact} under {minimum}");
                }
            }
        }
    }

    private static List<string> Mutate(List<string> tokens, Random random)
    {
        var edited = new List<string>(tokens);
        for (var edit = random.Next(6); edit > 0 && edited.Count > 0; edit--)
        {
            var at = random.Next(edited.Count);
            switch (random.Next(3))
            {
                case 0: edited.RemoveAt(at); break;
                case 1: edited.Insert(at, "x" + random.Next(3)); break;
                default: edited[at] = "y"; break;
            }
        }
        return edited;
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }
        return table[a.Count, b.Count];
    }

    private static int DiffPlexCommon(List<string> a, List<string> b)
    {
        static string Join(List<string> lines) => lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
        var result = DiffPlex.Differ.Instance.CreateLineDiffs(Join(a), Join(b), ignoreWhitespace: false);
        return a.Count - result.DiffBlocks.Sum(d => d.DeleteCountA);
    }
}
