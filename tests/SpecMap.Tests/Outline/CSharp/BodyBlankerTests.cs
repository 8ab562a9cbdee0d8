using System.Globalization;
using LibGit2Sharp;
using Microsoft.CodeAnalysis.Text;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Sources;
using Xunit.Abstractions;

namespace SpecMap.Tests.Outline.CSharp;

/// <summary>Blanking member bodies before the parse (issue 15) changes the cost of an outline, never the outline.</summary>
public sealed class BodyBlankerTests(HumanizerBenchFixture bench, ITestOutputHelper output) : IClassFixture<HumanizerBenchFixture>
{
    private const string Tricky = """
        namespace Demo;

        public record Point(int X, int Y)
        {
            public int Sum() { return X + Y; }
        }

        public sealed class Shapes(int size) : Base(size)
        {
            private static readonly Func<int, int> Twice = x => { return x * 2; };
            private readonly Options _options = new Options() { Name = "a{b" };
            private readonly char _brace = '{';
            private const string Verbatim = @"a ""}"" b
        } still the string";

            public string Text
            {
                get { return $"{_brace} {(size > 1 ? "many" : "one")} {{literal}} {size:N0}"; }
                private set { if (value is { Length: > 0 }) { _ = value; } }
            }

            public int Area(int side) // { a comment brace
            {
                /* } */
                switch (side) { case 0: return 0; default: break; }
                var inner = new { A = 1 };
                return side * side;
            }

        #if NET6_0_OR_GREATER
            public int Modern() { return 6; }
        #else
            public int Legacy() { return 4; }
        #endif

            public int WithDirective()
            {
        #if DEBUG
                return 1;
        #else
                return 2;
        #endif
            }

            public event EventHandler Changed { add { } remove { } }

            void Local() { int Helper() { return 1; } _ = Helper(); }

            static readonly string[] Units = ["zero", "one{", Verbatim];
            static readonly int[] Numbers = { 1, 2 };
            static readonly Options[] Table =
            [
                new() { Name = "a" },
                new Options { Name = "b" },
            ];
            private readonly object _anonymous = new { A = 1 };
            public List<int> Items { get; } = [1, 2];
            public int[] Pair => [1, 2];
            public new string ToString() { return "x"; }
            public DateTime Next(int days)
                => new(DateTime.Now.Year, 1,
                    days);
            public int this[int i] => i switch { 0 => 1, _ => Items.Where(x => x > i).Sum() };
            public static Shapes operator +(Shapes a, Shapes b) => new(a._options.Name.Length + b._options.Name.Length);
            public string Name { get => _options.Name; set => _options.Name = value ?? "{"; }
            public void Touch() => Changed?.Invoke(this, EventArgs.Empty);
        }

        public static class Extensions
        {
            extension(string s)
            {
                public int Twice() { return s.Length * 2; }
            }
        }
        """;

    [Fact]
    public void Blanking_keeps_every_line_and_the_outline_of_a_file_with_every_kind_of_brace()
    {
        var blanked = BodyBlanker.Blank(Tricky);
        Assert.NotNull(blanked);
        var (blankedText, regions) = blanked.Value;
        var text = blankedText.ToString();
        // Shorter, with the same lines (offsets move, so the regions are given in the blanked text).
        Assert.True(text.Length < Tricky.Length * 3 / 4, $"{text.Length} of {Tricky.Length} characters");
        Assert.Equal(SourceText.From(Tricky).Lines.Count, SourceText.From(text).Lines.Count);
        Assert.All(regions, r => Assert.True(
            (text[r.Open] is '{' or '[' && text[r.Close] is '}' or ']') || (text.AsSpan(r.Open).StartsWith("=> default") && text[r.Close] == ';'), $"{r}"));
        // Expression bodies keep `=> default` and their lines; a lambda's arrow in a field's initializer is no member's.
        Assert.DoesNotContain("DateTime.Now.Year", text, StringComparison.Ordinal);
        Assert.Contains("Twice = x => {};", text, StringComparison.Ordinal);
        // Bodies are gone, declarations stay: the method body's `return side * side;`, not `Area(int side)`.
        Assert.DoesNotContain("side * side", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"zero\"", text, StringComparison.Ordinal);
        Assert.Contains("public int Area(int side)", text, StringComparison.Ordinal);
        // A body with a directive inside is parsed as written (each #if branch sees the same code around it).
        Assert.Contains("return 1;", text, StringComparison.Ordinal);
        Assert.True(regions.Length >= 6, $"{regions.Length} regions");
        AssertSameOutline("Tricky.cs", Tricky);
        AssertSameBlanking(Tricky);
    }

