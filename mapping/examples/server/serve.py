#!/usr/bin/python3
"""Runs the example server: `POST /v1/responses` (streaming or not), retrieve and cancel, over FastAPI and uvicorn.

Run it with Debian's python (`/usr/bin/python3`, with `apt-get install -y python3-fastapi python3-uvicorn`): the
`python3` first on PATH may be a pyenv build without those packages.

    /usr/bin/python3 mapping/examples/server/serve.py --port 8000 [--inject bug5]

`--port 0` takes any free port; the first line printed says which (`listening on http://127.0.0.1:PORT`).
It binds 127.0.0.1 unless told otherwise and never calls out.
"""

import argparse
import asyncio
import json
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import uvicorn  # noqa: E402
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.responses import JSONResponse, StreamingResponse  # noqa: E402

from fake_generator import INJECTIONS, FakeResponse  # noqa: E402

BACKGROUND_DELAY_SECONDS = 0.05  # a background stream goes slowly enough for a cancel to land mid-stream


def error(status, message, param=None, code=None):
    return JSONResponse(status_code=status, content={"error": {
        "message": message, "type": "invalid_request_error", "param": param, "code": code}})


def sse(payload):
    return f"event: {payload['type']}\ndata: {json.dumps(payload, separators=(',', ':'))}\n\n".encode("utf-8")


def create_app(inject=None):
    app = FastAPI(title="specmap example server")
    responses = {}

    @app.post("/v1/responses")
    async def create_responses(request: Request):
        try:
            body = await request.json()
        except ValueError:
            return error(400, "The request body is not valid JSON.")
        if not isinstance(body, dict):
            return error(400, "The request body must be a JSON object.")
        if not isinstance(body.get("model"), str) or not body["model"]:
            return error(400, "Missing required parameter: 'model'.", param="model", code="missing_required_parameter")
        temperature = body.get("temperature", 1.0)
        if not isinstance(temperature, (int, float)) or not 0 <= temperature <= 2:
            return error(400, "Invalid 'temperature': expected a number between 0 and 2.", param="temperature",
                         code="invalid_value")
        fake = FakeResponse(body, inject)
        responses[fake.id] = fake
        if not body.get("stream"):
            for _ in fake.events():
                pass
            return JSONResponse(fake.response())

        async def stream():
            for payload in fake.events():
                yield sse(payload)
                if body.get("background"):
                    await asyncio.sleep(BACKGROUND_DELAY_SECONDS)
                if fake.cancelled:
                    for ending in fake.cancel_events():
                        yield sse(ending)
                    return

        return StreamingResponse(stream(), media_type="text/event-stream")

    @app.get("/v1/responses/{response_id}")
    async def retrieve_responses(response_id: str):
        fake = responses.get(response_id)
        if fake is None:
            return error(404, f"No response with id '{response_id}'.", param="response_id")
        return JSONResponse(fake.response())

    @app.post("/v1/responses/{response_id}/cancel")
    async def cancel_responses(response_id: str):
        fake = responses.get(response_id)
        if fake is None:
            return error(404, f"No response with id '{response_id}'.", param="response_id")
        if not fake.body.get("background"):
            return error(400, "Only background responses can be cancelled.", param="response_id")
        fake.cancelled = True
        fake.status = "cancelled"
        return JSONResponse(fake.response())

    return app


def main():
    parser = argparse.ArgumentParser(description="The specmap example Responses API server (fake model).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="0: any free port (printed on start)")
    parser.add_argument("--inject", choices=INJECTIONS, help="bug5: stream function-call deltas as objects (the incident)")
    args = parser.parse_args()
    # Bound here, not by uvicorn, so `--port 0` can say which port it got before serving.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)  # listening before the line is printed: a client that reads it can connect at once
    host, port = sock.getsockname()[:2]
    print(f"listening on http://{host}:{port}" + (f" (inject {args.inject})" if args.inject else ""), flush=True)
    config = uvicorn.Config(create_app(args.inject), log_level="warning", lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
