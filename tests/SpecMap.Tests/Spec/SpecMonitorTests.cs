using System.Security.Cryptography;
using System.Text;
using LibGit2Sharp;
using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Spec;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Spec;

/// <summary>Spec monitoring (contract §5) on real repositories: spec_hash, the word diff from the baseline commit, coverage.</summary>
public sealed class SpecMonitorTests : IDisposable
{
    private const string DocPath = "docs/spec/DOC_streaming_events.md";

    private const string OldDoc = """
        # Streaming events

        Events the server emits while a response streams.

        ## response.created
        Emitted when a response is created.
        - `response`: the response object.

        ## response.function_call_arguments.delta
        Emitted when there is a partial   function-call arguments delta.
        - `delta`: a string. The function-call arguments delta that is added.

        ## response.in_progress
        Emitted while the response is in progress.

        """;

    private static readonly string NewDoc = OldDoc.Replace("a string.", "an array of strings.", StringComparison.Ordinal);

    private readonly TestRepository _repo = TestRepository.Create();
    private readonly Outliners _outliners = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Normalisation_trims_collapses_whitespace_and_drops_blank_lines()
    {
        var text = "## response.created\r\n\r\n  Emitted when\t a response   is created.  \r\n\r\n- `response`: the response object.\r\n";
        var heading = new OutlineSymbol(SymbolKinds.Heading, "response.created", "responsecreated", 1, 1, 5, Level: 2);
        var normal = SpecSections.NormalisedText(text, heading);
        Assert.Equal("## response.created\nEmitted when a response is created.\n- `response`: the response object.", normal);
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal)));
        Assert.Equal(expected, SpecSections.Hash([normal]));
        Assert.Matches("^sha256:[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void Unchanged_section_reports_nothing()
    {
        _repo.Write(DocPath, OldDoc);
        var baseline = _repo.Commit("spec");
        WriteMapping(HashOf(OldDoc, "responsefunction_call_argumentsdelta"));
        var (diagnostics, _) = Check(baseline);
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.SpecSectionChanged);
        // The second item records no hash: only it gets SMV0205.
        Assert.Equal("/streaming_events/1/documentation", Assert.Single(diagnostics, d => d.Id == RuleIds.SpecSectionNotHashed).Pointer);
    }

    [Fact]
    public void Changed_section_shows_a_word_diff_from_the_baseline_commit_and_offers_the_new_hash()
    {
        _repo.Write(DocPath, OldDoc);
        var recorded = HashOf(OldDoc, "responsefunction_call_argumentsdelta");
        var baseline = _repo.Commit("spec as reviewed");
        _repo.Write(DocPath, NewDoc).Commit("spec: delta is an array");
        var document = WriteMapping(recorded);

        var (diagnostics, _) = Check(baseline);
        var changed = Assert.Single(diagnostics, d => d.Id == RuleIds.SpecSectionChanged);
        Assert.Equal(Severity.Warning, changed.Severity);
        Assert.Equal("/streaming_events/0/spec_hash", changed.Pointer);
        Assert.Equal((6, 20), (changed.Location.Line, changed.Location.Column));
        Assert.Contains("DOC_streaming_events.md#responsefunction_call_argumentsdelta changed since it was reviewed: "
            + "- \"a string.\" + \"an array of strings.\"", changed.Message, StringComparison.Ordinal);
        Assert.Equal(new CodeLocation(DocPath, 9, 11), Assert.Single(changed.RelatedLocations));

        var fix = changed.Fix!;
        Assert.Equal(FixSafety.Unsafe, fix.Safety);
        var edit = Assert.Single(fix.Edits);
        Assert.Equal($"\"{recorded}\"", edit.OldText);
        Assert.Equal($"\"{HashOf(NewDoc, "responsefunction_call_argumentsdelta")}\"", edit.NewText);

        // After review, the recorded hash silences the rule.
        WriteText(Apply(document.Text, edit));
        Assert.DoesNotContain(Check(baseline).Diagnostics, d => d.Id == RuleIds.SpecSectionChanged);
    }

    [Fact]
    public void Without_the_old_text_the_message_says_the_section_changed_since_it_was_hashed()
    {
        _repo.Write(DocPath, NewDoc);
        var head = _repo.Commit("spec");
        WriteMapping(HashOf(OldDoc, "responsefunction_call_argumentsdelta"));

        // No baseline, and a baseline whose text does not hash to the recorded value: no misleading diff either way.
        foreach (var baseline in new string?[] { null, head })
        {
            var changed = Assert.Single(Check(baseline).Diagnostics, d => d.Id == RuleIds.SpecSectionChanged);
            Assert.Contains("changed since it was hashed; re-review the item", changed.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_line_reference_names_the_section_it_lands_in()
    {
        _repo.Write(DocPath, NewDoc);
        var head = _repo.Commit("spec");
        WriteText($$"""
            {
              "docs_root": "docs/spec",
              "items": [ { "documentation": "DOC_streaming_events.md:10", "spec_hash": "{{HashOf(NewDoc, "responsefunction_call_argumentsdelta")}}" } ]
            }
            """);
        Assert.DoesNotContain(Check(head).Diagnostics, d => d.Id == RuleIds.SpecSectionChanged);
    }

    [Fact]
    public void Missing_hash_is_SMV0205_off_by_default_and_its_fix_inserts_the_hash()
    {
        _repo.Write(DocPath, OldDoc);
        var head = _repo.Commit("spec");
        var document = WriteText("""
            {
              "docs_root": "docs/spec",
              "streaming_events": [
                {
                  "name": "response.created",
                  "documentation": "DOC_streaming_events.md#responsecreated"
                }
              ]
            }
            """);
        var missing = Assert.Single(Check(head).Diagnostics, d => d.Id == RuleIds.SpecSectionNotHashed);
        Assert.Equal(Severity.None, missing.Severity);
        Assert.Equal(FixSafety.Safe, missing.Fix!.Safety);

        var fixedText = Apply(document.Text, Assert.Single(missing.Fix.Edits));
        Assert.Contains($$"""
                  "documentation": "DOC_streaming_events.md#responsecreated",
                  "spec_hash": "{{HashOf(OldDoc, "responsecreated")}}"
                }
            """, fixedText, StringComparison.Ordinal);
        WriteText(fixedText);
        Assert.DoesNotContain(Check(head).Diagnostics, d => d.Id is RuleIds.SpecSectionNotHashed or RuleIds.SpecSectionChanged);
    }

    [Fact]
    public void Uncovered_sections_are_SMV0204_with_a_coverage_figure()
    {
        _repo.Write(DocPath, OldDoc).Write("docs/spec/NOTES.md", "## Not a spec document\n");
        var head = _repo.Commit("spec");
        WriteMapping(HashOf(OldDoc, "responsefunction_call_argumentsdelta"));

        var (diagnostics, coverage) = Check(head);
        Assert.Equal(new SpecCoverage(3, 2), coverage);
        var uncovered = Assert.Single(diagnostics, d => d.Id == RuleIds.SpecSectionUncovered);
        Assert.Equal("spec section 'response.in_progress' (docs/spec/DOC_streaming_events.md:13, #responsein_progress) is covered by no mapping item; add an item that references it",
            uncovered.Message);
        Assert.Equal(("/docs_root", 2, 16), (uncovered.Pointer, uncovered.Location.Line, uncovered.Location.Column));
        Assert.Equal(Severity.Info, uncovered.Severity);

        // heading_level and doc_glob decide what a section is.
        Assert.Equal(new SpecCoverage(1, 1), Check(head, SpecMapConfig.Default with { SpecHeadingLevel = 1 }).Coverage);
        Assert.Equal(new SpecCoverage(1, 0), Check(head, SpecMapConfig.Default with { DocGlob = "NOTES.md" }).Coverage);
    }

    [Fact]
    public void Without_docs_root_there_is_no_coverage()
    {
        _repo.Write(DocPath, OldDoc);
        var head = _repo.Commit("spec");
        WriteText("""{ "items": [ { "documentation": "docs/spec/DOC_streaming_events.md#responsecreated" } ] }""");
        var (diagnostics, coverage) = Check(head);
        Assert.Null(coverage);
        Assert.DoesNotContain(diagnostics, d => d.Id == RuleIds.SpecSectionUncovered);
    }

    [Fact]
    public void Validator_reports_coverage_with_docs_root_from_the_config_and_turns_SMV0205_on_by_config()
    {
        _repo.Write(DocPath, OldDoc)
            .Write(ConfigLoader.FileName, """{ "spec": { "docs_root": "docs/spec" }, "severity": { "SMV0205": "info" } }""")
            .Write("SPEC_TO_CODE_MAPPING.json", """
                { "streaming_events": [ { "name": "response.created", "documentation": "DOC_streaming_events.md#responsecreated" } ] }
                """);
        _repo.Commit("spec and mapping");
        var report = new Validator().Validate(new ValidationRequest(_repo.Root, []));
        var mapping = Assert.Single(report.Mappings);
        Assert.Equal(new SpecCoverage(3, 1), mapping.Coverage);
        Assert.Equal(2, mapping.Diagnostics.Count(d => d.Id == RuleIds.SpecSectionUncovered));
        Assert.Equal(Severity.Info, Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.SpecSectionNotHashed).Severity);
    }

    [Fact]
    public void Cli_reports_a_changed_section_in_msbuild_form_and_fails_with_warnings_as_errors()
    {
        _repo.Write(DocPath, NewDoc);
        WriteMapping(HashOf(OldDoc, "responsefunction_call_argumentsdelta"));
        _repo.Commit("spec changed after review");
        var result = CliRunner.Run(_repo.Root, "validate", "SPEC_TO_CODE_MAPPING.json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SPEC_TO_CODE_MAPPING.json(6,20): warning SMV0203: spec section "
            + "DOC_streaming_events.md#responsefunction_call_argumentsdelta changed since", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run(_repo.Root, "validate", "SPEC_TO_CODE_MAPPING.json", "--warnings-as-errors").ExitCode);
    }

    private string HashOf(string doc, string anchor)
    {
        var outline = _outliners.Outline(DocPath, doc, GitBlobId.Of(Encoding.UTF8.GetBytes(doc)));
        var heading = outline!.Symbols.Single(s => s.QualifiedName == anchor);
        return SpecSections.Hash([SpecSections.NormalisedText(doc, heading)]);
    }

    private MappingDocument WriteMapping(string deltaHash) => WriteText($$"""
        {
          "docs_root": "docs/spec",
          "streaming_events": [
            {
              "documentation": "DOC_streaming_events.md#responsefunction_call_argumentsdelta",
              "spec_hash": "{{deltaHash}}",
              "name": "response.function_call_arguments.delta"
            },
            { "name": "response.created", "documentation": { "file": "DOC_streaming_events.md", "line": 5 } }
          ]
        }
        """);

    private MappingDocument WriteText(string text)
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", text);
        return Load();
    }

    private MappingDocument Load()
    {
        var tree = WorkTreeSource.FromRepository(_repo.Repository);
        var paths = new PathResolver(tree, null);
        return MappingLoader.Load(_repo.PathOf("SPEC_TO_CODE_MAPPING.json"), "SPEC_TO_CODE_MAPPING.json", paths.NamesAFile);
    }

    private (List<Diagnostic> Diagnostics, SpecCoverage? Coverage) Check(string? baselineCommit, SpecMapConfig? config = null)
    {
        config ??= SpecMapConfig.Default;
        var document = Load();
        var tree = WorkTreeSource.FromRepository(_repo.Repository);
        var paths = new PathResolver(tree, document.DocsRoot ?? config.DocsRoot);
        var results = document.References.Select(r =>
        {
            var (path, _) = paths.Resolve(r.Path, r.Kind);
            return new ReferenceResult(r, path, new ResolutionOutcome(ReferenceStatus.Ok, null, HowFound.Exact, 1, []));
        }).ToList();
        ISourceTree? baseline = baselineCommit is null ? null : new GitTreeSource(_repo.Repository, _repo.Repository.Lookup<Commit>(baselineCommit));
        var (diagnostics, coverage) = SpecMonitor.Check(document, results, new SpecContext(tree, baseline, _outliners, config));
        return ([.. diagnostics], coverage);
    }

    private static string Apply(string text, MappingEdit edit)
    {
        Assert.Equal(edit.OldText, text.Substring(edit.Offset, edit.Length));
        return text[..edit.Offset] + edit.NewText + text[(edit.Offset + edit.Length)..];
    }
}
