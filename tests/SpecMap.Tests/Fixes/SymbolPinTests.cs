using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Results;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Fixes;

/// <summary>A lost lines-only reference gets the name of the declaration its lines covered at the baseline, as the
/// resolver found it there, so moving `verified_at` cannot make the same lines name something else.</summary>
public sealed class SymbolPinTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_deleted_declaration_is_pinned_by_name_in_both_styles()
    {
        _repo.Write("app/items.py", "def list_items(limit):\n    return []\n\n\ndef keep():\n    return 1\n");
        const string Mapping = """
            {
              "a": "app/items.py:1-2",
              "b": { "file": "app/items.py", "lines": [1, 2] }
            }

            """;
        _repo.Write("map.json", Mapping).Commit("initial");
        _repo.Write("app/items.py", "def keep():\n    return 1\n").Commit("drop list_items");

        var report = EngineRun.Validate(_repo, "map.json");

        Assert.All(report.References, r => Assert.Equal(ReferenceStatus.Lost, r.Status));
        var baseline = Assert.Single(report.References.Select(r => r.Outcome.Baseline).Distinct());
        Assert.Equal(("list_items", $"commit {report.VerifiedAt![..7]}"), (baseline!.Symbol.QualifiedName, baseline.Snapshot));
        var pins = report.Diagnostics.Where(d => d.Fix is not null).ToList();
        Assert.Equal(2, pins.Count);
        Assert.All(pins, d => Assert.Equal(RuleIds.SymbolNotFound, d.Id));
        Assert.All(pins, d => Assert.Equal($"record that these lines stood for 'list_items' at {baseline.Snapshot}, so moving verified_at keeps the reference lost", d.Fix!.Description));
        var plan = MappingFixer.Plan(report, null);
        Assert.Equal(Mapping
            .Replace("\"app/items.py:1-2\"", "\"app/items.py:1-2#list_items\"", StringComparison.Ordinal)
            .Replace("\"app/items.py\", \"lines\"", "\"app/items.py\", \"symbol\": \"list_items\", \"lines\"", StringComparison.Ordinal),
            plan.NewText);
    }

    [Fact]
    public void Lines_outside_any_declaration_get_no_pin()
    {
        _repo.Write("app/items.py", "import os\n\n\ndef keep():\n    return 1\n");
        _repo.Write("map.json", """{ "a": "app/items.py:1-2" }""").Commit("initial");
        _repo.Write("app/items.py", "def keep():\n    return 1\n").Commit("drop the import");

        var report = EngineRun.Validate(_repo, "map.json");

        var reference = Assert.Single(report.References);
        Assert.Equal(ReferenceStatus.Lost, reference.Status);
        Assert.Null(reference.Outcome.Baseline);
        Assert.DoesNotContain(report.Diagnostics, d => d.Fix is not null);
    }
}
