using System.Text.Json;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Scaffold;
using SpecMap.Tests.Catalog;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Scaffold;

/// <summary>
/// Issue 12 point 5: `specmap init` scaffolds a mapping from the spec (the vendored slice of OpenAI's document) and the
/// code of a real git repository, and the scaffold validates with no error and no warning on a correct repository.
/// </summary>
public sealed class InitCommandTests : IDisposable
{
    private const string Mapping = "SPEC_TO_CODE_MAPPING.json";

    private static readonly string Slice = File.ReadAllText(Path.Combine(CatalogTests.RepositoryRoot(), "mapping", "examples", "spec", "openapi.yaml"));

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private const string PythonModels = """
        from typing import Literal, Optional

        from pydantic import BaseModel


        class ResponsesRequest(BaseModel):
            model: str
            stream: Optional[bool] = False
            temperature: Optional[float] = None


        class ResponseTextDeltaEvent(BaseModel):
            type: Literal["response.output_text.delta"] = "response.output_text.delta"
            sequence_number: int
            item_id: str
            output_index: int
            content_index: int
            delta: str
            logprobs: list[dict] = []


        class ResponseCreatedEvent(BaseModel):
            type: str
            sequence_number: int
            response: dict

        """;

    private const string PythonApi = """
        from fastapi import FastAPI

        from server.protocol import ResponseCreatedEvent, ResponsesRequest, ResponseTextDeltaEvent

        app = FastAPI()


        def build_text_delta(sequence, delta):
            return ResponseTextDeltaEvent(sequence_number=sequence, item_id="msg_1", output_index=0, content_index=0, delta=delta)


        def build_created(sequence):
            return ResponseCreatedEvent(type="response.created", sequence_number=sequence, response={})


        def build_completed(sequence):
            return {"type": "response.completed", "sequence_number": sequence, "response": {}}


        @app.post("/v1/responses")
        async def create_response(request: ResponsesRequest):
            yield build_created(0)
            yield build_text_delta(1, "Hi")
            yield build_completed(2)

        """;

    [Fact]
    public void A_python_repository_gets_a_scaffold_that_validates_clean()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write("server/protocol.py", PythonModels).Write("server/api.py", PythonApi);
        _repository.Commit("a FastAPI server");

