"""Pydantic models of the Responses API streaming events (example server for specmap)."""

from typing import Any, Literal, Optional

from pydantic import BaseModel, Field


class OpenAIBaseModel(BaseModel):
    """Base of every protocol model: extra fields are kept."""

    model_config = {"extra": "allow"}


class ResponsesResponse(OpenAIBaseModel):
    id: str
    object: Literal["response"] = "response"
    status: str
    output: list[dict[str, Any]] = Field(default_factory=list)


class OutputItem(OpenAIBaseModel):
    id: str
    type: str


class ContentPart(OpenAIBaseModel):
    type: str
    text: str = ""


class ResponseCreatedEvent(OpenAIBaseModel):
    """Sent as `response.created`."""

    type: Literal["response.created"] = "response.created"
    sequence_number: int
    response: ResponsesResponse


class ResponseInProgressEvent(OpenAIBaseModel):
    """Sent as `response.in_progress`."""

    type: Literal["response.in_progress"] = "response.in_progress"
    sequence_number: int
    response: ResponsesResponse


class ResponseCompletedEvent(OpenAIBaseModel):
    """Sent as `response.completed`."""

    type: Literal["response.completed"] = "response.completed"
    sequence_number: int
    response: ResponsesResponse


class ResponseFailedEvent(OpenAIBaseModel):
    """Sent as `response.failed`."""

    type: Literal["response.failed"] = "response.failed"
    sequence_number: int
    response: ResponsesResponse


class ResponseIncompleteEvent(OpenAIBaseModel):
    """Sent as `response.incomplete`."""

    type: Literal["response.incomplete"] = "response.incomplete"
    sequence_number: int
    response: ResponsesResponse


class ResponseOutputItemAddedEvent(OpenAIBaseModel):
    """Sent as `response.output_item.added`."""

    type: Literal["response.output_item.added"] = "response.output_item.added"
    sequence_number: int
    output_index: int
    item: OutputItem


class ResponseOutputItemDoneEvent(OpenAIBaseModel):
    """Sent as `response.output_item.done`."""

    type: Literal["response.output_item.done"] = "response.output_item.done"
    sequence_number: int
    output_index: int
    item: OutputItem


class ResponseContentPartAddedEvent(OpenAIBaseModel):
    """Sent as `response.content_part.added`."""

    type: Literal["response.content_part.added"] = "response.content_part.added"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    part: ContentPart


class ResponseContentPartDoneEvent(OpenAIBaseModel):
    """Sent as `response.content_part.done`."""

    type: Literal["response.content_part.done"] = "response.content_part.done"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    part: ContentPart


class ResponseTextDeltaEvent(OpenAIBaseModel):
    """Sent as `response.output_text.delta`."""

    type: Literal["response.output_text.delta"] = "response.output_text.delta"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    delta: str
    logprobs: list[dict[str, Any]] = Field(default_factory=list)


class ResponseTextDoneEvent(OpenAIBaseModel):
    """Sent as `response.output_text.done`."""

    type: Literal["response.output_text.done"] = "response.output_text.done"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    text: str
    logprobs: list[dict[str, Any]] = Field(default_factory=list)


class ResponseFunctionCallArgumentsDeltaEvent(OpenAIBaseModel):
    """Sent as `response.function_call_arguments.delta`."""

    type: Literal["response.function_call_arguments.delta"] = "response.function_call_arguments.delta"
    sequence_number: int
    item_id: str
    output_index: int
    delta: str


class ResponseFunctionCallArgumentsDoneEvent(OpenAIBaseModel):
    """Sent as `response.function_call_arguments.done`."""

    type: Literal["response.function_call_arguments.done"] = "response.function_call_arguments.done"
    sequence_number: int
    item_id: str
    output_index: int
    arguments: str
    name: str = ""


class ResponseReasoningTextDeltaEvent(OpenAIBaseModel):
    """Sent as `response.reasoning_text.delta`."""

    type: Literal["response.reasoning_text.delta"] = "response.reasoning_text.delta"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    delta: str


class ResponseReasoningTextDoneEvent(OpenAIBaseModel):
    """Sent as `response.reasoning_text.done`."""

    type: Literal["response.reasoning_text.done"] = "response.reasoning_text.done"
    sequence_number: int
    item_id: str
    output_index: int
    content_index: int
    text: str


class ResponseReasoningSummaryTextDeltaEvent(OpenAIBaseModel):
    """Sent as `response.reasoning_summary_text.delta`."""

    type: Literal["response.reasoning_summary_text.delta"] = "response.reasoning_summary_text.delta"
    sequence_number: int
    item_id: str
    output_index: int
    summary_index: int
    delta: str


class ResponseReasoningSummaryPartAddedEvent(OpenAIBaseModel):
    """Sent as `response.reasoning_summary_part.added`."""

    type: Literal["response.reasoning_summary_part.added"] = "response.reasoning_summary_part.added"
    sequence_number: int
    item_id: str
    output_index: int
    summary_index: int
    part: ContentPart


class ResponseReasoningSummaryPartDoneEvent(OpenAIBaseModel):
    """Sent as `response.reasoning_summary_part.done`."""

    type: Literal["response.reasoning_summary_part.done"] = "response.reasoning_summary_part.done"
    sequence_number: int
    item_id: str
    output_index: int
    summary_index: int
    part: ContentPart


class ResponseToolCallDeltaEvent(OpenAIBaseModel):
    """Sent as `response.tool_call.delta`."""

    type: Literal["response.tool_call.delta"] = "response.tool_call.delta"
    sequence_number: int
    item_id: str
    output_index: int
    delta: str


class ResponseErrorEvent(OpenAIBaseModel):
    """Sent as `error`."""

    type: Literal["error"] = "error"
    sequence_number: int
    code: Optional[str] = None
    message: str
    param: Optional[str] = None
