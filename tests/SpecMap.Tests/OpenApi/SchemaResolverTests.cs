using System.Text;
using SpecMap.Core.OpenApi;

namespace SpecMap.Tests.OpenApi;

/// <summary>The resolver on small documents written for each construct: references, allOf, unions, nullability, enums, arrays, maps, nesting.</summary>
public sealed class SchemaResolverTests
{
    private const string Document = """
        openapi: 3.0.3
        servers:
          - url: https://api.example.com/v1
        paths:
          /responses:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/CreateResponse'
              responses:
                '200':
                  content:
                    text/event-stream:
                      schema:
                        $ref: '#/components/schemas/StreamEvent'
          /responses/{response_id}:
            get:
              responses:
                '200':
                  $ref: '#/components/responses/Plain'
        components:
          responses:
            Plain:
              description: ok
          schemas:
            StreamEvent:
              oneOf:
                - $ref: '#/components/schemas/TextDelta'
                - $ref: '#/components/schemas/Created'
                - anyOf:
                    - $ref: '#/components/schemas/Failed'
              discriminator:
                propertyName: type
                mapping:
                  response.created: '#/components/schemas/Created'
            Base:
              type: object
              properties:
                sequence_number:
                  type: integer
              required: [sequence_number]
            TextDelta:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    type:
                      type: string
                      enum: [response.output_text.delta]
                    delta:
                      type: string
                    logprobs:
                      type: array
                      items:
                        type: object
                        properties:
                          token: {type: string}
                          top:
                            type: array
                            items:
                              type: object
                              properties:
                                token: {type: string}
                              required: [token]
                        required: [token]
                    note:
                      type: string
                      nullable: true
                    tags:
                      type: object
                      additionalProperties:
                        type: array
                        items: {type: string}
                    status:
                      $ref: '#/components/schemas/Status'
                  required: [type, delta, logprobs]
            Created:
              type: object
              properties:
                type: {type: string}
                response: {$ref: '#/components/schemas/Created'}
              required: [type, response]
            Failed:
              type: object
              properties:
                type: {type: string, enum: [response.failed]}
                error:
                  oneOf:
                    - {type: string}
                    - {type: integer}
                  nullable: true
              required: [type]
            Status:
              type: string
              enum: [queued, done]
            CreateResponse:
              allOf:
                - type: object
                  properties:
                    model: {type: string}
                  required: [model]
                - type: object
                  properties:
                    stream: {type: boolean, nullable: true}
        """;

    private static OpenApiSpec Spec(string text) => OpenApiLoader.Load(Encoding.UTF8.GetBytes(text), "openapi.yaml");

    [Fact]
    public void Stream_events_are_named_by_the_discriminator_mapping_or_the_type_enum_through_nested_unions()
    {
        var spec = Spec(Document);

        Assert.Equal(
            ["response.created=Created", "response.failed=Failed", "response.output_text.delta=TextDelta"],
            spec.StreamEvents("POST", "/v1/responses").Select(e => $"{e.Name}={e.Schema}"));
    }

    [Fact]
    public void AllOf_parts_merge_with_their_required_flags_and_fields_get_contract_types()
    {
        var delta = Spec(Document).Schema("#/components/schemas/TextDelta")!;

        Assert.Equal(
            ["sequence_number:integer!", "type:string!", "delta:string!", "logprobs:array<object>!", "note:string?", "tags:map<array<string>>", "status:string"],
            delta.Fields.Select(f => $"{f.Name}:{f.TypeText.Split(' ')[0]}{(f.Required ? "!" : "")}"));
        Assert.Equal(["queued", "done"], delta.Field("status")!.Type.Values.ToArray());
        Assert.Equal(["response.output_text.delta"], delta.Field("type")!.Type.Values.ToArray());
    }

    [Fact]
    public void Inline_objects_are_reachable_two_levels_deep()
    {
        var spec = Spec(Document);
        var logprob = spec.Schema(spec.Schema("TextDelta")!.Field("logprobs")!.Schemas.Single())!;
        var top = spec.Schema(logprob.Field("top")!.Schemas.Single())!;

        Assert.Equal("TextDelta.logprobs[]", logprob.Key);
        Assert.Equal("TextDelta.logprobs[].top[]", top.Key);
        Assert.True(top.Field("token") is { Required: true, TypeText: "string" });
    }

    [Fact]
    public void Recursive_references_terminate_and_unions_with_nullable_read_as_optional()
    {
        var spec = Spec(Document);

        Assert.Equal(["Created"], spec.Schema("Created")!.Field("response")!.Schemas.ToArray());
        Assert.Equal("string | integer | null", spec.Schema("Failed")!.Field("error")!.TypeText);
    }

    [Fact]
    public void Request_body_fields_come_flattened_and_paths_match_across_server_prefix_and_parameter_names()
    {
        var spec = Spec(Document);
        var create = spec.FindEndpoint("post /v1/responses/");

        Assert.NotNull(create);
        Assert.Equal(["model:string!", "stream:boolean?"], spec.RequestFields(create).Select(f => $"{f.Name}:{f.TypeText.Split(" (one of")[0]}{(f.Required ? "!" : "")}"));
        Assert.Equal("/responses/{response_id}", spec.FindEndpoint("GET", "/v1/responses/{id}")?.Path);
        Assert.Empty(spec.StreamEvents("GET", "/responses/{x}"));
    }

    [Fact]
    public void Openapi_3_1_type_arrays_and_const_read_like_their_3_0_spellings_in_json()
    {
        const string json = """
            {"openapi": "3.1.0", "paths": {}, "components": {"schemas": {
              "E": {"type": "object", "required": ["type", "n"], "properties": {
                "type": {"const": "e.done"},
                "n": {"type": ["integer", "null"]},
                "names": {"type": ["null", "array"], "items": {"type": "string"}},
                "free": {"type": "object"},
                "any": {}
              }}}}}
            """;
        var schema = Spec(json).Schema("E")!;

        Assert.Equal(["type:string!", "n:integer?!", "names:array<string>?", "free:object", "any:any"],
            schema.Fields.Select(f => $"{f.Name}:{f.TypeText.Split(' ')[0]}{(f.Required ? "!" : "")}"));
        Assert.Equal(["e.done"], schema.Field("type")!.Type.Values.ToArray());
    }

    [Theory]
    [InlineData("openapi: 3.0.0\npaths: [\n", "openapi.yaml(3,1): invalid YAML")]
    [InlineData("{\"openapi\": \"3.1.0\",\n \"paths\": }", "openapi.yaml(2,11): invalid JSON")]
    [InlineData("title: not a spec\n", "openapi.yaml: not an OpenAPI document")]
    public void Bad_documents_give_one_line_with_file_line_and_column(string text, string expected)
    {
        var error = Assert.Throws<OpenApiReadException>(() => Spec(text));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Yaml_blank_lines_indented_deeper_than_the_next_key_are_read_as_libyaml_reads_them()
    {
        var spec = Spec("openapi: 3.0.0\ncomponents:\n  schemas:\n    S:\n      type: object\n      example: |+\n            \n      properties:\n        a: {type: string}\n");

        Assert.Equal("string", spec.Schema("S")!.Field("a")!.TypeText);
    }
}
