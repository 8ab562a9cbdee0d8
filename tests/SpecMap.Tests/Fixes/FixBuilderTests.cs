using SpecMap.Core.Diagnostics;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;
using static SpecMap.Tests.Fixes.FixHarness;

namespace SpecMap.Tests.Fixes;

/// <summary>FixBuilder on every relocation kind and every reference style, applied through MappingFixer.</summary>
public sealed class FixBuilderTests
{
    [Theory]
    [InlineData(RuleIds.FileRenamed)]
    [InlineData(RuleIds.FileNotFound)]
    [InlineData(RuleIds.SymbolMoved)]
    public void Compact_string_gets_the_new_path_and_lines_and_keeps_its_shape(string rule)
    {
        var fixedText = Fix("""{ "implementation": "src/a.py:10-20#handler" }""",
            When("src/a.py", _ => new Relocation(rule, "src/a.py", new ResolvedTarget("src/b.py", 14, 24, "handler"))));
        Assert.Equal("""{ "implementation": "src/b.py:14-24#handler" }""", fixedText);
    }

    [Fact]
    public void Shifted_symbol_changes_only_the_numbers_and_keeps_separators()
    {
        var fixedText = Fix("""{ "a": "src/a.py:L10 – L20#handler", "b": "./src/a.py: 30-40" }""",
            When("src/a.py", r => new Relocation(RuleIds.SymbolShifted, "src/a.py",
                r.Start == 10 ? new ResolvedTarget("src/a.py", 12, 23, "handler") : new ResolvedTarget("src/a.py", 33, 43, null))));
        Assert.Equal("""{ "a": "src/a.py:L12 – L23#handler", "b": "./src/a.py: 33-43" }""", fixedText);
    }

    [Fact]
    public void Range_beyond_the_end_is_pulled_back_to_the_symbol()
    {
        var fixedText = Fix("""{ "impl": "app.cs:400-420#Run" }""",
            When("app.cs", _ => new Relocation(RuleIds.RangeBeyondEnd, "src/app.cs", new ResolvedTarget("src/app.cs", 40, 52, "App.Run"))));
        Assert.Equal("""{ "impl": "app.cs:40-52#Run" }""", fixedText);
    }

    [Fact]
    public void Single_line_reference_stays_single_line()
    {
        var fixedText = Fix("""{ "impl": "src/a.py:120", "doc": "DOC_x.md:45" }""", r => r.Path switch
        {
            "src/a.py" => new Relocation(RuleIds.SymbolShifted, "src/a.py", new ResolvedTarget("src/a.py", 130, 150, "handler")),
            "DOC_x.md" => new Relocation(RuleIds.HeadingMoved, "docs/DOC_x.md", new ResolvedTarget("docs/DOC_x.md", 52, 60, null)),
            _ => null,
        });
        Assert.Equal("""{ "impl": "src/a.py:130", "doc": "DOC_x.md:52" }""", fixedText);
    }

    [Fact]
    public void Bare_basename_stays_a_basename_while_it_is_unique_in_the_tree()
    {
        using var repo = TestRepository.Create();
        repo.Write("srv/api_server.py", "x = 1\n").Write("srv/other/util.py", "y = 2\n").Write("lib/util.py", "z = 3\n");
        var paths = new PathResolver(new WorkTreeSource(repo.Root), null);
        var text = """{ "a": "api_server.py:10-20", "b": "helpers.py:5" }""";
        var fixedText = Fix(text, r => r.Path switch
        {
            // Moved to another folder, name unchanged and still unique: stays bare.
            "api_server.py" => new Relocation(RuleIds.FileRenamed, "old/api_server.py", new ResolvedTarget("srv/api_server.py", 11, 21, null)),
            // Renamed to a name two files share: the full path is written.
            "helpers.py" => new Relocation(RuleIds.FileRenamed, "helpers.py", new ResolvedTarget("lib/util.py", 5, 5, null)),
            _ => null,
        }, paths: paths);
        Assert.Equal("""{ "a": "api_server.py:11-21", "b": "lib/util.py:5" }""", fixedText);
    }

