"""The gateway through its ASGI interface directly (no server): lifespan and a quick request."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import httpx

from gateway.main import create_app
from gateway.settings import Settings


async def test_lifespan_opens_and_closes_the_upstream_session(refused_url: str) -> None:
    app = create_app(Settings(services=["identity"], identity_url=refused_url))
    sent: list[dict[str, Any]] = []
    sessions: list[Any] = []
    incoming = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]

    async def receive() -> dict[str, Any]:
        if len(incoming) == 1:  # startup is done: look at the session before shutting down
            sessions.append(app._session)
        return incoming.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(dict(message))

    await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)

    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]
    assert sessions[0] is not None and sessions[0].closed


async def test_requests_over_asgi(refused_url: str) -> None:
    app = create_app(Settings(services=["identity"], identity_url=refused_url))
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            unknown = await client.get("/api/nope/x")
            down = await client.get("/api/identity/users/me")
    finally:
        await app.shutdown()

    assert unknown.status_code == 404
    assert down.status_code == 503
    assert down.json()["detail"] == "identity is unavailable"
    assert len(down.headers["x-request-id"]) == 32
