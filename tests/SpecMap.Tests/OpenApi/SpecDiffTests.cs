using System.Text;
using SpecMap.Cli.Commands;
using SpecMap.Core.OpenApi;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.OpenApi;

/// <summary>The field-level diff of two spec versions, and `specmap spec-diff` on files and on `REV:path` in a real repository.</summary>
public sealed class SpecDiffTests
{
    private const string Older = """
        openapi: 3.1.0
        paths:
          /responses:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        model: {type: string}
                        temperature: {type: number}
              responses:
                '200':
                  content:
                    text/event-stream:
                      schema:
                        anyOf:
                          - $ref: '#/components/schemas/Delta'
                          - $ref: '#/components/schemas/Gone'
        components:
          schemas:
            Delta:
              type: object
              properties:
                type: {type: string, enum: [response.output_text.delta]}
                delta: {type: string}
                sequence_number: {type: integer}
                status: {type: string, enum: [a, b]}
                usage:
                  type: object
                  properties:
                    tokens: {type: integer}
              required: [type, delta]
            Gone:
              type: object
              properties:
                type: {const: response.gone}
              required: [type]
        """;

    private static readonly string Newer = AddLine(AddLine(Older, "tokens: {type: integer}", "cached: {type: integer}"), "temperature: {type: number}", "stream: {type: boolean}")
        .Replace("- $ref: '#/components/schemas/Gone'", "- $ref: '#/components/schemas/Fresh'", StringComparison.Ordinal)
        .Replace("    Gone:", "    Fresh:", StringComparison.Ordinal)
        .Replace("response.gone", "response.fresh", StringComparison.Ordinal)
        .Replace("delta: {type: string}", "delta: {type: array, items: {type: string}}", StringComparison.Ordinal)
        .Replace("enum: [a, b]", "enum: [a, c]", StringComparison.Ordinal)
        .Replace("required: [type, delta]", "required: [type, sequence_number]", StringComparison.Ordinal);

    /// <summary>Inserts <paramref name="line"/> after the line holding <paramref name="anchor"/>, at its indentation.</summary>
    private static string AddLine(string text, string anchor, string line)
    {
        var lines = text.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains(anchor, StringComparison.Ordinal));
        lines.Insert(at + 1, new string(' ', lines[at].Length - lines[at].TrimStart().Length) + line);
        return string.Join('\n', lines);
    }

    private static OpenApiSpec Spec(string text) => OpenApiLoader.Load(Encoding.UTF8.GetBytes(text), "openapi.yaml");

    [Fact]
    public void Reports_every_kind_of_field_change_for_events_and_request_bodies()
    {
        var result = SpecDiff.Compare(Spec(Older), Spec(Newer), new SpecDiffScope([], ["POST /responses"]));

        Assert.Equal(["event response.fresh", "event response.gone", "event response.output_text.delta", "request POST /responses"], result.Items.ToArray());
        Assert.Equal(
            [
                "event response.fresh | ItemAdded |  |  | required: type",
                "event response.gone | ItemRemoved |  | required: type | ",
                "event response.output_text.delta | NoLongerRequired | delta |  | ",
                "event response.output_text.delta | TypeChanged | delta | string | array<string>",
                "event response.output_text.delta | BecameRequired | sequence_number |  | ",
                "event response.output_text.delta | EnumValueAdded | status |  | c",
                "event response.output_text.delta | EnumValueRemoved | status | b | ",
                "event response.output_text.delta | FieldAdded | usage.cached |  | integer",
                "request POST /responses | FieldAdded | stream |  | boolean",
            ],
            result.Changes.Select(c => $"{c.Item} | {c.Kind} | {c.Field} | {c.Old} | {c.New}"));
    }

    [Fact]
    public void Text_output_reads_as_a_list_per_item_and_json_names_the_kinds_in_snake_case()
    {
        var result = SpecDiff.Compare(Spec(Older), Spec(Newer), new SpecDiffScope(["response.output_text.delta"], []));

        Assert.Equal("""
            spec-diff old.yaml -> new.yaml
            1 item compared, 1 changed, 6 changes

            event response.output_text.delta
              ~ delta: no longer required
              ~ delta: type string -> array<string>
              ~ sequence_number: now required
              + status: value "c"
              - status: value "b"
              + usage.cached: integer

            """, SpecDiffFormatter.Text(result, "old.yaml", "new.yaml"));
        var json = SpecDiffFormatter.Json(result, "old.yaml", "new.yaml");
        Assert.Contains("\"kind\": \"became_required\"", json, StringComparison.Ordinal);
        Assert.Contains("\"field\": \"usage.cached\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_diffs_two_commits_of_a_repository_by_rev_and_path()
    {
        using var repository = TestRepository.Create();
        var first = repository.Write("specs/openapi.yaml", Older).Stage().Commit("spec v1");
        repository.Write("specs/openapi.yaml", Newer).Stage().Commit("spec v2");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = SpecDiffCommand.Run(
            new SpecDiffCommand.SpecDiffOptions($"{first}:specs/openapi.yaml", "HEAD:specs/openapi.yaml", ["response.gone", "response.fresh"], [], "text", repository.Root, null),
            stdout, stderr);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("event response.fresh: added (required: type)", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("event response.gone: removed (was required: type)", stdout.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(repository.Root, ".git", "specmap", "cache"), "openapi-*.spec"));
    }

    [Theory]
    [InlineData("missing.yaml", "missing.yaml: no such file")]
    [InlineData("nosuchrev:specs/openapi.yaml", "nosuchrev:specs/openapi.yaml: unknown revision 'nosuchrev'")]
    [InlineData("HEAD:specs/none.yaml", "HEAD:specs/none.yaml: no file 'specs/none.yaml' in HEAD")]
    public void Bad_locations_exit_2_with_one_line(string location, string expected)
    {
        using var repository = TestRepository.Create();
        repository.Write("specs/openapi.yaml", Older).Stage().Commit("spec");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = SpecDiffCommand.Run(["HEAD:specs/openapi.yaml", location, "--cache", Path.Combine(repository.Root, "cache")], repository.Root, stdout, stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith("specmap: " + expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(stderr.ToString().TrimEnd().Split('\n'));
    }
}