    [Theory]
    // What the jump through a block must judge as the token-by-token scan does: literals with `$`/`@` before the quote,
    // quotes and brackets in literals and comments, `#` on a line of its own or not, nested and mismatched brackets.
    [InlineData("class C { void M() { var a = $@\"{x}\n}\"; var b = @$\"{{\"; } int N() { return 1; } }\n")]
    [InlineData("class C { void M() { var a = $\"{(b ? \"}\" : \"{\")}\"; var c = '\"'; var d = '}'; } }\n")]
    [InlineData("class C { void M() { var a = \"//\"; /* { */ // }\n var b = x / y; } void N() { } }\n")]
    [InlineData("class C { void M() { var a = 1; } void N() {\n  #if X\n  #endif\n } void O() { } }\n")]
    [InlineData("class C { void M() { int[] a = [1, [2]]; if (a is { Length: > 0 }) { } } }\n")]
    [InlineData("class C { void M() { var a = [1 }; } void N() { } }\n")]
    [InlineData("class C { void M() { var a = $$\"{{x}}\"; } }\n")]
    [InlineData("class C { void M() { var a = @@\"x\"; } void N() { var a = $@@\"x\"; } }\n")]
    [InlineData("class C { void M() { var a = \"\"\"\n raw }\n \"\"\"; } }\n")]
    [InlineData("class C { void M() { /* unclosed }\n")]
    [InlineData("class C { void M() { var a = 1; \n")]
    [InlineData("class C { void M() { var a = \"unclosed }\n } }\n")]
    [InlineData("class C { void M() { /*\n#if X\n*/ } void N() { } }\n")]
    public void Jumping_through_a_block_blanks_what_scanning_it_token_by_token_does(string text)
    {
        AssertSameBlanking(text);
        AssertSameOutline("C.cs", text);
    }

