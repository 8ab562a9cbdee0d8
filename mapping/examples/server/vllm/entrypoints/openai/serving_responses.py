"""Builds the streaming events of /v1/responses (example server for specmap)."""

from vllm.entrypoints.openai import protocol


class OpenAIServingResponses:
    """Serves /v1/responses."""

    def __init__(self, engine):
        self.engine = engine
        self.sequence_number = 0

    def _next_sequence_number(self) -> int:
        self.sequence_number += 1
        return self.sequence_number

    def _build_created_event(self, **fields):
        # `response.created`
        return protocol.ResponseCreatedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_in_progress_event(self, **fields):
        # `response.in_progress`
        return protocol.ResponseInProgressEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_completed_event(self, **fields):
        # `response.completed`
        return protocol.ResponseCompletedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_failed_event(self, **fields):
        # `response.failed`
        return protocol.ResponseFailedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_incomplete_event(self, **fields):
        # `response.incomplete`
        return protocol.ResponseIncompleteEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_output_item_added_event(self, **fields):
        # `response.output_item.added`
        return protocol.ResponseOutputItemAddedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_output_item_done_event(self, **fields):
        # `response.output_item.done`
        return protocol.ResponseOutputItemDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_content_part_added_event(self, **fields):
        # `response.content_part.added`
        return protocol.ResponseContentPartAddedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_content_part_done_event(self, **fields):
        # `response.content_part.done`
        return protocol.ResponseContentPartDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_output_text_delta_event(self, **fields):
        # `response.output_text.delta`
        return protocol.ResponseTextDeltaEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_output_text_done_event(self, **fields):
        # `response.output_text.done`
        return protocol.ResponseTextDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_function_call_arguments_delta_event(self, **fields):
        # `response.function_call_arguments.delta`
        return protocol.ResponseFunctionCallArgumentsDeltaEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_function_call_arguments_done_event(self, **fields):
        # `response.function_call_arguments.done`
        return protocol.ResponseFunctionCallArgumentsDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_reasoning_text_delta_event(self, **fields):
        # `response.reasoning_text.delta`
        return protocol.ResponseReasoningTextDeltaEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_reasoning_text_done_event(self, **fields):
        # `response.reasoning_text.done`
        return protocol.ResponseReasoningTextDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_reasoning_summary_text_delta_event(self, **fields):
        # `response.reasoning_summary_text.delta`
        return protocol.ResponseReasoningSummaryTextDeltaEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_reasoning_summary_part_added_event(self, **fields):
        # `response.reasoning_summary_part.added`
        return protocol.ResponseReasoningSummaryPartAddedEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_reasoning_summary_part_done_event(self, **fields):
        # `response.reasoning_summary_part.done`
        return protocol.ResponseReasoningSummaryPartDoneEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_tool_call_delta_event(self, **fields):
        # `response.tool_call.delta`
        return protocol.ResponseToolCallDeltaEvent(sequence_number=self._next_sequence_number(), **fields)

    def _build_error_event(self, **fields):
        # `error`
        return protocol.ResponseErrorEvent(sequence_number=self._next_sequence_number(), **fields)

    async def create_responses(self, request):
        """Runs the model and streams events."""
        yield self._build_created_event(response={"id": request.id, "status": "in_progress"})
        async for chunk in self.engine.generate(request):
            yield self._build_output_text_delta_event(delta=chunk.text)
        yield self._build_completed_event(response={"id": request.id, "status": "completed"})

    async def retrieve_responses(self, response_id):
        return await self.engine.load(response_id)

    async def cancel_responses(self, response_id):
        return await self.engine.cancel(response_id)
