"""Round-trip corpus: shapes common in Python servers and SDKs."""
from __future__ import annotations

import functools
import sys
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, overload

try:
    import orjson as _json

    def dumps(value: Any) -> str:
        return _json.dumps(value).decode()
except ImportError:
    import json as _json

    def dumps(value: Any) -> str:
        return _json.dumps(value)

if sys.version_info >= (3, 11):
    def utcnow() -> float:
        import time
        return time.time()
else:
    def utcnow() -> float:
        return 0.0

MAX_TOKENS: int = 4096
DEFAULT_MODEL = "gpt-test"


class OpenAIBaseModel:
    model_config = {"extra": "allow"}

    class Config:
        frozen = True

        class Inner:
            depth: int = 2

            def describe(self) -> str:
                return "inner"


class ResponsesRequest(OpenAIBaseModel):
    model: str
    input: str | list[dict[str, Any]]
    background: Optional[bool] = False
    """Run the response in the background."""
    metadata: dict[str, str] = {}
    tools = []

    @property
    def is_streaming(self) -> bool:
        return False

    @is_streaming.setter
    def is_streaming(self, value: bool) -> None:
        self._stream = value

    @is_streaming.deleter
    def is_streaming(self) -> None:
        del self._stream

    @classmethod
    def from_dict(cls, data: dict) -> "ResponsesRequest":
        return cls()

    @staticmethod
    @functools.lru_cache(maxsize=None)
    def schema_name() -> str:
        return "responses"

    if sys.version_info >= (3, 12):
        def fast_path(self) -> bool:
            return True
    else:
        def slow_path(self) -> bool:
            return False

    with open(__file__) as _handle:
        SOURCE_LINES = len(_handle.readlines())

    async def stream(self):
        yield 1


@dataclass(frozen=True)
class ResponseCreatedEvent:
    type: Literal["response.created"] = "response.created"
    sequence_number: int = 0
    response: dict[str, Any] = field(default_factory=dict)


@overload
def convert(value: int) -> str: ...
@overload
def convert(value: str) -> int: ...
def convert(value):
    return value


def outer(x):
    def inner(y):
        class LocalModel:
            value: int = 1

            def get(self):
                return self.value
        return LocalModel().get() + y

    return inner(x)


def decorated_twice(func):
    @functools.wraps(func)
    @staticmethod
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


lambda_alias = lambda v: v  # noqa: E731
