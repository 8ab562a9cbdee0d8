using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Validation;

/// <summary>SMV0111 (issue 11, point 8): the code of an event or endpoint item should mention it, its last segment or its model.</summary>
public sealed class ItemEvidenceTests : IDisposable
{
    // _build_created at 1-2, _build_incomplete at 5-6, cancel route at 9-11, helper at 14-15.
    private const string Code =
        "def _build_created(response):\n    return ResponseCreatedEvent(type=\"response.created\")\n\n\n"
        + "def _build_incomplete(response):\n    return make(response)\n\n\n"
        + "@router.post(\"/v1/responses/{response_id}/cancel\")\nasync def cancel(response_id):\n    return None\n\n\n"
        + "def helper(x):\n    return x\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public ItemEvidenceTests() => _repo.Write("serving.py", Code);

    public void Dispose() => _repo.Dispose();

    private List<Diagnostic> Warnings(string mapping)
    {
        _repo.Write("map.json", mapping).Commit();
        return [.. EngineRun.Validate(_repo, "map.json").Diagnostics.Where(d => d.Id == RuleIds.ItemNotMentioned)];
    }

    [Fact]
    public void An_event_item_pointing_at_code_that_never_names_it_is_a_warning_that_says_what_was_expected()
    {
        var warning = Assert.Single(Warnings("""
            { "streaming_events": [ { "name": "response.incomplete", "implementation": "serving.py:1-2",
                                      "model": "serving.py#ResponseIncompleteEvent" } ] }
            """));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("/streaming_events/0/implementation", warning.Pointer);
        Assert.Equal("lines 1-2 of 'serving.py' (in '_build_created') never mention 'response.incomplete', 'incomplete' or 'ResponseIncompleteEvent'; check that this is the item's code, or suppress SMV0111 for the item",
            warning.Message);
    }

    [Fact]
    public void The_last_segment_in_the_enclosing_declaration_is_evidence_enough()
    {
        // Line 6 alone says `make(response)`; the function around it is `_build_incomplete`.
        Assert.Empty(Warnings("""{ "events": { "response.incomplete": { "implementation": "serving.py:6" } } }"""));
    }

    [Fact]
    public void The_model_named_in_the_lines_is_evidence_enough()
    {
        Assert.Empty(Warnings("""
            { "events": { "response.began": { "implementation": "serving.py:1-2", "model": "serving.py#ResponseCreatedEvent" } } }
            """));
    }

    [Fact]
    public void An_endpoint_is_found_by_its_route_or_its_last_path_segment()
    {
        Assert.Empty(Warnings("""{ "endpoints": { "POST /v1/responses/{response_id}/cancel": { "implementation": "serving.py:9-11" } } }"""));
        var warning = Assert.Single(Warnings("""{ "endpoints": { "POST /v1/responses/{response_id}/cancel": { "implementation": "serving.py:14-15" } } }"""));
        Assert.Contains("never mention '/v1/responses/{response_id}/cancel' or 'cancel'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_not_named_like_an_event_or_an_endpoint_are_not_judged()
    {
        Assert.Empty(Warnings("""
            { "request_parameters": { "background": { "implementation": "serving.py:14-15" } },
              "models": { "Helper thing": { "implementation": "serving.py:14-15" } } }
            """));
    }

    [Fact]
    public void The_example_mapping_and_an_item_suppressing_the_rule_stay_clean()
    {
        Assert.Empty(Warnings("""{ "events": { "response.incomplete": { "suppress": ["SMV0111"], "implementation": "serving.py:14-15" } } }"""));
    }
}
