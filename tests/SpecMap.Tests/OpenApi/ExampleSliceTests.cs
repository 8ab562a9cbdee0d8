using System.Text.Json;
using SpecMap.Core.OpenApi;
using SpecMap.Tests.Catalog;

namespace SpecMap.Tests.OpenApi;

/// <summary>The example's vendored slice of OpenAI's document (mapping/examples/spec, made by make_slice.py).</summary>
public sealed class ExampleSliceTests
{
    private static readonly string Folder = Path.Combine(CatalogTests.RepositoryRoot(), "mapping", "examples", "spec");

    private static OpenApiSpec Slice() => OpenApiLoader.Load(File.ReadAllBytes(Path.Combine(Folder, "openapi.yaml")), "openapi.yaml");

    [Fact]
    public void Slice_holds_the_events_the_example_maps_that_the_spec_defines_and_the_request_body()
    {
        using var mapping = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "..", "SPEC_TO_CODE_MAPPING.json")));
        var mapped = mapping.RootElement.GetProperty("streaming_events").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToHashSet();
        var spec = Slice();
        var events = spec.StreamEvents("POST", "/v1/responses").Select(e => e.Name).ToList();

        Assert.Equal(19, events.Count);
        Assert.Equal(["response.tool_call.delta"], mapped.Except(events).ToArray());
        Assert.Equal("string", spec.RequestFields(spec.FindEndpoint("POST /v1/responses")!).Single(f => f.Name == "model").TypeText);
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(Folder, "LICENSE")), StringComparison.Ordinal);
    }

    [OpenAiSpecFact]
    public void Slice_events_have_the_same_fields_as_the_tip_of_the_full_document()
    {
        var slice = Slice();
        var tip = OpenAiSpecBundle.Load("main:openapi.yaml");

        foreach (var streamEvent in slice.StreamEvents("POST", "/responses"))
        {
            var full = tip.Schema(tip.FindEvent(streamEvent.Name)!.Schema)!;
            var sliced = slice.Schema(streamEvent.Schema)!;
            Assert.Equal(full.Fields.Select(f => $"{f.Name}:{f.TypeText}:{f.Required}"), sliced.Fields.Select(f => $"{f.Name}:{f.TypeText}:{f.Required}"));
        }
    }
}