    [Theory]
    [InlineData(Tricky)]
    [InlineData("class C { void M() { } int P => 1; void N() {\n} }")]
    [InlineData("class C { int A() => 1; int B() => 2; }\n")]
    public void The_blanked_text_reads_the_same_by_position_and_by_range(string text)
    {
        var blanked = BodyBlanker.Blank(text)!.Value.Text;
        var whole = blanked.ToString();
        Assert.Equal(whole.Length, blanked.Length);
        for (var i = 0; i < whole.Length; i++)
        {
            Assert.Equal(whole[i], blanked[i]);
        }
        var random = new Random(15);
        var buffer = new char[whole.Length + 2];
        for (var trial = 0; trial < 2_000; trial++)
        {
            var start = random.Next(whole.Length + 1);
            var count = random.Next(whole.Length - start + 1);
            blanked.CopyTo(start, buffer, 1, count);
            Assert.Equal(whole.Substring(start, count), new string(buffer, 1, count));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => blanked[whole.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => blanked.CopyTo(whole.Length, buffer, 0, 1));
    }

    [Theory]
    // Every kind of line break in a body is kept, and a CR and an LF apart stay two lines.
    [InlineData("class C\r\n{\r\n    void M() { var a = 1;\r  \n var b = 2; /* \u2028 \u2029 \u0085 */\r\r\n\n }\r\n    void N() { }\r\n}\r\n")]
    [InlineData("class C\r{\r    int P { get { return 1;\r } }\r    void N() { }\r}\r")]
    public void A_blanked_body_keeps_its_lines_whatever_breaks_them(string text)
    {
        var blanked = BodyBlanker.Blank(text);
        Assert.NotNull(blanked);
        Assert.Equal(SourceText.From(text).Lines.Count, blanked.Value.Text.Lines.Count);
        AssertSameOutline("C.cs", text);
    }

    [Theory]
    [InlineData("class C { string S = \"\"\"\n  raw { \n  \"\"\"; void M() { } }\n")]
    [InlineData("class C { void M() { /* unclosed\n")]
    [InlineData("class C { void M() { } } }\n")]
    [InlineData("class C { string S = @\"\n#if X\n\"; void M() { } }\n")]
    public void Text_the_scan_does_not_follow_is_left_to_the_parser(string text)
    {
        Assert.Null(BodyBlanker.Blank(text));
        AssertSameBlanking(text);
        AssertSameOutline("C.cs", text);
    }

    [Theory]
    // An object initializer after a call (`new Options() { … }`) or a positional pattern's property pattern is no block.
    [InlineData("class C { object P = Make(1) { A = 1 }; void M() { } }\n")]
    [InlineData("class C { int M(object o) => o switch { Point(1, 2) { X: 3 } => 1, _ => 0 }; void N() { } }\n")]
    // Broken member-level code: the blanked parse has errors, so the text is parsed as written.
    [InlineData("class C { void M() { } public int }\n")]
    public void A_blanking_that_does_not_parse_as_blocks_falls_back_to_the_text_as_written(string text)
    {
        AssertSameOutline("C.cs", text);
    }

    [Fact]
    public void Every_cs_file_of_this_repository_outlines_the_same_blanked_or_not()
    {
        var files = RepositoryFiles();
        var blanked = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            blanked += BodyBlanker.Blank(text) is null ? 0 : 1;
            AssertSameBlanking(text, file);
            AssertSameOutline(file, text);
        }
        output.WriteLine($"{files.Count} files, {blanked} blanked");
        Assert.True(files.Count > 300 && blanked > files.Count / 2, $"{blanked} of {files.Count} files blanked");
    }

    /// <summary>
    /// An expression body is blanked from its `=>` to the first `;` outside its brackets, which only holds if the body is
    /// whole. Broken ones (a lost `;`, `(` or `)`, a stray `)`), made from the real bodies of this repository's files,
    /// must outline as Roslyn reads them as written: the scan leaves such a body alone, and the parse of the blanked
    /// text then meets its error and falls back. (Every body of every file, 2,880 mutants, passed once; the test takes
    /// two bodies of every third file.)
    /// </summary>
    [Fact]
    public void Broken_expression_bodies_outline_as_written()
    {
        var mutants = RepositoryFiles().Where((_, i) => i % 3 == 0).Sum(file => AssertBrokenBodiesOutlineAsWritten(file, File.ReadAllText(file), 2));
        output.WriteLine($"{mutants} broken expression bodies");
        Assert.True(mutants > 300, $"{mutants} mutants");
    }

