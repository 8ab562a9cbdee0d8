using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Validation;

/// <summary>A message must not contradict itself (issue 11, point 9): "moved from lines 5-6 to 5-6".</summary>
public sealed class SelfConsistentMessageTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_symbol_that_did_not_move_is_reported_at_its_lines_not_as_moved()
    {
        _repo.Write("a.py", "def create(request):\n    return request\n\n\ndef delete(request):\n    return None\n")
            .Write("map.json", """{ "del": "a.py:1-2#delete" }""").Commit();
        // The file changes below `delete`, so its history is read: `delete` was at 5-6 then and is there now.
        _repo.Write("a.py", _repo.Read("a.py") + "\n\ndef update(request):\n    return request\n").Commit();

        var diagnostic = Assert.Single(EngineRun.Validate(_repo, "map.json").Diagnostics);
        Assert.Equal(RuleIds.SymbolShifted, diagnostic.Id);
        Assert.DoesNotContain("moved", diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith("'delete' is at lines 5-6 of 'a.py', not at the recorded lines 1-2 (unchanged since commit ", diagnostic.Message, StringComparison.Ordinal);
    }
}
