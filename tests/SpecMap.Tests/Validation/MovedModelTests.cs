using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Validation;

/// <summary>Contract checks read a model where resolution found it: a class that moved to another file since the
/// mapping's commit is checked at its new place, not looked for at the old one.</summary>
public sealed class MovedModelTests : IDisposable
{
    private const string Event = "class DeltaEvent(BaseModel):\n    item_id: str\n    delta: dict[str, list[str]]\n";
    private const string Helpers = "from pydantic import BaseModel\n\n\ndef helper():\n    return 1\n\n\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Theory]
    [InlineData("server/protocol.py#DeltaEvent")]
    [InlineData("server/protocol.py:8-10")]
    public void A_model_moved_to_another_file_is_checked_at_its_new_place(string model)
    {
        _repo.Write("server/protocol.py", Helpers + Event).Write("server/events.py", "from pydantic import BaseModel\n");
        _repo.Write("SPEC_TO_CODE_MAPPING.json", $$"""
            {
              "events": [
                { "name": "response.tool_call.delta", "model": "{{model}}",
                  "required_fields": { "item_id": "string", "delta": "string", "call_id": "string" } }
              ]
            }
            """).Commit("model in protocol.py");
        // The class moves to events.py, below new lines; the mapping still says protocol.py at the old commit.
        _repo.Write("server/protocol.py", Helpers).Write("server/events.py", "from pydantic import BaseModel\n\n# events\n\n\n" + Event).Commit("move the event");

        var report = EngineRun.Validate(_repo, "SPEC_TO_CODE_MAPPING.json");

        var reference = Assert.Single(report.References);
        Assert.Equal((ReferenceStatus.Relocated, "server/events.py"), (reference.Status, reference.Target?.File));
        var contract = report.Diagnostics.Where(d => d.Id is RuleIds.RequiredFieldMissing or RuleIds.RequiredFieldIncompatible)
            .Select(d => (d.Id, d.Pointer, Assert.Single(d.RelatedLocations).File)).ToList();
        Assert.Equal(
            [
                (RuleIds.RequiredFieldIncompatible, "/events/0/required_fields/delta", "server/events.py"),
                (RuleIds.RequiredFieldMissing, "/events/0/required_fields/call_id", "server/events.py"),
            ],
            contract);
    }
}
