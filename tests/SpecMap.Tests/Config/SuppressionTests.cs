using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Config;

/// <summary>Per-item `"suppress": [...]` (contract §6), through the real validator.</summary>
public sealed class SuppressionTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public SuppressionTests() => _repo.Write("src/app.py", "def response_handler():\n    return 1\n");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void An_item_suppresses_an_id_for_itself_and_below_only()
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "endpoints": {
                "GET /v1/responses/{response_id}": { "status": 5, "suppress": ["smv0002"], "implementation": "src/app.py:1-2" },
                "DELETE /v1/responses/{response_id}": { "status": 5, "implementation": "src/app.py:1-2" }
              }
            }
            """);
        var report = Validate();
        var remaining = Assert.Single(report.AllDiagnostics);
        Assert.Equal((RuleIds.ShapeError, "/endpoints/DELETE ~1v1~1responses~1{response_id}/status"), (remaining.Id, remaining.Pointer));
    }

    [Fact]
    public void Suppress_on_the_top_level_object_covers_the_whole_mapping()
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", """
            { "suppress": ["SMV0002"], "endpoints": { "a": { "status": 5 }, "b": { "compliance_score": 140 } } }
            """);
        Assert.Empty(Validate().AllDiagnostics);
    }

    [Fact]
    public void Unknown_ids_in_a_suppress_list_are_reported()
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", """
            {
              "endpoints": {
                "a": { "status": 5, "suppress": ["SMV109", 7] }
              }
            }
            """);
        var problems = Validate().AllDiagnostics.Where(d => d.Id == RuleIds.ConfigurationProblem).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal((3, 38), (problems[0].Location.Line, problems[0].Location.Column));
        Assert.Contains("'SMV109' in 'suppress', so it suppresses nothing", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal("/endpoints/a/suppress/1", problems[1].Pointer);
        // The misspelt ID suppressed nothing: the status error is still there.
        Assert.Contains(Validate().AllDiagnostics, d => d.Id == RuleIds.ShapeError);
    }

    private ValidationReport Validate() => new Validator().Validate(new ValidationRequest(_repo.Root, []));
}
