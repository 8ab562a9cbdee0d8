"""HTTP routes of the example server."""

from fastapi import APIRouter, Request

router = APIRouter()


def serving(request: Request):
    return request.app.state.openai_serving_responses


@router.post("/v1/responses")
async def create_responses(request: Request):
    """POST /v1/responses: create a model response."""
    body = await request.json()
    return serving(request).create_responses(body)


@router.get("/v1/responses/{response_id}")
async def retrieve_responses(response_id: str, request: Request):
    return await serving(request).retrieve_responses(response_id)


@router.post("/v1/responses/{response_id}/cancel")
async def cancel_responses(response_id: str, request: Request):
    return await serving(request).cancel_responses(response_id)


@router.get("/v1/responses/{response_id}/input_items")
async def list_input_items(response_id: str, request: Request):
    """Not implemented yet."""
    raise NotImplementedError
