"""Refuse a body that is too large before reading it (Content-Length), as problem+json 413."""

from __future__ import annotations

import json
import re
from typing import Any

from common.errors import PROBLEM_JSON, TYPE_BASE

DEFAULT_LIMIT = 1024 * 1024


class BodyLimitMiddleware:
    def __init__(self, app: Any, *, limits: list[tuple[str, int]]) -> None:
        self.app = app
        self.limits = [(re.compile(pattern), limit) for pattern, limit in limits]

    def limit_for(self, path: str) -> int:
        for pattern, limit in self.limits:
            if pattern.search(path):
                return limit
        return DEFAULT_LIMIT

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", ()):
                if name == b"content-length":
                    limit = self.limit_for(scope["path"])
                    try:
                        too_large = int(value) > limit
                    except ValueError:
                        too_large = False
                    if too_large:
                        await self._refuse(scope, send, limit)
                        return
                    break
        await self.app(scope, receive, send)

    async def _refuse(self, scope: dict[str, Any], send: Any, limit: int) -> None:
        body = json.dumps(
            {
                "type": TYPE_BASE + "file-too-large",
                "title": "Request too large",
                "status": 413,
                "detail": f"This request may carry at most {limit // 1024} KiB.",
                "instance": scope["path"],
                "max_bytes": limit,
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
