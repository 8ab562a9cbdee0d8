"""A small deterministic fake model for the example server: the same request always streams the same events.

Every event is built by the mapped builders of `serving_responses.py` (so the live stream comes from the code the
mapping points at) and validated by the mapped models of `protocol.py`. Debian's pydantic is 1.10, which ignores the
v2-style `model_config = {"extra": "allow"}` of the example models, so the spec's extra fields (`logprobs`, `name`,
the full response object) are merged back into the payload here, as pydantic 2 would keep them.
"""

import hashlib
import json

from vllm.entrypoints.openai.serving_responses import OpenAIServingResponses

CREATED_AT = 1767225600  # 2026-01-01T00:00:00Z: fixed, so recordings are byte-identical from run to run
TEXT = "Hello! This is the specmap example server speaking from a deterministic fake model."
REASONING = "The user greets me; a short friendly answer fits."
SUMMARY = "Answer the greeting briefly."
INJECTIONS = ("bug5",)


class FakeServing(OpenAIServingResponses):
    """The example's builders with one change: the spec's `sequence_number` starts at 0, the example's counter at 1."""

    def __init__(self):
        super().__init__(engine=None)
        self.sequence_number = -1


def _event_payload(model_event, fields):
    """The event as sent: `type` and `sequence_number` first, then every field given (extras included)."""
    payload = {"type": model_event.type, "sequence_number": model_event.sequence_number}
    payload.update(fields)
    return payload


def _chunks(text, size):
    return [text[i:i + size] for i in range(0, len(text), size)]


def _words(text):
    """Word-sized chunks that join back to the text exactly (the spaces stay on the words)."""
    chunks, current = [], ""
    for char in text:
        current += char
        if char == " ":
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks


def _example_value(schema):
    kind = schema.get("type") if isinstance(schema, dict) else None
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: _example_value(sub) for name, sub in properties.items() if name in schema.get("required", properties)}
    if kind == "array":
        return [_example_value(schema.get("items", {}))]
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if isinstance(schema, dict) and schema.get("enum"):
        return schema["enum"][0]
    return "Paris" if kind == "string" else None


def _echoed_tool(tool):
    """A tool as the response echoes it: a function tool always states `strict` (the spec requires it there)."""
    if isinstance(tool, dict) and tool.get("type") == "function":
        return {"strict": True, **tool}
    return tool


