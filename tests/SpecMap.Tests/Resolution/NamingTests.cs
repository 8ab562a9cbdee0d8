using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Resolution;

/// <summary>
/// What a written name or path stands for (issue 11): a parameter list that fits no overload is never ok, an exact
/// qualified name beats a suffix, a basename is read where the lines were written, and a tiny member is not moved
/// into an unrelated class by likeness alone. Real repositories, real commits.
/// </summary>
public sealed class NamingTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private const string Overloads = """
        namespace Demo;

        public sealed class Converter
        {
            public string Convert(string text, int width, bool pad) => text;

            public string Format(int number) => number.ToString();

            public string Format(double number) => number.ToString();
        }
        """;

    private MappingReport ValidateOverloads(string symbol)
    {
        _repo.Write("src/Converter.cs", Overloads + "\n")
            .Write("map.json", $$"""{ "a": { "implementation": "src/Converter.cs", "symbol": "{{symbol}}" } }""").Commit();
        return EngineRun.Validate(_repo, "map.json");
    }

    [Fact]
    public void A_parameter_list_that_fits_the_only_overload_left_is_relocated_with_a_fix_writing_its_list()
    {
        var mapping = ValidateOverloads("Converter.Convert(string, int)");
        var result = Assert.Single(mapping.References);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(("src/Converter.cs", 5, 5), (result.Target!.File, result.Target.Start, result.Target.End));
        var finding = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.SymbolRenamed);
        Assert.Contains("Demo.Converter.Convert(string, int, bool)", finding.Message, StringComparison.Ordinal);
        // Two of three parameter types kept in place: confidence 0.6 + 0.4 × 0.8 = 0.92, above the default threshold.
        Assert.Contains(finding.Fix!.Edits, e => e.NewText.Contains("Converter.Convert(string, int, bool)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_parameter_list_that_fits_the_only_overload_left_poorly_gets_no_fix_but_says_what_it_is()
    {
        var mapping = ValidateOverloads("Converter.Convert(long)");
        Assert.Equal(ReferenceStatus.Relocated, Assert.Single(mapping.References).Status);
        var finding = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.SymbolRenamed);
        Assert.Contains("Convert(string, int, bool)", finding.Message, StringComparison.Ordinal);
        Assert.Null(finding.Fix);
    }

    [Fact]
    public void A_parameter_list_that_fits_none_of_several_overloads_is_ambiguous_naming_them()
    {
        var mapping = ValidateOverloads("Converter.Format(long)");
        Assert.Equal(ReferenceStatus.Ambiguous, Assert.Single(mapping.References).Status);
        var finding = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.Ambiguous);
        Assert.Contains("Format(int)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("Format(double)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_level_def_is_named_by_its_own_name_before_a_method_of_that_name()
    {
        _repo.Write("pkg/ctx.py", "class A:\n    def __getattr__(self, name):\n        return 1\n\n\ndef __getattr__(name):\n    return 2\n")
            .Write("map.json", """{ "a": { "implementation": "pkg/ctx.py#__getattr__" }, "b": { "implementation": "pkg/ctx.py#A.__getattr__" } }""").Commit();
        var references = EngineRun.Validate(_repo, "map.json").References;
        Assert.All(references, r => Assert.Equal(ReferenceStatus.Ok, r.Status));
        Assert.Equal((6, 7), (references.Single(r => r.Reference.Pointer == "/a/implementation").Target!.Start, references.Single(r => r.Reference.Pointer == "/a/implementation").Target!.End));
        Assert.Equal(2, references.Single(r => r.Reference.Pointer == "/b/implementation").Target!.Start);
    }

    [Fact]
    public void A_basename_is_read_at_the_commit_its_lines_belong_to_and_followed_through_a_rename()
    {
        var body = string.Join('\n', Enumerable.Range(1, 8).Select(i => $"def f{i}(x):\n    return x + {i}\n\n"));
        var verified = _repo.Write("src/flask/scaffold.py", body).Write("src/flask/blueprints.py", "def make_setup_state():\n    return 1\n").Commit();
        // Lines 9-10 are `f3` at the baseline.
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "implementation": "scaffold.py:9-10" }, "b": { "implementation": "blueprints.py#make_setup_state" } }""")
            .Move("src/flask/scaffold.py", "src/flask/sansio/scaffold.py")
            .Write("src/flask/sansio/scaffold.py", "import os\n\n\n" + body)
            .Write("src/flask/sansio/blueprints.py", "def make_setup_state():\n    return 2\n")
            .Commit();
        var references = EngineRun.Validate(_repo, "map.json").References;
        var moved = references.Single(r => r.Reference.Pointer == "/a/implementation");
        Assert.Equal(ReferenceStatus.Relocated, moved.Status);
        Assert.Equal(("src/flask/sansio/scaffold.py", 12, 13), (moved.Target!.File, moved.Target.Start, moved.Target.End));
        var kept = references.Single(r => r.Reference.Pointer == "/b/implementation");
        Assert.Equal(ReferenceStatus.Ok, kept.Status);
        Assert.Equal("src/flask/blueprints.py", kept.Target!.File);
    }

    [Fact]
    public void A_one_line_member_of_a_deleted_class_is_lost_not_moved_into_an_unrelated_class()
    {
        const string Dutch = """
            namespace Demo;

            public sealed class DutchConverter
            {
                public string Convert(int number)
                {
                    var words = new List<string>();
                    foreach (var fact in Facts)
                    {
                        words.Add(fact.Value.ToString(CultureInfo.InvariantCulture));
                    }
                    return string.Join(" en ", words);
                }

                private sealed class Fact
                {
                    public int Value { get; set; }
                }
            }
            """;
        const string Other = """
            namespace Demo;

            public sealed class ScaleConverter
            {
                private sealed class Scale
                {
                    public int Value { get; set; }
                }
            }
            """;
        var verified = _repo.Write("src/Dutch.cs", Dutch + "\n").Write("src/Other.cs", "namespace Demo;\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "implementation": "src/Dutch.cs:17", "symbol": "DutchConverter.Fact.Value" } }""")
            .Delete("src/Dutch.cs").Write("src/Other.cs", Other + "\n").Commit();
        var result = Assert.Single(EngineRun.Validate(_repo, "map.json").References);
        Assert.Equal(ReferenceStatus.Lost, result.Status);
    }

    [Fact]
    public void A_one_line_member_follows_its_class_when_the_class_was_renamed()
    {
        const string Before = """
            namespace Demo;

            public sealed class Holder
            {
                public int Value { get; set; }

                public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"holder {Value}");
            }
            """;
        var verified = _repo.Write("src/Holder.cs", Before + "\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "a": { "implementation": "src/Holder.cs:5", "symbol": "Holder.Value" } }""")
            .Write("src/Holder.cs", Before.Replace("class Holder", "class Container", StringComparison.Ordinal) + "\n").Commit();
        var result = Assert.Single(EngineRun.Validate(_repo, "map.json").References);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(("src/Holder.cs", 5, 5, "Demo.Container.Value"), (result.Target!.File, result.Target.Start, result.Target.End, result.Target.Symbol));
    }
}
