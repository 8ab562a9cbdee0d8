namespace SpecMap.Tests.Shapes;

/// <summary>A small OpenAI-style Responses server in Python, and a mapping of it in the shapes a real team wrote (issue 11).</summary>
internal static class ResponsesServer
{
    public const string Protocol = """
        from typing import Literal, Optional
        from pydantic import BaseModel
        import openai.types


        class ResponsesRequest(BaseModel):
            model: str
            input: str
            instructions: Optional[str] = None
            background: bool = False
            store: bool = True
            stream: bool = False
            temperature: Optional[float] = None


        class ResponseObject(openai.types.BaseModel):
            id: str
            status: str


        class ResponseCreatedEvent(BaseModel):
            type: Literal["response.created"]
            sequence_number: int
            response: dict


        class ResponseInProgressEvent(BaseModel):
            type: Literal["response.in_progress"] = "response.in_progress"
            sequence_number: int
            response: dict


        class ResponseCompletedEvent(BaseModel):
            type: Literal["response.completed"]
            sequence_number: int
            response: dict


        class OutputTextDeltaEvent(BaseModel):
            type: Literal["response.output_text.delta"]
            item_id: str
            output_index: int
            content_index: int
            delta: str


        class ErrorEvent(BaseModel):
            type: Literal["error"]
            code: Optional[str] = None
            message: str
        """;

    public const string Serving = """
        from .protocol import ResponseCompletedEvent, ResponseCreatedEvent, OutputTextDeltaEvent


        def _build_response_created_event(response, seq) -> ResponseCreatedEvent:
            return ResponseCreatedEvent(type="response.created", sequence_number=seq, response=response)


        def _build_response_completed_event(response, seq) -> ResponseCompletedEvent:
            return ResponseCompletedEvent(type="response.completed", sequence_number=seq, response=response)


        def _build_text_delta(item_id, delta) -> OutputTextDeltaEvent:
            return OutputTextDeltaEvent(type="response.output_text.delta", item_id=item_id, output_index=0, content_index=0, delta=delta)


        async def stream_events(request):
            yield _build_response_created_event({}, 0)
            yield _build_text_delta("msg_1", "Hello")
            yield _build_response_completed_event({}, 2)
        """;

    public const string Api = """
        from fastapi import FastAPI

        app = FastAPI()


        @app.post("/v1/responses")
        async def create_responses(request):
            if request.stream:
                return stream_events(request)
            return {"id": "resp_1"}


        @app.get("/v1/responses/{response_id}")
        async def retrieve_responses(response_id: str):
            return {"id": response_id}


        @app.post("/v1/responses/{response_id}/cancel")
        async def cancel_responses(response_id: str):
            return {"id": response_id, "status": "cancelled"}


        def error_handling(exc):
            return {"error": {"message": str(exc)}}
        """;

    public static string Doc(string title, int sections) =>
        $"# {title}\n\n" + string.Concat(Enumerable.Range(1, sections).Select(i => $"## Section {i}\n\nText of section {i}.\nMore text.\n\n"));

    /// <summary>The team's mapping: code_location strings and objects, colon symbols, joins, context keys, implemented flags,
    /// free-text statuses, names-only required fields, bare model names, and a few planted faults.</summary>
    public const string Mapping = """
        {
          "version": "1.0",
          "description": "Responses API spec-to-code mapping, kept by hand",
          "endpoints": {
            "POST /v1/responses": {
              "code_location": { "file": "api_server.py", "line": "6-10", "handler": "create_responses" },
              "spec_ref": "DOC_responses.md:5-8",
              "implemented": true,
              "request_model": "ResponsesRequest",
              "required_fields": ["model", "input", "background"]
            },
            "GET /v1/responses/{response_id}": {
              "code_location": "api_server.py:13-15",
              "spec_reference": "DOC_responses.md:11-14",
              "status": "implemented"
            },
            "POST /v1/responses/{response_id}/cancel": {
              "code_location": "api_server.py:cancel_responses",
              "status": "Partial - no background tasks yet"
            },
            "errors": {
              "code_location": "api_server.py:error_handling",
              "implemented": true
            },
            "DELETE /v1/responses/{response_id}": {
              "code_location": "api server.py:30-40",
              "status": "missing"
            }
          },
          "ResponsesRequest": {
            "model": { "code_location": "protocol.py:7" },
            "input": { "code_location": "protocol.py:8" },
            "background": { "code_location": "protocol.py:10" },
            "store": { "code_location": "protocol.py:10" },
            "stream": { "code_location": "protocol.py:12", "symbl": "ResponsesRequest.stream" }
          },
          "response_object": {
            "model": "protocol.py#ResponseObject",
            "required_fields": { "id": "string", "status": "string", "output": "array" },
            "status": "implemented"
          },
          "streaming_events": [
            {
              "name": "response.created",
              "code_location": "serving_responses.py:_build_response_created_event",
              "spec_ref": "DOC_streaming_events.md:5-8",
              "required_fields": { "type": "string", "sequence_number": "integer", "response": "object" },
              "status": "implemented"
            },
            {
              "name": "response.in_progress",
              "required_fields": { "type": "string", "sequence_number": "integer" },
              "status": "BROKEN - Bug #5 not fixed"
            },
            {
              "name": "response.completed",
              "code_location": "protocol.py:33-36 and serving_responses.py:_build_response_completed_event",
              "required_fields": ["type", "sequence_number", "response", "usage"],
              "implemented": true
            },
            {
              "name": "response.output_text.delta",
              "code_location": { "file": "serving_responses.py", "line": "12-13" },
              "required_fields": { "item_id": "string", "delta": "string", "logprobs": "array" },
              "status": "partial"
            },
            {
              "name": "error",
              "code_location": "protocol.py:47-50; api_server.py:error_handling",
              "required_field": ["code", "message"],
              "status": "implemented"
            },
            {
              "name": "response.queued",
              "required_fields": ["type"],
              "status": "missing"
            }
          ]
        }
        """;
}
