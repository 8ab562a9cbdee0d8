using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Tests.Catalog;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Scaffold;

/// <summary>
/// `specmap init` on the example server (mapping/examples/server with its spec slice, copied at the same paths into a
/// real git repository) against the hand-written example mapping: every event the spec defines gets the same model and
/// the same builder (file, lines and symbol), the endpoint the same handler, and the required fields the same names.
/// </summary>
public sealed class ExampleScaffoldTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void The_scaffold_of_the_example_server_finds_what_the_hand_written_mapping_says()
    {
        var source = CatalogTests.RepositoryRoot();
        foreach (var file in Directory.GetFiles(Path.Combine(source, "mapping", "examples", "server"), "*", SearchOption.AllDirectories)
            .Append(Path.Combine(source, "mapping", "examples", "spec", "openapi.yaml")))
        {
            _repository.Write(Path.GetRelativePath(source, file).Replace('\\', '/'), File.ReadAllText(file));
        }
        _repository.Commit("the example server");
        var run = CliRunner.Run(_repository.Root, "init", "--spec", "mapping/examples/spec/openapi.yaml", "--filter", "/responses", "-o", "SCAFFOLD.json");
        Assert.Equal(0, run.ExitCode);

        var hand = Items(File.ReadAllText(Path.Combine(source, "mapping", "examples", "SPEC_TO_CODE_MAPPING.json")));
        var scaffold = Items(_repository.Read("SCAFFOLD.json"));
        var events = hand.Keys.Where(k => k.Section == "streaming_events" && scaffold.ContainsKey(k)).ToList();
        Assert.Equal(19, events.Count);
        foreach (var key in events)
        {
            var (h, s) = (hand[key], scaffold[key]);
            Assert.Equal(h.GetProperty("model").GetString(), s.GetProperty("model").GetString());
            Assert.Equal(Reference(h), Reference(s));
            Assert.Equal(FieldNames(h).Order(StringComparer.Ordinal), FieldNames(s).Order(StringComparer.Ordinal));
        }
        var endpoint = ("endpoints", "POST /v1/responses");
        Assert.Equal(Reference(hand[endpoint]), Reference(scaffold[endpoint]));

        _repository.Commit("scaffold");
        var problems = ContractRun.Validate(_repository, "SCAFFOLD.json").Where(d => d.Severity is Severity.Error or Severity.Warning);
        Assert.Empty(problems);
    }

    private static Dictionary<(string Section, string Label), JsonElement> Items(string json)
    {
        var items = new Dictionary<(string, string), JsonElement>();
        foreach (var section in JsonDocument.Parse(json).RootElement.EnumerateObject())
        {
            if (section.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in section.Value.EnumerateArray())
                {
                    items[(section.Name, item.GetProperty("name").GetString()!)] = item;
                }
            }
            else if (section.Name is "endpoints" or "request_parameters")
            {
                foreach (var item in section.Value.EnumerateObject())
                {
                    items[(section.Name, item.Name)] = item.Value;
                }
            }
        }
        return items;
    }

    /// <summary>File, lines and symbol of the item's implementation, whichever form it is written in.</summary>
    private static (string? File, string? Lines, string? Symbol) Reference(JsonElement item)
    {
        var implementation = item.GetProperty("implementation");
        if (implementation.ValueKind == JsonValueKind.Object)
        {
            return (implementation.GetProperty("file").GetString(), implementation.GetProperty("lines").GetString(), implementation.GetProperty("symbol").GetString());
        }
        var text = implementation.GetString()!;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var symbol = hash >= 0 ? text[(hash + 1)..] : item.TryGetProperty("symbol", out var sibling) ? sibling.GetString() : null;
        var path = hash >= 0 ? text[..hash] : text;
        var colon = path.LastIndexOf(':');
        return (path[..colon], path[(colon + 1)..], symbol);
    }

    private static IEnumerable<string> FieldNames(JsonElement item)
    {
        var fields = item.GetProperty("required_fields");
        return fields.ValueKind == JsonValueKind.Array ? fields.EnumerateArray().Select(f => f.GetString()!) : fields.EnumerateObject().Select(f => f.Name);
    }
}
