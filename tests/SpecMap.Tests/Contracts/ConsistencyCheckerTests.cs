using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Output;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>SMV0301 (status against references), SMV0302 (scores against item scores, with the fix), SMV0305 (100 with a contract error).</summary>
public sealed class ConsistencyCheckerTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private static MappingDocument Parse(string json) =>
        MappingLoader.Parse(System.Text.Encoding.UTF8.GetBytes(json), "map.json", null, _ => false);

    [Fact]
    public void Implemented_without_code_and_missing_with_code_contradict()
    {
        var document = Parse("""
            {
              "a": { "status": "implemented", "documentation": "DOC_responses.md:4" },
              "b": { "status": "Partial" },
              "c": { "status": "missing", "implementation": "server/api.py:10-20" },
              "d": { "status": "implemented", "implementation": { "file": "server/api.py", "symbol": "create" } },
              "e": { "status": "missing" },
              "f": { "status": "deprecated" }
            }
            """);
        var found = ConsistencyChecker.Check(document, [], []).ToList();
        Assert.Equal(["/a/status", "/b/status", "/c/status"], found.Select(d => d.Pointer));
        Assert.All(found, d => Assert.Equal(RuleIds.StatusContradictsReferences, d.Id));
        Assert.Contains("no code reference", found[0].Message, StringComparison.Ordinal);
        Assert.Contains("status is 'missing', but the item has 1 code reference;", found[2].Message, StringComparison.Ordinal);
        Assert.Equal((2, 20), (found[0].Location.Line, found[0].Location.Column));
    }

    [Fact]
    public void Overall_and_section_scores_are_the_rounded_mean_with_a_fix()
    {
        const string json = """
            {
              "endpoints": {
                "compliance_score": 90,
                "GET /a": { "compliance_score": 100 },
                "GET /b": { "compliance_score": 50 }
              },
              "streaming_events": [
                { "name": "x", "compliance_score": 100 },
                { "name": "y", "compliance_score": 0 }
              ],
              "streaming_events_compliance_score": "50%",
              "overall_compliance_score": 74
            }
            """;
        var document = Parse(json);
        var found = ConsistencyChecker.Check(document, [], []).OrderBy(d => d.Pointer, StringComparer.Ordinal).ToList();
        // Items: 100, 50, 100, 0 → overall 62.5 → 63; endpoints 75; streaming events 50 (agrees).
        Assert.Equal(["/endpoints/compliance_score", "/overall_compliance_score"], found.Select(d => d.Pointer));
        Assert.All(found, d => Assert.Equal(RuleIds.ScoreDisagrees, d.Id));
        Assert.Contains("'overall_compliance_score' is 74, but the mean of the 4 item scores under it is 63; run `specmap validate --fix` to write 63", found[1].Message, StringComparison.Ordinal);

        // Applying the fixes gives a mapping the check accepts.
        var text = json;
        foreach (var edit in found.SelectMany(d => d.Fix!.Edits).OrderByDescending(e => e.Offset))
        {
            Assert.Equal(edit.OldText, text.Substring(edit.Offset, edit.Length));
            text = text[..edit.Offset] + edit.NewText + text[(edit.Offset + edit.Length)..];
        }
        Assert.All(found, d => Assert.Equal(FixSafety.Safe, d.Fix!.Safety));
        Assert.Contains("\"overall_compliance_score\": 63", text, StringComparison.Ordinal);
        Assert.Contains("\"compliance_score\": 75,", text, StringComparison.Ordinal);
        Assert.Empty(ConsistencyChecker.Check(Parse(text), [], []));
    }

    [Fact]
    public void The_short_score_key_is_an_item_score_here_as_on_the_dashboards()
    {
        var document = Parse("""
            {
              "endpoints": {
                "GET /a": { "score": 100 },
                "GET /b": { "compliance_score": 50 }
              },
              "overall_compliance_score": 90
            }
            """);
        var found = Assert.Single(ConsistencyChecker.Check(document, [], []));
        Assert.Equal("/overall_compliance_score", found.Pointer);
        Assert.Contains("the mean of the 2 item scores under it is 75", found.Message, StringComparison.Ordinal);
        Assert.Equal([("GET /a", 100.0), ("GET /b", 50.0)],
            ComplianceScores.Sections(document).Single().ItemScores.Select(i => (i.Item, i.Score)));
    }

    [Fact]
    public void A_score_within_one_of_the_mean_is_accepted_and_a_string_score_keeps_its_percent()
    {
        Assert.Empty(ConsistencyChecker.Check(Parse("""
            { "items": [ { "compliance_score": 67 }, { "compliance_score": 68 } ], "overall_compliance_score": 68 }
            """), [], []));
        var found = Assert.Single(ConsistencyChecker.Check(Parse("""
            { "items": [ { "compliance_score": 10 } ], "overall_compliance_score": "74%" }
            """), [], []));
        Assert.Equal("\"10%\"", Assert.Single(found.Fix!.Edits).NewText);
    }

    [Fact]
    public void An_item_with_a_contract_error_may_not_keep_a_full_score()
    {
        _repository.Write("server/protocol.py", """
            from pydantic import BaseModel

            class DeltaEvent(BaseModel):
                delta: list[str]
            """).Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "streaming_events": [
                { "name": "ok", "status": "implemented", "compliance_score": 100,
                  "model": "server/protocol.py#DeltaEvent", "required_fields": { "delta": "array<string>" } },
                { "name": "bad", "status": "implemented", "compliance_score": 100,
                  "model": "server/protocol.py#DeltaEvent", "required_fields": { "delta": "string", "item_id": "string" } }
              ],
              "overall_compliance_score": 100
            }
            """).Commit();
        var diagnostics = ContractRun.Validate(_repository);
        Assert.Equal(
            [
                (RuleIds.FullScoreWithContractError, "/streaming_events/1/compliance_score"),
                (RuleIds.RequiredFieldIncompatible, "/streaming_events/1/required_fields/delta"),
                (RuleIds.RequiredFieldMissing, "/streaming_events/1/required_fields/item_id"),
            ],
            diagnostics.Select(d => (d.Id, d.Pointer)).OrderBy(p => p.Pointer, StringComparer.Ordinal));
        var full = diagnostics.Single(d => d.Id == RuleIds.FullScoreWithContractError);
        Assert.Contains("SMV0303 and SMV0304 on 'delta' and 'item_id'", full.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, full.Severity);
    }
}
