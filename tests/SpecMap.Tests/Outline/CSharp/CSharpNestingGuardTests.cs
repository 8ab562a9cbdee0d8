using System.Diagnostics;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Outline.CSharp;

/// <summary>Issue 14 §5: Roslyn is never given text it takes exponential time on; such a file is "not checked, because …".</summary>
public sealed class CSharpNestingGuardTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>The seeded fuzz mutant that took Roslyn minutes once the disabled `#if DEBUG` branch was parsed as code.</summary>
    private static readonly string Mutant = "namespace N;\n#if DEBUG\npublic class Model<T> where T : new()\n{\n    public string Name { get; init; } = \"\";\n"
        + "    void M() { var x = " + Repeat("(r x = ", 70) + "1 + (2 * 3)); }\n}\n#endif\n";

    [Fact]
    public void The_fuzz_mutant_in_a_disabled_branch_is_not_parsed_and_says_why()
    {
        var clock = Stopwatch.StartNew();
        var outliner = new CSharpOutliner();
        var outline = outliner.Outline("a.cs", Mutant);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(outline.Symbols);
        Assert.Contains("nests assignments in parentheses more than 8 deep", outliner.WhyNotOutlined(Mutant), StringComparison.Ordinal);
    }

    [Fact]
    public void Outline_of_a_refused_file_says_why_instead_of_printing_an_empty_outline()
    {
        _repo.Write("Model.cs", Mutant);
        var result = CliRunner.Run(_repo.Root, "outline", "Model.cs");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Model.cs: not outlined, because", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Assignments_with_nothing_before_them_count_too()
    {
        // The seeded fuzz mutant that hung once the outliner parsed `#if` branches: `=` right after `(`.
        var mutant = "namespace N;\n#if DEBUG\npublic class Model<T> where T : new()\n{\n    void M(" + Repeat("= ( ", 40) + "= (1 + (2 * 3)); }\n}\n#endif\n";
        var clock = Stopwatch.StartNew();
        var outliner = new CSharpOutliner();
        outliner.Outline("a.cs", mutant);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.NotNull(outliner.WhyNotOutlined(mutant));
        // Compound operators and comparisons in parentheses stay parsed.
        Assert.Null(CSharpNestingGuard.WhyNotParsed("class C { void M() { var y = " + Repeat("(a += (b != (c <= ", 6) + "1; } }\n"));
    }

    [Theory]
    [InlineData("(x = ")]
    [InlineData("(r x = ")]
    [InlineData("(int x = ")]
    public void Nine_nested_assignments_in_parentheses_are_refused_and_eight_parsed(string unit)
    {
        string Body(int n) => "class C { void M() { var y = " + Repeat(unit, n) + "1; } }\n";
        Assert.Null(CSharpNestingGuard.WhyNotParsed(Body(8)));
        Assert.NotNull(CSharpNestingGuard.WhyNotParsed(Body(9)));
    }

    [Theory]
    // The scan crosses runs of characters it does not act on at once; what they leave behind still counts: the last
    // character before `<` (a comment in between is not one), the last non-blank one before `=`, and whether a `#` has
    // only spaces and tabs before it on its line.
    [InlineData("A/**/<", 300, true)]
    [InlineData("A <", 300, false)]
    [InlineData("(x \t = ", 9, true)]
    [InlineData("(x +  = ", 9, false)]
    [InlineData("\n \t#x", 5_001, true)]
    [InlineData("\n a #x", 5_001, false)]
    public void What_a_run_between_the_characters_that_matter_leaves_behind_counts(string unit, int count, bool refused)
    {
        var text = "class C { void M() { var y = " + Repeat(unit, count) + "1; } }\n";
        Assert.Equal(refused, CSharpNestingGuard.WhyNotParsed(text) is not null);
    }

    [Fact]
    public void Real_code_with_assignments_in_parentheses_comments_and_lambdas_is_parsed()
    {
        const string source = """
            class C
            {
                // an open parenthesis in prose (x = 1 (y = 2 (z = 3 (w = 4 (v = 5 (u = 6 (t = 7 (s = 8 (r = 9
                /* (x = (x = (x = (x = (x = (x = (x = (x = (x = */
                [Attr(Name = "n")]
                void M()
                {
                    using (var a = Open()) { if ((b = Read()) != null && (c == d) && (e >= f)) { } }
                    Run(x => { var d = (e = 1); Run(y => { var g = (h = 2); Run(z => { var i = (j = 3); }); }); });
                    for (int i = 0; i < n; i += 1) { }
                }
            }
            """;
        Assert.Null(CSharpNestingGuard.WhyNotParsed(source));
        Assert.Contains(new CSharpOutliner().Outline("a.cs", source).Symbols, s => s.QualifiedName == "C.M");
    }

    [Fact]
    public async Task A_symbol_reference_into_such_a_file_is_SMV0402_with_the_reason()
    {
        _repo.Write("src/Model.cs", Mutant).Write("map.json", """{ "impl": "src/Model.cs#Model.Name" }""");
        // A hang fails with a TimeoutException.
        var report = await Task.Run(() => new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])))
            .WaitAsync(TimeSpan.FromSeconds(60));
        var diagnostic = Assert.Single(report.AllDiagnostics);
        Assert.Equal(RuleIds.FileNotChecked, diagnostic.Id);
        Assert.Contains("'src/Model.cs' is not checked, because it nests assignments in parentheses", diagnostic.Message, StringComparison.Ordinal);
    }
}