        var result = CliRunner.Run(_repository.Root, "init", "--spec", "specs/openapi.yaml", "--filter", "/responses", "-o", Mapping);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"written to {Mapping}", result.Stderr, StringComparison.Ordinal);
        var text = _repository.Read(Mapping);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(ScaffoldJson.SchemaUri, root.GetProperty("$schema").GetString());
        Assert.Equal("specs/openapi.yaml", root.GetProperty("spec").GetProperty("openapi").GetString());

        var endpoint = root.GetProperty("endpoints").GetProperty("POST /v1/responses");
        Assert.Equal("route", endpoint.GetProperty("confidence").GetString());
        Assert.Equal("server/api.py:20-24#create_response", endpoint.GetProperty("implementation").GetString());
        Assert.Equal("server/protocol.py#ResponsesRequest", endpoint.GetProperty("model").GetString());

        var parameters = root.GetProperty("request_parameters");
        Assert.Equal("server/protocol.py:7#ResponsesRequest.model", parameters.GetProperty("model").GetProperty("implementation").GetString());
        Assert.Equal("string", parameters.GetProperty("model").GetProperty("type").GetString());
        Assert.Equal("implemented", parameters.GetProperty("temperature").GetProperty("status").GetString());
        Assert.Equal("missing", parameters.GetProperty("background").GetProperty("status").GetString());
        Assert.Equal("none", parameters.GetProperty("background").GetProperty("confidence").GetString());

        var events = root.GetProperty("streaming_events").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(events.Keys.Order(StringComparer.Ordinal), events.Keys);
        var delta = events["response.output_text.delta"];
        Assert.Equal("type-literal", delta.GetProperty("confidence").GetString());
        Assert.Equal("server/protocol.py#ResponseTextDeltaEvent", delta.GetProperty("model").GetString());
        Assert.Equal("server/api.py:8-9#build_text_delta", delta.GetProperty("implementation").GetString());
        Assert.Equal("string", delta.GetProperty("required_fields").GetProperty("delta").GetString());
        Assert.Equal("array<object>", delta.GetProperty("required_fields").GetProperty("logprobs").GetString());
        var created = events["response.created"];
        Assert.Equal("name", created.GetProperty("confidence").GetString());
        Assert.Equal("server/api.py:12-13#build_created", created.GetProperty("implementation").GetString());
        var completed = events["response.completed"];
        Assert.Equal("implemented", completed.GetProperty("status").GetString());
        Assert.Equal("server/api.py:16-17#build_completed", completed.GetProperty("implementation").GetString());
        Assert.False(completed.TryGetProperty("model", out _));
        var failed = events["response.failed"];
        Assert.Equal("missing", failed.GetProperty("status").GetString());
        Assert.Equal("none", failed.GetProperty("confidence").GetString());
        Assert.Equal(3, failed.GetProperty("required_fields").EnumerateObject().Count());

        _repository.Commit("scaffolded mapping");
        AssertValidatesClean();
    }

    [Fact]
    public void A_csharp_repository_with_records_and_a_minimal_api_gets_a_scaffold_that_validates_clean()
    {
        _repository.Write("specs/openapi.yaml", Slice)
            .Write("src/Server/Models.cs", """
                using System.Text.Json.Serialization;

                namespace Demo.Server;

                public sealed record CreateResponseRequest(
                    [property: JsonPropertyName("model")] string Model,
                    [property: JsonPropertyName("stream")] bool? Stream)
                {
                    [JsonPropertyName("temperature")]
                    public double? Temperature { get; init; }
                }

                public sealed record ResponseTextDeltaEvent(
                    [property: JsonPropertyName("item_id")] string ItemId,
                    [property: JsonPropertyName("output_index")] int OutputIndex,
                    [property: JsonPropertyName("content_index")] int ContentIndex,
                    [property: JsonPropertyName("delta")] string Delta,
                    [property: JsonPropertyName("sequence_number")] int SequenceNumber,
                    [property: JsonPropertyName("logprobs")] IReadOnlyList<object> Logprobs)
                {
                    [JsonPropertyName("type")]
                    public string Type { get; init; } = "response.output_text.delta";
                }
                """)
            .Write("src/Server/ResponsesApi.cs", """
                namespace Demo.Server;

                public static class ResponsesApi
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/v1/responses", (CreateResponseRequest request) =>
                        {
                            return Results.Ok(Events.TextDelta("Hi", 1));
                        });
                    }
                }

                public static class Events
                {
                    public static ResponseTextDeltaEvent TextDelta(string delta, int sequence) => new("msg_1", 0, 0, delta, sequence, []);
                }
                """);
        _repository.Commit("a minimal API");

        var result = CliRunner.Run(_repository.Root, "init", "--spec", "specs/openapi.yaml", "--filter", "/v1/responses", "-o", Mapping);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(_repository.Read(Mapping));
        var root = json.RootElement;
        var endpoint = root.GetProperty("endpoints").GetProperty("POST /v1/responses");
        Assert.Equal("route", endpoint.GetProperty("confidence").GetString());
        Assert.Equal("src/Server/ResponsesApi.cs:7-10", endpoint.GetProperty("implementation").GetString());
        Assert.Equal("src/Server/Models.cs#CreateResponseRequest", endpoint.GetProperty("model").GetString());
        var parameters = root.GetProperty("request_parameters");
        Assert.Equal("src/Server/Models.cs:5-11#CreateResponseRequest", parameters.GetProperty("model").GetProperty("implementation").GetString());
        Assert.Equal("src/Server/Models.cs:9-10#CreateResponseRequest.Temperature", parameters.GetProperty("temperature").GetProperty("implementation").GetString());
        var delta = root.GetProperty("streaming_events").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "response.output_text.delta");
        Assert.Equal("type-literal", delta.GetProperty("confidence").GetString());
        Assert.Equal("src/Server/Models.cs#ResponseTextDeltaEvent", delta.GetProperty("model").GetString());
        Assert.Equal("src/Server/ResponsesApi.cs:16#Events.TextDelta", delta.GetProperty("implementation").GetString());

        _repository.Commit("scaffolded mapping");
        AssertValidatesClean();
    }

    [Fact]
    public void The_scaffold_is_deterministic_two_space_json_with_a_final_newline_on_stdout()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write("server/protocol.py", PythonModels).Write("server/api.py", PythonApi);
        _repository.Commit("a FastAPI server");
        var first = CliRunner.Run(_repository.Root, "init", "--spec", "specs/openapi.yaml");
        var second = CliRunner.Run(_repository.Root, "-q", "init", "--spec", "specs/openapi.yaml");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Empty(second.Stderr);
        Assert.StartsWith("{\n  \"$schema\": ", first.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\t", first.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_appends_what_is_missing_in_the_mappings_own_style_and_a_second_run_changes_nothing()
    {
        // Four-space indent, CRLF, object-form references, a comment and a trailing comma: all kept, and copied by new items.
        var original = string.Join("\r\n",
            "{",
            "    \"version\": \"1.1\",",
            "    \"spec\": { \"openapi\": \"specs/openapi.yaml\", \"paths\": [\"/responses\"] },",
            "    \"streaming_events\": [",
            "        {",
            "            \"name\": \"response.output_text.delta\",",
            "            \"status\": \"implemented\",",
            "            \"implementation\": { \"file\": \"server/api.py\", \"lines\": \"8-9\", \"symbol\": \"build_text_delta\" },",
            "            \"model\": \"server/protocol.py#ResponseTextDeltaEvent\"",
            "        }, // the one we care about",
            "    ],",
            "    \"endpoints\": {",
            "        \"POST /responses\": { \"status\": \"implemented\", \"implementation\": \"server/api.py:20-24#create_response\" }",
            "    }",
            "}",
            string.Empty);
        _repository.Write("specs/openapi.yaml", Slice).Write("server/protocol.py", PythonModels).Write("server/api.py", PythonApi).Write(Mapping, original);
        _repository.Commit("a hand-written mapping");

        var result = CliRunner.Run(_repository.Root, "init", "--update");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("added", result.Stderr, StringComparison.Ordinal);
        var updated = _repository.Read(Mapping);
        // Only insertions: every original line is still there, in order, byte for byte.
        var lines = updated.Split("\r\n");
        var cursor = 0;
        foreach (var line in original.Split("\r\n"))
        {
            cursor = Array.IndexOf(lines, line, cursor);
            Assert.True(cursor >= 0, $"original line lost: {line}");
        }
        Assert.DoesNotContain("\n", updated.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("\"name\": \"response.output_text.delta\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\"POST /v1/responses\"", StringComparison.Ordinal));
        Assert.Contains("            \"name\": \"response.created\",", lines);
        Assert.Contains("                \"file\": \"server/api.py\",", lines);
        Assert.Contains("    \"request_parameters\": {", lines);
        using (var json = JsonDocument.Parse(updated, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
            Assert.Equal(19, json.RootElement.GetProperty("streaming_events").GetArrayLength());
        }

        var again = CliRunner.Run(_repository.Root, "init", "--update");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to add", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(updated, _repository.Read(Mapping));

        _repository.Commit("updated mapping");
        AssertValidatesClean();
    }

    [Fact]
    public void Update_adds_the_spec_and_new_sections_to_a_mapping_that_has_neither()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write("server/protocol.py", PythonModels).Write("server/api.py", PythonApi)
            .Write(Mapping, "{\n  \"version\": \"1.1\"\n}\n");
        _repository.Commit("an empty mapping");
        var result = CliRunner.Run(_repository.Root, "init", "--update", "--spec", "specs/openapi.yaml", "--filter", "/responses");
        Assert.Equal(0, result.ExitCode);
        var updated = _repository.Read(Mapping);
        Assert.StartsWith("{\n  \"version\": \"1.1\",\n  \"spec\": {\n    \"openapi\": \"specs/openapi.yaml\",", updated, StringComparison.Ordinal);
        Assert.Contains("\n  \"streaming_events\": [\n    {\n      \"name\": \"error\",", updated, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run(_repository.Root, "init", "--update").ExitCode);
        Assert.Equal(updated, _repository.Read(Mapping));
        // The mapping may be named as validate names it, without -o; named twice differently is one error.
        Assert.Equal(0, CliRunner.Run(_repository.Root, "init", "--update", Mapping).ExitCode);
        Assert.Equal(updated, _repository.Read(Mapping));
        var twice = CliRunner.Run(_repository.Root, "init", "--update", Mapping, "-o", "other.json");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("named twice", twice.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_refuses_a_mapping_that_does_not_parse_with_its_position_and_changes_nothing()
    {
        const string broken = "{\n  \"version\": \"1.1\",\n  \"endpoints\": { \"POST /v1/responses\": { \"status\": } }\n}\n";
        _repository.Write("specs/openapi.yaml", Slice).Write(Mapping, broken);
        _repository.Commit("a broken mapping");
        var result = CliRunner.Run(_repository.Root, "init", "--update", "--spec", "specs/openapi.yaml");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"specmap: {Mapping}:3:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal(broken, _repository.Read(Mapping));
    }

    [Fact]
    public void Bad_invocations_exit_2_with_one_line()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write(Mapping, "{}\n");
        _repository.Commit("an empty mapping");
        var cases = new[]
        {
            (Args: new[] { "init" }, Expected: "no spec"),
            (Args: new[] { "init", "--spec", "nope.yaml" }, Expected: "nope.yaml"),
            (Args: new[] { "init", "--spec", "specs/openapi.yaml", "--filter", "/files" }, Expected: "--filter /files"),
            (Args: new[] { "init", "--spec", "specs/openapi.yaml", "-o", Mapping }, Expected: "exists; use --update"),
            (Args: new[] { "init", "--update", "-o", "other.json", "--spec", "specs/openapi.yaml" }, Expected: "no such mapping"),
        };
        foreach (var (args, expected) in cases)
        {
            var result = CliRunner.Run(_repository.Root, args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.Trim().Split('\n'));
        }
        Assert.Equal("{}\n", _repository.Read(Mapping));
    }

    [Fact]
    public void Without_spec_the_configured_spec_and_paths_are_used()
    {
        _repository.Write("specs/openapi.yaml", Slice).Write("server/protocol.py", PythonModels).Write("server/api.py", PythonApi)
            .Write(".specmap.json", "{ \"spec\": { \"openapi\": \"specs/openapi.yaml\", \"paths\": [\"/responses\"] } }\n");
        _repository.Commit("configured spec");
        var result = CliRunner.Run(Path.Combine(_repository.Root, "server"), "init");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("specs/openapi.yaml", json.RootElement.GetProperty("spec").GetProperty("openapi").GetString());
        Assert.Equal("/responses", json.RootElement.GetProperty("spec").GetProperty("paths")[0].GetString());
        Assert.Equal("server/api.py:20-24#create_response",
            json.RootElement.GetProperty("endpoints").GetProperty("POST /v1/responses").GetProperty("implementation").GetString());
    }

    [Fact]
    public void The_schema_uri_is_the_id_of_the_schema_the_repository_ships()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogTests.RepositoryRoot(), "mapping", "spec-mapping.schema.json")));
        Assert.Equal(ScaffoldJson.SchemaUri, schema.RootElement.GetProperty("$id").GetString());
    }

    private void AssertValidatesClean()
    {
        var diagnostics = ContractRun.Validate(_repository, Mapping);
        var problems = diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.True(problems.Count == 0, ContractRun.Show(problems));
    }
}
