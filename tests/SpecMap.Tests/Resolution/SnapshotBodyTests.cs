using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Resolution;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Resolution;

/// <summary>A body's tokens are read straight from the file's text (issue 15: no string per line or per repeated token),
/// and must be exactly the tokens <see cref="TextDiff.Tokens"/> makes of the body's lines.</summary>
public sealed class SnapshotBodyTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "def a(x):\n    return x + 1\n\ndef b():\n    pass\n",
        "class C\r\n{\r\n    int V => 1;\r\n}\r\n",
        "one\rtwo\r\rthree",
        "no final newline() {}",
        "\n\n  \n",
        "",
        "mixed\r\nends\nand\rmore\r\n\r\n",
        "unicode: naïve_名前 = «x» ∑ 1_000 ;\n\tλ(y)→y\n",
        "  leading\n\u2028sep\u00a0nbsp x\n",
    ];

    private readonly string _root = Directory.CreateTempSubdirectory("specmap-body-").FullName;

    public void Dispose() => TempFolder.Delete(_root);

    [Fact]
    public void Every_range_of_every_text_has_the_tokens_of_its_lines()
    {
        for (var i = 0; i < Texts.Length; i++)
        {
            File.WriteAllText(Path.Combine(_root, $"f{i}.txt"), Texts[i]);
        }
        var snapshot = new Snapshot(new WorkTreeSource(_root), new Outliners());
        for (var i = 0; i < Texts.Length; i++)
        {
            var file = snapshot.Read($"f{i}.txt")!;
            var lines = TextLines.Split(file.Text);
            for (var start = 0; start <= lines.Length + 2; start++)
            {
                for (var end = start - 1; end <= lines.Length + 2; end++)
                {
                    var from = Math.Clamp(start - 1, 0, lines.Length);
                    var expected = TextDiff.Tokens(lines[from..Math.Clamp(end, from, lines.Length)]);
                    Assert.Equal(expected, snapshot.Body(file, start, end));
                }
            }
        }
    }

    [Fact]
    public void Line_starts_mark_the_lines_of_split()
    {
        foreach (var text in Texts)
        {
            var lines = TextLines.Split(text);
            var starts = TextLines.Starts(text);
            Assert.Equal(lines.Length, starts.Length);
            for (var i = 0; i < lines.Length; i++)
            {
                Assert.Equal(lines[i], text.Substring(starts[i], lines[i].Length));
            }
        }
    }

    [Fact]
    public void Equal_tokens_of_two_bodies_are_one_string()
    {
        File.WriteAllText(Path.Combine(_root, "a.py"), "def a(total):\n    return total\n\ndef b(total):\n    return total\n");
        var snapshot = new Snapshot(new WorkTreeSource(_root), new Outliners());
        var file = snapshot.Read("a.py")!;
        var first = snapshot.Body(file, 1, 2);
        var second = snapshot.Body(file, 4, 5);
        Assert.Equal(["def", "a", "(", "total", ")", ":", "return", "total"], first);
        Assert.Same(first[3], second[3]);
        Assert.Same(first[^1], second[^1]);
        Assert.Same(first[2], second[2]);
    }
}
