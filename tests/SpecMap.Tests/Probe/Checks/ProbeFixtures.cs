using System.Text;
using System.Text.Json.Nodes;
using SpecMap.Core.Probe;
using SpecMap.Core.Probe.Checks;

namespace SpecMap.Tests.Probe.Checks;

/// <summary>A small Responses-like spec and a clean text stream; each test breaks one thing in a copy.</summary>
internal static class ProbeFixtures
{
    public const string SpecJson = """
        {
          "openapi": "3.1.0",
          "info": { "title": "mini", "version": "1" },
          "components": { "schemas": {
            "Response": { "type": "object", "required": ["id", "object", "output"], "properties": {
              "id": { "type": "string" }, "object": { "type": "string", "enum": ["response"] }, "status": { "type": "string" },
              "output": { "type": "array", "items": { "$ref": "#/components/schemas/OutputItem" } },
              "user": { "type": "string" }, "usage": { "$ref": "#/components/schemas/Usage" },
              "metadata": { "type": "object", "additionalProperties": { "type": "string" } } } },
            "Usage": { "type": "object", "properties": { "total_tokens": { "type": "integer" } } },
            "OutputItem": { "anyOf": [ { "$ref": "#/components/schemas/OutputMessage" }, { "$ref": "#/components/schemas/FunctionCall" } ] },
            "OutputMessage": { "type": "object", "required": ["type", "id", "content"], "properties": {
              "type": { "type": "string", "enum": ["message"] }, "id": { "type": "string" }, "status": { "type": "string" },
              "content": { "type": "array", "items": { "type": "object", "required": ["type", "text"],
                "properties": { "type": { "type": "string" }, "text": { "type": "string" } } } } } },
            "FunctionCall": { "type": "object", "required": ["type", "id", "name", "arguments"], "properties": {
              "type": { "type": "string", "enum": ["function_call"] }, "id": { "type": "string" }, "call_id": { "type": "string" },
              "name": { "type": "string" }, "arguments": { "type": "string" }, "status": { "type": "string" } } },
            "ResponseCreatedEvent": { "type": "object", "required": ["type", "sequence_number", "response"], "properties": {
              "type": { "type": "string", "enum": ["response.created"], "x-stainless-const": true },
              "sequence_number": { "type": "integer" }, "response": { "$ref": "#/components/schemas/Response" } } },
            "ResponseCompletedEvent": { "type": "object", "required": ["type", "sequence_number", "response"], "properties": {
              "type": { "type": "string", "enum": ["response.completed"] },
              "sequence_number": { "type": "integer" }, "response": { "$ref": "#/components/schemas/Response" } } },
            "ResponseOutputItemAddedEvent": { "type": "object", "required": ["type", "sequence_number", "output_index", "item"], "properties": {
              "type": { "type": "string", "enum": ["response.output_item.added"] }, "sequence_number": { "type": "integer" },
              "output_index": { "type": "integer" }, "item": { "$ref": "#/components/schemas/OutputItem" } } },
            "ResponseOutputItemDoneEvent": { "type": "object", "required": ["type", "sequence_number", "output_index", "item"], "properties": {
              "type": { "type": "string", "enum": ["response.output_item.done"] }, "sequence_number": { "type": "integer" },
              "output_index": { "type": "integer" }, "item": { "$ref": "#/components/schemas/OutputItem" } } },
            "ResponseTextDeltaEvent": { "type": "object", "required": ["type", "sequence_number", "item_id", "output_index", "content_index", "delta"], "properties": {
              "type": { "type": "string", "enum": ["response.output_text.delta"] }, "sequence_number": { "type": "integer" },
              "item_id": { "type": "string" }, "output_index": { "type": "integer" }, "content_index": { "type": "integer" }, "delta": { "type": "string" } } },
            "ResponseTextDoneEvent": { "type": "object", "required": ["type", "sequence_number", "item_id", "output_index", "content_index", "text"], "properties": {
              "type": { "type": "string", "enum": ["response.output_text.done"] }, "sequence_number": { "type": "integer" },
              "item_id": { "type": "string" }, "output_index": { "type": "integer" }, "content_index": { "type": "integer" }, "text": { "type": "string" } } },
            "ResponseFunctionCallArgumentsDeltaEvent": { "type": "object", "required": ["type", "sequence_number", "item_id", "output_index", "delta"], "properties": {
              "type": { "type": "string", "enum": ["response.function_call_arguments.delta"] }, "sequence_number": { "type": "integer" },
              "item_id": { "type": "string" }, "output_index": { "type": "integer" }, "delta": { "type": "string" } } },
            "ResponseFunctionCallArgumentsDoneEvent": { "type": "object", "required": ["type", "sequence_number", "item_id", "output_index", "name", "arguments"], "properties": {
              "type": { "type": "string", "enum": ["response.function_call_arguments.done"] }, "sequence_number": { "type": "integer" },
              "item_id": { "type": "string" }, "output_index": { "type": "integer" }, "name": { "type": "string" }, "arguments": { "type": "string" } } },
            "ResponseErrorEvent": { "type": "object", "required": ["type", "sequence_number", "message"], "properties": {
              "type": { "type": "string", "enum": ["error"] }, "sequence_number": { "type": "integer" }, "message": { "type": "string" } } },
            "ResponseStreamEvent": { "anyOf": [
              { "$ref": "#/components/schemas/ResponseCreatedEvent" }, { "$ref": "#/components/schemas/ResponseCompletedEvent" },
              { "$ref": "#/components/schemas/ResponseOutputItemAddedEvent" }, { "$ref": "#/components/schemas/ResponseOutputItemDoneEvent" },
              { "$ref": "#/components/schemas/ResponseTextDeltaEvent" }, { "$ref": "#/components/schemas/ResponseTextDoneEvent" },
              { "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDeltaEvent" }, { "$ref": "#/components/schemas/ResponseFunctionCallArgumentsDoneEvent" },
              { "$ref": "#/components/schemas/ResponseErrorEvent" } ] }
          } }
        }
        """;

