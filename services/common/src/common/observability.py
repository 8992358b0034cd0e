"""Request ids and logging.

Every request carries an `X-Request-ID` (kept from the gateway, or made here); it is echoed on
the response and printed in every log line written while serving it, so one id follows a
request across the gateway and the services.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid
from typing import Any

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")
REQUEST_ID_HEADER = b"x-request-id"

access_log = logging.getLogger("alga.access")


def clean_request_id(value: str | None) -> str:
    if value and _VALID_ID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


def configure_logging(level: str = "INFO", service: str = "alga") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        logging.Formatter(f"%(asctime)s %(levelname)s {service} [%(request_id)s] %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # uvicorn's own access log lacks the request id; ours replaces it.
    logging.getLogger("uvicorn.access").disabled = True


class RequestIdMiddleware:
    """Plain ASGI middleware (cheaper than BaseHTTPMiddleware, and it does not buffer bodies)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", ()):
            if name == REQUEST_ID_HEADER:
                incoming = value.decode("latin-1")
                break
        request_id = clean_request_id(incoming)
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k != REQUEST_ID_HEADER]
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            access_log.info(
                "%s %s %s %.1fms", scope["method"], scope["path"], status, (time.perf_counter() - started) * 1000
            )
            request_id_var.reset(token)
