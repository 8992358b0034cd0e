"""The gateway's token check: cookie to header, invalid tokens refused, protected operations."""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import pytest

from common.auth import ACCESS_COOKIE, Principal
from gateway.tokens import CachedVerifier


def seen(upstream: Any, path: str) -> list[dict[str, Any]]:
    return [r for r in upstream.seen if r["path"] == path]


def assert_401_problem(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.headers["x-request-id"]
    problem = response.json()
    assert problem["status"] == 401
    assert problem["title"] == "Authentication required"
    return problem


def test_valid_token_is_forwarded(gateway: httpx.Client, tokens: Any) -> None:
    token = tokens.user()
    response = gateway.get("/api/identity/items/7", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json() == {"id": 7, "name": "secret"}


def test_cookie_becomes_authorization_header(gateway: httpx.Client, tokens: Any, identity: Any) -> None:
    token = tokens.user()
    path = f"/echo/{uuid.uuid4().hex}"
    response = gateway.get(f"/api/identity{path}", headers={"Cookie": f"theme=dark; {ACCESS_COOKIE}={token}"})

    assert response.status_code == 200
    assert [r["authorization"] for r in seen(identity, path)] == [f"Bearer {token}"]
    # The cookies still travel: identity reads alga_refresh from them on /auth/refresh.
    cookie_headers = [v for k, v in response.json()["headers"] if k == "cookie"]
    assert cookie_headers == [f"theme=dark; {ACCESS_COOKIE}={token}"]


def test_explicit_header_wins_over_cookie(gateway: httpx.Client, tokens: Any, identity: Any) -> None:
    header_token, cookie_token = tokens.user(), tokens.user()
    path = f"/echo/{uuid.uuid4().hex}"
    gateway.get(
        f"/api/identity{path}",
        headers={
            "Authorization": f"Bearer {header_token}",
            "Cookie": f"{ACCESS_COOKIE}={cookie_token}",
        },
    )
    assert [r["authorization"] for r in seen(identity, path)] == [f"Bearer {header_token}"]


def test_cookie_token_opens_protected_operation(gateway: httpx.Client, tokens: Any) -> None:
    response = gateway.get("/api/catalogue/items/3", headers={"Cookie": f"{ACCESS_COOKIE}={tokens.user()}"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "kind",
    [
        "alg_none",
        "hs256_with_public_key",
        "expired",
        "wrong_audience",
        "wrong_issuer",
        "other_key_same_kid",
        "unknown_kid",
        "not_an_access_token",
        "garbage",
    ],
)
def test_invalid_token_is_refused_without_calling_the_service(
    gateway: httpx.Client, tokens: Any, catalogue: Any, kind: str
) -> None:
    token = tokens.bad_tokens()[kind]
    # A public operation: the refusal comes from the token itself, not from the route.
    path = f"/echo/{uuid.uuid4().hex}"
    response = gateway.get(f"/api/catalogue{path}", headers={"Authorization": f"Bearer {token}"})

    problem = assert_401_problem(response)
    assert 'error="invalid_token"' in response.headers["www-authenticate"]
    assert problem["detail"]
    assert seen(catalogue, path) == []


def test_empty_bearer_token_is_refused(gateway: httpx.Client, catalogue: Any) -> None:
    path = f"/echo/{uuid.uuid4().hex}"
    response = gateway.get(f"/api/catalogue{path}", headers={"Authorization": "Bearer"})
    assert_401_problem(response)
    assert seen(catalogue, path) == []


def test_invalid_cookie_on_protected_operation_is_refused(gateway: httpx.Client, tokens: Any, catalogue: Any) -> None:
    expired = tokens.bad_tokens()["expired"]
    before = len(seen(catalogue, "/items/9"))
    response = gateway.get("/api/catalogue/items/9", headers={"Cookie": f"{ACCESS_COOKIE}={expired}"})
    problem = assert_401_problem(response)
    assert "expired" in problem["detail"]
    assert len(seen(catalogue, "/items/9")) == before


def test_stale_cookie_does_not_block_public_calls(gateway: httpx.Client, tokens: Any, identity: Any) -> None:
    """The browser still holds an expired access cookie when it calls /auth/refresh (or logs in
    again): the gateway lets it through as anonymous instead of locking the user out."""
    expired = tokens.bad_tokens()["expired"]
    path = f"/echo/auth/refresh-{uuid.uuid4().hex}"
    response = gateway.post(
        f"/api/identity{path}",
        headers={"Cookie": f"{ACCESS_COOKIE}={expired}; alga_refresh=r-token"},
    )
    assert response.status_code == 200
    assert [r["authorization"] for r in seen(identity, path)] == [None]


def test_protected_operation_without_token_is_refused_early(gateway: httpx.Client, catalogue: Any) -> None:
    before = len(seen(catalogue, "/items/5"))
    response = gateway.get("/api/catalogue/items/5")

    problem = assert_401_problem(response)
    assert "invalid_token" not in response.headers["www-authenticate"]
    assert problem["instance"] == "/api/catalogue/items/5"
    assert len(seen(catalogue, "/items/5")) == before


def test_protection_follows_each_operation(gateway: httpx.Client) -> None:
    # GET /items is public, POST /items is protected; /items/mine (protected) is declared
    # before /items/{item_id} and matched first, as in the service.
    assert gateway.get("/api/catalogue/items").status_code == 200
    assert gateway.post("/api/catalogue/items", json={"id": 1, "name": "x"}).status_code == 401
    assert gateway.get("/api/catalogue/items/mine").status_code == 401
    assert gateway.get("/api/catalogue/health").status_code == 200
    # Paths the service does not describe are its business (here: its own 404).
    assert gateway.get("/api/catalogue/nowhere").status_code == 404


def test_basic_authorization_is_passed_to_the_service(gateway: httpx.Client, identity: Any) -> None:
    """OAuth2 client credentials may come as HTTP Basic: identity checks them, not the gateway."""
    path = f"/echo/oauth/token-{uuid.uuid4().hex}"
    response = gateway.post(f"/api/identity{path}", headers={"Authorization": "Basic YTpi"})
    assert response.status_code == 200
    assert [r["authorization"] for r in seen(identity, path)] == ["Basic YTpi"]


class CountingVerifier:
    def __init__(self, expires_at: int) -> None:
        self.calls = 0
        self.expires_at = expires_at

    async def verify(self, token: str) -> Principal:
        self.calls += 1
        return Principal(subject=token, expires_at=self.expires_at)

    async def aclose(self) -> None:
        pass


async def test_cache_verifies_a_token_once() -> None:
    inner = CountingVerifier(int(time.time()) + 600)
    cache = CachedVerifier(inner, max_size=10)  # type: ignore[arg-type]
    for _ in range(5):
        assert (await cache.verify("t1")).subject == "t1"
    assert inner.calls == 1


async def test_cache_rechecks_expiry_on_each_hit() -> None:
    inner = CountingVerifier(int(time.time()) - 1)  # already expired when looked up again
    cache = CachedVerifier(inner, max_size=10)  # type: ignore[arg-type]
    await cache.verify("t1")
    await cache.verify("t1")
    assert inner.calls == 2


async def test_cache_is_bounded() -> None:
    inner = CountingVerifier(int(time.time()) + 600)
    cache = CachedVerifier(inner, max_size=3)  # type: ignore[arg-type]
    for i in range(10):
        await cache.verify(f"t{i}")
    assert len(cache) == 3
    await cache.verify("t9")  # the newest are kept
    assert inner.calls == 10


def test_service_starting_after_the_gateway_gets_its_protected_operations_checked(
    make_gateway: Any, late_service: Any
) -> None:
    upstream, server = late_service
    client = make_gateway(catalogue_url=upstream.url)
    assert client.get("/api/catalogue/items/5").status_code == 503  # not started yet

    server.start()
    # The gateway learns the service's protected operations soon after it comes up (the test
    # double itself would answer 200 without a token, so a 401 can only be the gateway's).
    deadline = time.monotonic() + 5
    while (response := client.get("/api/catalogue/items/5")).status_code != 401:
        assert time.monotonic() < deadline, response.status_code
        time.sleep(0.02)
    assert response.json()["instance"] == "/api/catalogue/items/5"
