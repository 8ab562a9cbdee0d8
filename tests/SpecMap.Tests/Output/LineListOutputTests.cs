using System.Text.Json;
using SpecMap.Core.Output;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Output;

/// <summary>
/// A list of lines (`"src/app.py:1-2, 4-5"`) gives several references under one JSON pointer: each part's diagnostic
/// carries its own reference, so SARIF shows each part's own target and fingerprint, and JSON names the part.
/// </summary>
public sealed class LineListOutputTests : IDisposable
{
    private const string Code = "def first():\n    return 1\n\ndef second():\n    return 2\n";

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private Core.Results.ValidationReport ShiftedReport()
    {
        _repo.Write("src/app.py", Code).Write("map.json", """{ "impl": "src/app.py:1-2, 4-5" }""");
        _repo.Commit("initial");
        _repo.Write("src/app.py", "# one\n# two\n# three\n" + Code);
        _repo.Commit("three lines on top");
        return new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"]));
    }

    [Fact]
    public void Sarif_gives_each_part_its_own_target_and_fingerprint()
    {
        var report = ShiftedReport();
        using var log = JsonDocument.Parse(new SarifReportFormatter().Format(report));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString() == "/impl")
            .ToList();
        Assert.Equal(2, results.Count);
        var targets = results
            .Select(r => r.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region"))
            .Select(region => (region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32()))
            .Order()
            .ToList();
        Assert.Equal([(4, 5), (7, 8)], targets);
        var prints = results.Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifReportFormatter.FingerprintKey).GetString()).ToList();
        Assert.NotEqual(prints[0], prints[1]);
        // Part 0 keeps the fingerprint a single reference has always had, so existing alerts keep their history.
        var first = report.AllDiagnostics.Single(d => d.Pointer == "/impl" && d.Reference!.Reference.Part == 0);
        Assert.Contains(SarifReportFormatter.Fingerprint(first with { Reference = null }), prints);
    }

    [Fact]
    public void Json_names_the_part_of_each_diagnostic_and_each_reference_has_its_target()
    {
        using var json = JsonDocument.Parse(new JsonReportFormatter().Format(ShiftedReport()));
        var mapping = json.RootElement.GetProperty("mappings")[0];
        var references = mapping.GetProperty("references").EnumerateArray().ToList();
        Assert.Equal([0, 1], references.Select(r => r.TryGetProperty("part", out var part) ? part.GetInt32() : 0));
        Assert.Equal([4, 7], references.Select(r => r.GetProperty("target").GetProperty("start").GetInt32()));
        var parts = mapping.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("pointer").GetString() == "/impl")
            .Select(d => d.TryGetProperty("part", out var part) ? part.GetInt32() : 0)
            .Order()
            .ToList();
        Assert.Equal([0, 1], parts);
    }

    [Fact]
    public void Sarif_gives_references_joined_in_prose_their_own_fingerprints()
    {
        _repo.Write("src/app.py", Code).Write("src/other.py", Code)
            .Write("map.json", """{ "impl": "src/app.py:1-2 and src/other.py:4-5" }""");
        _repo.Commit("initial");
        _repo.Write("src/app.py", "# one\n" + Code).Write("src/other.py", "# one\n# two\n" + Code);
        _repo.Commit("lines on top of both");
        var report = new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"]));
        var joined = report.AllDiagnostics.Where(d => d.Pointer == "/impl" && d.Reference is not null).ToList();
        Assert.Equal(2, joined.Select(d => d.Reference!.Reference.SegmentStart).Distinct().Count());
        var prints = joined.Select(SarifReportFormatter.Fingerprint).Distinct().ToList();
        Assert.Equal(joined.Count, prints.Count);
        // The first keeps the hash a lone reference has, so its alert keeps its history.
        Assert.Contains(SarifReportFormatter.Fingerprint(joined[0] with { Reference = null }), prints);
    }
}
