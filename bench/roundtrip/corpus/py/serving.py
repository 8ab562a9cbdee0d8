import asyncio
import contextlib


class OpenAIServingResponses:
    """Serves /v1/responses."""

    request_timeout: float = 30.0
    _counter = 0

    def __init__(self, engine, *, max_concurrency: int = 4) -> None:
        self.engine = engine
        self.max_concurrency = max_concurrency

    async def create_responses(self, request, raw_request=None):
        async with self._limit():
            return await self._run(request)

    @contextlib.asynccontextmanager
    async def _limit(self):
        yield

    async def _run(self, request):
        await asyncio.sleep(0)
        return request

    def _build_response_created_event(self, response):
        return {"type": "response.created", "response": response}

    def _build_event(self, kind: str, **payload):
        return {"type": kind, **payload}

    class _State:
        started = False

        def reset(self):
            self.started = False

    try:
        def _platform_hook(self):
            return "posix"
    finally:
        pass


def error_handling(func):
    async def wrapper(*args, **kwargs):
        try:
            return await func(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001
            return {"error": str(exc)}
    return wrapper


@error_handling
async def health(request) -> dict:
    return {"ok": True}