    [Fact]
    public void Object_form_changes_only_values_and_keeps_number_and_string_types()
    {
        var text = """
            {
              "one": { "file": "src/a.py", "start_line": 10, "end_line": "20", "symbol": "handler" },
              "two": { "path": "src/a.py", "lines": "30-40" },
              "three": { "file": "src/a.py", "line": 50 },
              "four": { "file": "src/a.py", "lines": [60, 70] }
            }
            """;
        var fixedText = Fix(text, When("src/a.py", r => new Relocation(RuleIds.FileRenamed, "src/a.py",
            new ResolvedTarget("pkg/a.py", r.Start!.Value + 1, r.End!.Value + 2, r.Symbol))));
        var expected = """
            {
              "one": { "file": "pkg/a.py", "start_line": 11, "end_line": "22", "symbol": "handler" },
              "two": { "path": "pkg/a.py", "lines": "31-42" },
              "three": { "file": "pkg/a.py", "line": 51 },
              "four": { "file": "pkg/a.py", "lines": [61, 72] }
            }
            """;
        Assert.Equal(expected, fixedText);
    }

    [Fact]
    public void Renamed_symbol_is_written_above_the_threshold_keeping_its_qualification_and_parameters()
    {
        var text = """{ "a": "src/a.py:10-20#Server.old_name", "b": { "file": "src/B.cs", "symbol": "Ns.B.Old(string, int)" } }""";
        Func<MappingReference, Relocation?> relocate = r => r.Path switch
        {
            "src/a.py" => new Relocation(RuleIds.SymbolRenamed, "src/a.py", new ResolvedTarget("src/a.py", 10, 22, "pkg.Server.new_name"), 0.9),
            "src/B.cs" => new Relocation(RuleIds.SymbolRenamed, "src/B.cs", new ResolvedTarget("src/B.cs", 3, 9, "Ns.B.New"), 0.85),
            _ => null,
        };
        Assert.Equal("""{ "a": "src/a.py:10-22#Server.new_name", "b": { "file": "src/B.cs", "symbol": "Ns.B.New(string, int)" } }""",
            Fix(text, relocate));
    }

    [Fact]
    public void Renamed_symbol_below_the_threshold_gets_no_fix()
    {
        var report = Report(Parse("""{ "a": "src/a.py:10-20#old_name" }"""), _ =>
            new Relocation(RuleIds.SymbolRenamed, "src/a.py", new ResolvedTarget("src/a.py", 10, 22, "new_name"), 0.5));
        Assert.Null(Assert.Single(report.Diagnostics).Fix);
    }

    [Fact]
    public void Renamed_symbol_in_a_sibling_key_is_renamed_there()
    {
        var text = """{ "item": { "implementation": "src/a.py:10-20", "symbol": "old_name", "status": "implemented" } }""";
        var fixedText = Fix(text, When("src/a.py", _ =>
            new Relocation(RuleIds.SymbolRenamed, "src/a.py", new ResolvedTarget("src/a.py", 12, 22, "new_name"), 0.95)));
        Assert.Equal("""{ "item": { "implementation": "src/a.py:12-22", "symbol": "new_name", "status": "implemented" } }""", fixedText);
    }

    [Fact]
    public void Lines_changed_is_fixed_by_diff_mapping_above_the_threshold()
    {
        var fixedText = Fix("""{ "a": "src/a.py:10-12" }""", When("src/a.py", _ =>
            new Relocation(RuleIds.LinesChanged, "src/a.py", new ResolvedTarget("src/a.py", 15, 17, null), 0.9)));
        Assert.Equal("""{ "a": "src/a.py:15-17" }""", fixedText);
    }

    [Fact]
    public void List_of_lines_in_one_string_gets_one_combined_edit()
    {
        var text = """{ "a": "src/a.py:2517, 2530-2540" }""";
        var report = Report(Parse(text), When("src/a.py", r => new Relocation(RuleIds.FileRenamed, "src/a.py",
            new ResolvedTarget("src/b.py", r.Start!.Value + 3, r.End!.Value + 3, null))));
        var plan = Core.Fixes.MappingFixer.Plan(report, null);
        Assert.Equal("""{ "a": "src/b.py:2520, 2533-2543" }""", plan.NewText);
        Assert.Equal(2, plan.Fixed.Length);
        Assert.Empty(plan.Skipped);
    }

    [Fact]
    public void A_part_of_a_lines_list_that_moved_to_another_file_alone_gets_no_fix()
    {
        var report = Report(Parse("""{ "a": "src/a.py:10, 30" }"""), r => r.Start == 10
            ? new Relocation(RuleIds.SymbolMoved, "src/a.py", new ResolvedTarget("src/b.py", 1, 5, "f"))
            : null);
        Assert.Null(Assert.Single(report.Diagnostics).Fix);
    }

