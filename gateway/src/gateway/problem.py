"""RFC 9457 problem details and the few raw-ASGI response helpers the gateway needs."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from common.errors import TYPE_BASE, Forbidden, NotFound, ServiceUnavailable, Unauthorized, problem_body

Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

PROBLEM_JSON = b"application/problem+json"

# The same `type` and `title` as the services give these statuses, so a client handles a 401
# the same way whether the gateway or the service refused.
_SHARED = {cls.status: cls for cls in (Unauthorized, Forbidden, NotFound, ServiceUnavailable)}


async def send_bytes(send: Send, status: int, headers: Headers, body: bytes, *, head: bool = False) -> None:
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else body})


async def send_json(
    send: Send,
    status: int,
    payload: Any,
    extra: Headers,
    *,
    content_type: bytes = b"application/json",
) -> None:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    await send_bytes(send, status, [(b"content-type", content_type), *extra], body)


async def send_problem(
    send: Send,
    status: int,
    detail: str | None,
    extra: Headers,
    *,
    instance: str | None = None,
    title: str | None = None,
    headers: Headers | None = None,
) -> None:
    shared = _SHARED.get(status)
    problem_type = TYPE_BASE + shared.slug if shared else "about:blank"
    title = title or (shared.title if shared else None)
    await send_json(
        send,
        status,
        problem_body(status, title, detail, type=problem_type, instance=instance),
        [(b"cache-control", b"no-store"), *(headers or []), *extra],
        content_type=PROBLEM_JSON,
    )