class FakeResponse:
    """One request's stream. `events()` yields JSON-ready payloads in order."""

    def __init__(self, body, inject=None):
        self.body = body
        self.inject = inject
        digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()
        self.id = "resp_fake" + digest[:24]
        self.digest = digest
        self.serving = FakeServing()
        self.output = []
        self.status = "in_progress"
        self.incomplete_details = None
        self.cancelled = False  # set by the cancel route; the streaming route ends the stream at the next event

    # The response object, shaped like the Responses API's (fields that would be null are left out where optional).
    def response(self, usage=None):
        body = self.body
        text_format = (body.get("text") or {}).get("format") or {"type": "text"}
        response = {
            "id": self.id,
            "object": "response",
            "created_at": CREATED_AT,
            "status": self.status,
            "background": bool(body.get("background", False)),
            "error": None,
            "incomplete_details": self.incomplete_details,
            "instructions": body.get("instructions"),
            "model": body.get("model", "specmap-fake"),
            "output": list(self.output),
            "parallel_tool_calls": True,
            "service_tier": "default",
            "temperature": body.get("temperature", 1.0),
            "text": {"format": text_format, "verbosity": "medium"},
            "tool_choice": body.get("tool_choice", "auto"),
            "tools": [_echoed_tool(tool) for tool in body.get("tools") or []],
            "top_logprobs": 0,
            "top_p": body.get("top_p", 1.0),
            "truncation": "disabled",
            "metadata": body.get("metadata", {}),
        }
        if body.get("max_output_tokens") is not None:
            response["max_output_tokens"] = body["max_output_tokens"]
        if body.get("reasoning"):
            response["reasoning"] = body["reasoning"]
        if usage is not None:
            response["usage"] = usage
        return response

    def _item_id(self, prefix, index):
        return f"{prefix}_fake{self.digest[24 + index:40 + index]}"

    def events(self):
        s = self.serving
        yield _event_payload(s._build_created_event(response=self.response()), {"response": self.response()})
        yield _event_payload(s._build_in_progress_event(response=self.response()), {"response": self.response()})
        if (self.body.get("metadata") or {}).get("specmap_fake") == "fail":
            yield from self._failure()
            return
        index = 0
        if self.body.get("reasoning"):
            yield from self._reasoning(index)
            index += 1
        function = next((t for t in self.body.get("tools") or [] if t.get("type") == "function"), None)
        if function is not None:
            yield from self._function_call(index, function)
        else:
            yield from self._message(index)
        usage = {"input_tokens": 12, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 20,
                 "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 32}
        if self.incomplete_details is not None:
            self.status = "incomplete"
            yield _event_payload(s._build_incomplete_event(response=self.response(usage)), {"response": self.response(usage)})
        else:
            self.status = "completed"
            yield _event_payload(s._build_completed_event(response=self.response(usage)), {"response": self.response(usage)})

    def cancel_events(self):
        """What a cancelled background stream ends with: the spec names no cancel event, so the terminal `response.failed`."""
        self.status = "cancelled"
        yield _event_payload(self.serving._build_failed_event(response=self.response()), {"response": self.response()})

    def _failure(self):
        s = self.serving
        error = {"code": "server_error", "message": "The fake model failed on purpose (metadata.specmap_fake=fail).", "param": None}
        yield _event_payload(s._build_error_event(**error), error)
        self.status = "failed"
        failed = self.response()
        failed["error"] = {"code": "server_error", "message": error["message"]}
        yield _event_payload(s._build_failed_event(response=failed), {"response": failed})

    def _message(self, index):
        s = self.serving
        item_id = self._item_id("msg", index)
        text_format = ((self.body.get("text") or {}).get("format") or {})
        text = TEXT
        if text_format.get("type") == "json_schema":
            text = json.dumps(_example_value(text_format.get("schema", {})), separators=(",", ":"))
        deltas = _words(text) if text_format.get("type") != "json_schema" else _chunks(text, 5)
        limit = self.body.get("max_output_tokens")
        if isinstance(limit, int) and limit < len(deltas):
            deltas = deltas[:limit]
            self.incomplete_details = {"reason": "max_output_tokens"}
        text = "".join(deltas)
        status = "incomplete" if self.incomplete_details else "completed"
        item = {"id": item_id, "type": "message", "status": "in_progress", "content": [], "role": "assistant"}
        yield _event_payload(s._build_output_item_added_event(output_index=index, item=item), {"output_index": index, "item": item})
        part = {"type": "output_text", "annotations": [], "logprobs": [], "text": ""}
        where = {"item_id": item_id, "output_index": index, "content_index": 0}
        yield _event_payload(s._build_content_part_added_event(**where, part=part), {**where, "part": part})
        for delta in deltas:
            fields = {**where, "delta": delta, "logprobs": []}
            yield _event_payload(s._build_output_text_delta_event(**fields), fields)
        fields = {**where, "text": text, "logprobs": []}
        yield _event_payload(s._build_output_text_done_event(**fields), fields)
        part = {**part, "text": text}
        yield _event_payload(s._build_content_part_done_event(**where, part=part), {**where, "part": part})
        item = {**item, "status": status, "content": [part]}
        self.output.append(item)
        yield _event_payload(s._build_output_item_done_event(output_index=index, item=item), {"output_index": index, "item": item})

    def _function_call(self, index, function):
        s = self.serving
        item_id = self._item_id("fc", index)
        name = function.get("name", "tool")
        arguments = json.dumps(_example_value(function.get("parameters") or {"type": "object"}), separators=(",", ":"))
        item = {"id": item_id, "type": "function_call", "status": "in_progress", "arguments": "",
                "call_id": "call_fake" + self.digest[:16], "name": name}
        yield _event_payload(s._build_output_item_added_event(output_index=index, item=item), {"output_index": index, "item": item})
        where = {"item_id": item_id, "output_index": index}
        for delta in _chunks(arguments, 6):
            if self.inject == "bug5":
                # The incident: the server's model declared `delta: dict[str, list[ResponseToolCallDeltaContent]]`
                # and streamed objects where the spec requires a string. The example model (`delta: str`) would
                # refuse this, so the injection builds the payload without it, as the broken server did.
                yield {"type": "response.function_call_arguments.delta", "sequence_number": s._next_sequence_number(),
                       **where, "delta": {name: [{"name": name, "arguments": delta}]}}
                continue
            fields = {**where, "delta": delta}
            yield _event_payload(s._build_function_call_arguments_delta_event(**fields), fields)
        fields = {**where, "name": name, "arguments": arguments}
        yield _event_payload(s._build_function_call_arguments_done_event(**fields), fields)
        item = {**item, "status": "completed", "arguments": arguments}
        self.output.append(item)
        yield _event_payload(s._build_output_item_done_event(output_index=index, item=item), {"output_index": index, "item": item})

    def _reasoning(self, index):
        s = self.serving
        item_id = self._item_id("rs", index)
        item = {"id": item_id, "type": "reasoning", "summary": []}
        yield _event_payload(s._build_output_item_added_event(output_index=index, item=item), {"output_index": index, "item": item})
        where = {"item_id": item_id, "output_index": index, "summary_index": 0}
        part = {"type": "summary_text", "text": ""}
        yield _event_payload(s._build_reasoning_summary_part_added_event(**where, part=part), {**where, "part": part})
        for delta in _words(SUMMARY):
            fields = {**where, "delta": delta}
            yield _event_payload(s._build_reasoning_summary_text_delta_event(**fields), fields)
        # No builder in the example for `response.reasoning_summary_text.done`: it is built here (and unmapped).
        yield {"type": "response.reasoning_summary_text.done", "sequence_number": s._next_sequence_number(), **where, "text": SUMMARY}
        part = {"type": "summary_text", "text": SUMMARY}
        yield _event_payload(s._build_reasoning_summary_part_done_event(**where, part=part), {**where, "part": part})
        where = {"item_id": item_id, "output_index": index, "content_index": 0}
        for delta in _words(REASONING):
            fields = {**where, "delta": delta}
            yield _event_payload(s._build_reasoning_text_delta_event(**fields), fields)
        fields = {**where, "text": REASONING}
        yield _event_payload(s._build_reasoning_text_done_event(**fields), fields)
        item = {**item, "summary": [part], "content": [{"type": "reasoning_text", "text": REASONING}]}
        self.output.append(item)
        yield _event_payload(s._build_output_item_done_event(output_index=index, item=item), {"output_index": index, "item": item})
