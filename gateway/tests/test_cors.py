"""CORS: the configured origins only, preflight answered by the gateway itself."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

ALLOWED = "https://campus.example.org"


@pytest.fixture
def cors_gateway(make_gateway: Any) -> httpx.Client:
    return make_gateway(cors_origins=[ALLOWED])


def _forwarded(upstream: Any) -> int:
    # The gateway's own background fetches (OpenAPI documents, keys) may land at any moment.
    return len([r for r in upstream.seen if r["path"] not in ("/openapi.json", "/.well-known/jwks.json")])


def test_preflight_from_an_allowed_origin(cors_gateway: httpx.Client, identity: Any) -> None:
    before = _forwarded(identity)
    response = cors_gateway.options(
        "/api/identity/auth/login",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-request-id",
        },
    )

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["access-control-allow-credentials"] == "true"
    assert "POST" in response.headers["access-control-allow-methods"]
    assert response.headers["access-control-allow-headers"] == "content-type, x-request-id"
    assert _forwarded(identity) == before  # answered by the gateway


def test_preflight_from_another_origin_is_refused(cors_gateway: httpx.Client) -> None:
    response = cors_gateway.options(
        "/api/identity/auth/login",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers
    assert response.headers["content-type"] == "application/problem+json"


def test_actual_request_from_an_allowed_origin(cors_gateway: httpx.Client) -> None:
    response = cors_gateway.get("/api/catalogue/items", headers={"Origin": ALLOWED})

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["access-control-allow-credentials"] == "true"
    assert "X-Request-ID" in response.headers["access-control-expose-headers"]
    assert "Origin" in response.headers.get_list("vary")


def test_actual_request_from_another_origin_gets_no_cors_headers(
    cors_gateway: httpx.Client,
) -> None:
    response = cors_gateway.get("/api/catalogue/items", headers={"Origin": "https://evil.example"})

    assert response.status_code == 200  # the browser, not the server, withholds the answer
    assert "access-control-allow-origin" not in response.headers


def test_no_origins_configured_means_no_cors(gateway: httpx.Client) -> None:
    response = gateway.get("/api/catalogue/items", headers={"Origin": ALLOWED})
    assert "access-control-allow-origin" not in response.headers
    preflight = gateway.options(
        "/api/catalogue/items",
        headers={"Origin": ALLOWED, "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 403