    [Fact]
    public void Json_escapes_outside_the_changed_part_are_kept_and_new_text_is_escaped()
    {
        var text = """{ "a": "src\/a.py:10-20#h\u0061ndler", "b": "src\\win.py:5" }""";
        var fixedText = Fix(text, r => r.Path switch
        {
            "src/a.py" => new Relocation(RuleIds.SymbolShifted, "src/a.py", new ResolvedTarget("src/a.py", 11, 21, "handler")),
            "src/win.py" => new Relocation(RuleIds.FileRenamed, "src/win.py", new ResolvedTarget("src/new \"q\".py", 5, 5, null)),
            _ => null,
        });
        Assert.Equal("""{ "a": "src\/a.py:11-21#h\u0061ndler", "b": "src\\new \"q\".py:5" }""", fixedText);
    }

    [Fact]
    public void GitHub_line_anchor_keeps_its_form()
    {
        var fixedText = Fix("""{ "a": "src/a.py#L10-L20" }""", When("src/a.py", _ =>
            new Relocation(RuleIds.SymbolShifted, "src/a.py", new ResolvedTarget("src/a.py", 14, 24, "handler"))));
        Assert.Equal("""{ "a": "src/a.py#L14-L24" }""", fixedText);
    }

    [Fact]
    public void Doc_reference_under_docs_root_stays_relative_to_it_and_gets_the_new_anchor()
    {
        var text = """{ "docs_root": "docs/spec", "doc": "DOC_events.md#old-heading", "doc2": "v1/DOC_api.md:45" }""";
        var fixedText = Fix(text, r => r.Path switch
        {
            "DOC_events.md" => new Relocation(RuleIds.HeadingMoved, "docs/spec/DOC_events.md",
                new ResolvedTarget("docs/spec/DOC_events.md", 30, 40, "new-heading")),
            "v1/DOC_api.md" => new Relocation(RuleIds.FileRenamed, "docs/spec/v1/DOC_api.md", new ResolvedTarget("docs/spec/v2/DOC_api.md", 47, 60, null)),
            _ => null,
        });
        Assert.Equal("""{ "docs_root": "docs/spec", "doc": "DOC_events.md#new-heading", "doc2": "v2/DOC_api.md:47" }""", fixedText);
    }

    [Fact]
    public void Rules_without_a_fix_and_unresolved_references_get_none()
    {
        var report = Report(Parse("""{ "a": "src/a.py:10-20#gone" }"""), _ =>
            new Relocation(RuleIds.SymbolNotFound, "src/a.py", new ResolvedTarget("src/a.py", 10, 20, "gone")));
        Assert.Null(Assert.Single(report.Diagnostics).Fix);
    }

    [Fact]
    public void Safe_fix_is_labelled_safe_with_its_description()
    {
        var report = Report(Parse("""{ "a": "src/a.py:10-20#h" }"""), _ =>
            new Relocation(RuleIds.SymbolShifted, "src/a.py", new ResolvedTarget("src/a.py", 11, 21, "h")));
        var fix = Assert.Single(report.Diagnostics).Fix!;
        Assert.Equal(FixSafety.Safe, fix.Safety);
        Assert.Equal("point the reference at src/a.py:11-21 (h)", fix.Description);
        var edits = fix.Edits.Select(e => (e.OldText, e.NewText)).ToList();
        Assert.Equal([("10", "11"), ("20", "21")], edits);
    }

    [Fact]
    public void Rename_found_with_lines_guessed_below_the_threshold_fixes_only_the_path()
    {
        var document = Parse("""{ "a": "src/a.py:10-12" }""");
        var reference = Assert.Single(document.References);
        Finding renamed = new(RuleIds.FileRenamed, "renamed"), changed = new(RuleIds.LinesChanged, "changed");
        var result = new ReferenceResult(reference, "src/a.py", new ResolutionOutcome(ReferenceStatus.Relocated,
            new ResolvedTarget("src/b.py", 30, 33, null), HowFound.Diff, 0.4, [renamed, changed]));
        var pathFix = Core.Fixes.FixBuilder.ForReference(document, result, renamed, Threshold)!;
        Assert.Equal([("src/a.py", "src/b.py")], pathFix.Edits.Select(e => (e.OldText, e.NewText)).ToList());
        Assert.Null(Core.Fixes.FixBuilder.ForReference(document, result, changed, Threshold));
    }
}