    [HumanizerBenchFact]
    public void Broken_expression_bodies_of_the_bench_head_outline_as_written()
    {
        var head = new GitTreeSource(bench.Repository, bench.Repository.Branches["bench"].Tip);
        var mutants = head.Paths.Where(p => p.EndsWith(".cs", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Where((_, i) => i % 4 == 0)
            .Sum(path => AssertBrokenBodiesOutlineAsWritten(path, head.Read(path)!.Text, 2));
        output.WriteLine($"{mutants} broken expression bodies");
        Assert.True(mutants > 300, $"{mutants} mutants");
    }

    /// <summary>Breaks each of the first <paramref name="bodies"/> expression bodies of members in four ways and checks
    /// each mutant outlines the same blanked or not; returns the number of mutants.</summary>
    private static int AssertBrokenBodiesOutlineAsWritten(string path, string text, int bodies)
    {
        var mutants = 0;
        var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text).GetRoot();
        var arrows = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax>()
            .Where(a => a.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax).Take(bodies);
        foreach (var arrow in arrows)
        {
            var body = arrow.Span;
            var semicolon = arrow.GetLastToken().GetNextToken();
            var open = text.IndexOf('(', body.Start, body.Length);
            var close = text.LastIndexOf(')', body.End - 1, body.Length);
            string?[] broken =
            [
                semicolon.Text == ";" ? text.Remove(semicolon.SpanStart, 1) : null,
                open >= 0 ? text.Remove(open, 1) : null,
                close >= 0 ? text.Remove(close, 1) : null,
                text.Insert(body.Start + 2, " )"),
            ];
            foreach (var mutant in broken.OfType<string>())
            {
                AssertSameOutline(path, mutant);
                mutants++;
            }
        }
        return mutants;
    }

    private static List<string> RepositoryFiles()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "SpecMapValidator.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        return [.. new[] { "src", "tests" }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    [HumanizerBenchFact]
    public void Every_cs_file_at_the_bench_head_and_in_its_cases_outlines_the_same_blanked_or_not()
    {
        var repository = bench.Repository;
        var versions = new HashSet<(string Commit, string File)>();
        foreach (var @case in bench.CSharpCases)
        {
            versions.Add((@case.GetProperty("old").GetString()!, @case.GetProperty("old_ref").GetProperty("file").GetString()!));
            if (@case.GetProperty("truth").GetProperty("status").GetString() == "found")
            {
                versions.Add((@case.GetProperty("new").GetString()!, @case.GetProperty("truth").GetProperty("file").GetString()!));
            }
        }
        var head = new GitTreeSource(repository, repository.Branches["bench"].Tip);
        var files = head.Paths.Where(p => p.EndsWith(".cs", StringComparison.Ordinal)).Select(p => head.Read(p)!).ToList();
        files.AddRange(versions.Select(v => new GitTreeSource(repository, repository.Lookup<Commit>(v.Commit)).Read(v.File)).OfType<SourceFile>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var blanked = 0;
        foreach (var file in files.Where(f => seen.Add(f.BlobId)))
        {
            blanked += BodyBlanker.Blank(file.Text) is null ? 0 : 1;
            AssertSameBlanking(file.Text, file.Path);
            AssertSameOutline(file.Path, file.Text);
        }
        // What blanking saves, recorded (the machine is shared), after a warm-up of both.
        var distinct = files.DistinctBy(f => f.BlobId).ToList();
        var cpu = new double[2];
        for (var pass = 0; pass < 4; pass++)
        {
            var outliner = new CSharpOutliner(blankBodies: pass % 2 == 1);
            var before = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            distinct.ForEach(f => outliner.Outline(f.Path, f.Text));
            cpu[pass % 2] = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{seen.Count} distinct blobs, {blanked} blanked; outlining them as written {cpu[0]:F0} ms CPU, blanked {cpu[1]:F0} ms CPU"));
        Assert.True(seen.Count > 500 && blanked > seen.Count / 2, $"{blanked} of {seen.Count} blobs blanked");
    }

    /// <summary>The jump through blocks (production) and the token-by-token scan of them propose the same blanking.</summary>
    private static void AssertSameBlanking(string text, string path = "C.cs")
    {
        var jumped = BodyBlanker.Blank(text, skipBlocks: true);
        var scanned = BodyBlanker.Blank(text, skipBlocks: false);
        Assert.True(jumped?.Text.ToString() == scanned?.Text.ToString(), $"{path}: blanked texts differ");
        Assert.True((jumped?.Regions ?? []).SequenceEqual(scanned?.Regions ?? []), $"{path}: regions differ");
    }

    private static void AssertSameOutline(string path, string text)
    {
        var asWritten = new CSharpOutliner(blankBodies: false).Outline(path, text);
        var blanked = new CSharpOutliner().Outline(path, text);
        Assert.True(asWritten.Symbols.SequenceEqual(blanked.Symbols),
            $"{path}: as written {Describe(asWritten)}\nblanked {Describe(blanked)}");
    }

    private static string Describe(SourceOutline outline) =>
        string.Join("; ", outline.Symbols.Select(s => $"{s.Kind} {s.QualifiedName}{s.Signature} {s.Start}/{s.DefLine}/{s.End}"));
}