    private static readonly Lazy<EventSchemas> LazySpec = new(() => EventSchemas.Load(Encoding.UTF8.GetBytes(SpecJson), "mini.json"));

    public static EventSchemas Spec => LazySpec.Value;

    /// <summary>A clean stream: a message answering "Hello", then a function call with arguments in two deltas.</summary>
    public static string[] CleanEvents() =>
    [
        """{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","object":"response","status":"in_progress","output":[]}}""",
        """{"type":"response.output_item.added","sequence_number":1,"output_index":0,"item":{"type":"message","id":"msg_1","status":"in_progress","content":[]}}""",
        """{"type":"response.output_text.delta","sequence_number":2,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hel"}""",
        """{"type":"response.output_text.delta","sequence_number":3,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"lo"}""",
        """{"type":"response.output_text.done","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"text":"Hello"}""",
        """{"type":"response.output_item.added","sequence_number":5,"output_index":1,"item":{"type":"function_call","id":"fc_1","name":"get_weather","arguments":""}}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":6,"item_id":"fc_1","output_index":1,"delta":"{\"city\":"}""",
        """{"type":"response.function_call_arguments.delta","sequence_number":7,"item_id":"fc_1","output_index":1,"delta":"\"Paris\"}"}""",
        """{"type":"response.function_call_arguments.done","sequence_number":8,"item_id":"fc_1","output_index":1,"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}""",
        """{"type":"response.completed","sequence_number":9,"response":{"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","id":"msg_1","content":[{"type":"output_text","text":"Hello"}]},{"type":"function_call","id":"fc_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"}]}}""",
    ];

    /// <summary>The events as `.sse` text, each with an `event:` field naming its type.</summary>
    public static string Sse(IEnumerable<string> payloads)
    {
        var text = new StringBuilder();
        foreach (var payload in payloads)
        {
            var type = (JsonNode.Parse(payload) as JsonObject)?["type"]?.GetValue<string>();
            if (type is not null)
            {
                text.Append("event: ").Append(type).Append('\n');
            }
            text.Append("data: ").Append(payload).Append("\n\n");
        }
        return text.ToString();
    }

    public static ProbeStream Stream(IEnumerable<string> payloads, string scenario = "s") => SseRecording.Parse(scenario, scenario + ".sse", Sse(payloads));

    /// <summary>The clean events with event <paramref name="index"/> changed by <paramref name="edit"/>.</summary>
    public static string[] With(int index, Action<JsonObject> edit)
    {
        var events = CleanEvents();
        var node = (JsonObject)JsonNode.Parse(events[index])!;
        edit(node);
        events[index] = node.ToJsonString();
        return events;
    }

    public static ProbeReport Check(ProbeStream stream, ProbeOptions? options = null) =>
        ProbeChecker.Check([stream], Spec, null, options ?? ProbeOptions.Default);

    public static ProbeReport Check(IEnumerable<string> payloads, ProbeOptions? options = null) => Check(Stream(payloads), options);

    /// <summary>The findings of one rule.</summary>
    public static List<ProbeFinding> Of(this ProbeReport report, string ruleId) => [.. report.Findings.Where(f => f.RuleId == ruleId)];
}
