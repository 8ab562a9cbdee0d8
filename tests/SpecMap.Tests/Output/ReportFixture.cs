using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Tests.Output;

/// <summary>
/// The one report every format is snapshotted on: a real mapping parsed by the real loader (so locations, pointers and
/// the SMV0002 shape error are the engine's), with resolution outcomes written out by hand so the snapshots cover every
/// feature a format renders (relocations, fixes safe and unsafe, related code, spec coverage, scores) independently of
/// how far the resolver has come.
/// </summary>
internal static class ReportFixture
{
    public const string MappingPath = "mapping/api.specmap.json";
    public const string Against = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    public const string VerifiedAt = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    public const string MappingText = """
        {
          "version": "1.1",
          "verified_at": "9fceb02d0ae598e95dc970b74767f19372d61af8",
          "docs_root": "docs/spec",
          "endpoints": {
            "POST /v1/responses": {
              "status": "implemented",
              "compliance_score": 100,
              "implementation": "src/api_server.py:10-20",
              "symbol": "create_responses",
              "documentation": "DOC_responses.md#create-a-response"
            },
            "GET /v1/models | list": {
              "status": "partial",
              "compliance_score": 50,
              "implementation": "src/models.py:5"
            }
          },
          "streaming_events": [
            {
              "name": "response.output_text.delta",
              "status": 5,
              "compliance_score": 70,
              "implementation": { "file": "src/events.py", "lines": "30-42", "symbol": "TextDelta" }
            }
          ],
          "overall_compliance_score": 80
        }

        """;

    private const string Responses = "/endpoints/POST ~1v1~1responses";
    private const string Models = "/endpoints/GET ~1v1~1models | list";

    public static ValidationReport Build()
    {
        var document = MappingLoader.Parse(Encoding.UTF8.GetBytes(MappingText), MappingPath, null,
            path => path.EndsWith(".py", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal));
        var results = new List<ReferenceResult>();
        var diagnostics = new List<Diagnostic>(document.ShapeDiagnostics);

        var api = Reference(document, Responses + "/implementation");
        var apiResult = Result(api, "src/api_server.py", ReferenceStatus.Relocated, new ResolvedTarget("src/api_server.py", 14, 24, "create_responses"), "symbol", 1.0);
        results.Add(apiResult);
        diagnostics.Add(new Diagnostic(RuleIds.SymbolShifted, Severity.Error,
            "'create_responses' is at lines 14-24 of 'src/api_server.py', no longer at lines 10-20; run `specmap validate --fix` to update the reference",
            api.Location, api.Pointer,
            new MappingFix("Point the reference at lines 14-24", FixSafety.Safe,
                [new MappingEdit(api.Pointer, api.Node.Start + 1, "src/api_server.py:10-20", "src/api_server.py:14-24")]),
            Reference: apiResult));

        var doc = Reference(document, Responses + "/documentation");
        var docResult = Result(doc, "docs/spec/DOC_responses.md", ReferenceStatus.Ok, new ResolvedTarget("docs/spec/DOC_responses.md", 3, 9, "create-a-response"), "exact", 1.0);
        results.Add(docResult);
        diagnostics.Add(new Diagnostic(RuleIds.SpecSectionChanged, Severity.Warning,
            "spec section 'Create a response' changed since it was last verified:\n- returns *200* | 201\n+ returns `202`",
            doc.Location, doc.Pointer,
            new MappingFix("Record the new spec_hash after review", FixSafety.Unsafe,
                [new MappingEdit(doc.Pointer, doc.Node.End, string.Empty, ",\n      \"spec_hash\": \"sha256:0f1e\"")], 0.5),
            Reference: docResult));

        var models = Reference(document, Models + "/implementation");
        var modelsResult = Result(models, null, ReferenceStatus.Lost, null, null, 0);
        results.Add(modelsResult);
        diagnostics.Add(new Diagnostic(RuleIds.FileNotFound, Severity.Error,
            "'src/models.py' does not exist in the work tree, and git history shows no rename of it; correct the path, or remove the reference if the code is gone", models.Location, models.Pointer, Reference: modelsResult));

        var events = Reference(document, "/streaming_events/0/implementation");
        var eventsResult = Result(events, "src/events.py", ReferenceStatus.Relocated, new ResolvedTarget("src/events.py", 31, 45, "OutputTextDelta"), "rename", 0.82);
        results.Add(eventsResult);
        diagnostics.Add(new Diagnostic(RuleIds.SymbolRenamed, Severity.Error,
            "'TextDelta' (lines 30-42 of 'src/events.py' in commit 5b22caa) looks renamed to 'OutputTextDelta' at lines 31-45 of 'src/events.py' (confidence 0.82); run `specmap validate --fix` to update the reference", events.Location, events.Pointer,
            new MappingFix("Rename the symbol to 'OutputTextDelta' and point at lines 31-45", FixSafety.Unsafe,
                [
                    new MappingEdit(events.Pointer, Offset(document, "\"30-42\"") + 1, "30-42", "31-45"),
                    new MappingEdit(events.Pointer, Offset(document, "\"TextDelta\"") + 1, "TextDelta", "OutputTextDelta"),
                ], 0.82),
            [new CodeLocation("src/events.py", 31, 45), new CodeLocation("src/legacy_events.py", 7, 12)], eventsResult));

        var overall = Offset(document, "80\n");
        diagnostics.Add(new Diagnostic(RuleIds.ScoreDisagrees, Severity.Warning,
            "'overall_compliance_score' is 80, but the mean of the 3 item scores under it is 73; run `specmap validate --fix` to write 73", document.LocationOf(overall), "/overall_compliance_score",
            new MappingFix("Set overall_compliance_score to 73", FixSafety.Safe, [new MappingEdit("/overall_compliance_score", overall, "80", "73")])));

        var docsRoot = Offset(document, "\"docs/spec\"");
        diagnostics.Add(new Diagnostic(RuleIds.SpecSectionUncovered, Severity.Info,
            "spec section 'Streaming events > Errors' (docs/spec/DOC_streaming.md:40, #errors) is covered by no mapping item; add an item that references it",
            document.LocationOf(docsRoot), "/docs_root"));

        var sorted = diagnostics
            .OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        var report = new MappingReport(document, VerifiedAt, Against, [.. results.OrderBy(r => r.Reference.Location.Line)], sorted, new SpecCoverage(4, 3));
        return new ValidationReport([report]);
    }

    private static MappingReference Reference(MappingDocument document, string pointer) =>
        document.References.Single(r => r.Pointer == pointer);

    private static ReferenceResult Result(MappingReference reference, string? path, ReferenceStatus status, ResolvedTarget? target, string? how, double confidence) =>
        new(reference, path, new ResolutionOutcome(status, target, how, confidence, []));

    private static int Offset(MappingDocument document, string text)
    {
        var offset = document.Text.IndexOf(text, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"fixture text lacks {text}");
        return offset;
    }
}
