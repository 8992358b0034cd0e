"""Who may call what: every endpoint that needs a token refuses every bad one, anonymous callers
get 401 and learners 403 on the coordinators' endpoints."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from common.testing import TokenFactory

from .conftest import User, bearer

STAFF_ENDPOINTS = {
    ("get", "/applications"),
    ("post", "/profiles"),
    ("get", "/profiles/{profile_id}"),
    ("patch", "/profiles/{profile_id}"),
    ("post", "/profiles/{profile_id}/transitions"),
    ("get", "/duplicates"),
    ("get", "/duplicates/{candidate_id}"),
    ("post", "/duplicates/{candidate_id}/resolution"),
    ("get", "/experts/export.csv"),
    ("get", "/statistics/overview"),
    ("get", "/statistics/report"),
}
ANY_TOKEN_ENDPOINTS = {
    ("post", "/applications"),
    ("get", "/me"),
    ("patch", "/me"),
    ("get", "/experts/{profile_id}/status"),
    ("post", "/experts/status-checks"),
}


async def _secured(client: httpx.AsyncClient) -> list[tuple[str, str]]:
    spec = (await client.get("/openapi.json")).json()
    return sorted(
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    )


async def _call(client: httpx.AsyncClient, method: str, path: str, headers: dict[str, str] | None) -> httpx.Response:
    url = re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", path)
    body: Any = {} if method in ("post", "patch", "put") else None
    return await client.request(method.upper(), url, json=body, headers=headers)


async def test_the_secured_endpoints_are_the_expected_ones(client: httpx.AsyncClient) -> None:
    assert set(await _secured(client)) == STAFF_ENDPOINTS | ANY_TOKEN_ENDPOINTS


async def test_no_token_is_401(client: httpx.AsyncClient) -> None:
    for method, path in await _secured(client):
        response = await _call(client, method, path, None)
        assert response.status_code == 401, (method, path)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("reason", sorted(TokenFactory().bad_tokens()))
async def test_every_bad_token_is_refused(client: httpx.AsyncClient, token_factory: TokenFactory, reason: str) -> None:
    token = token_factory.bad_tokens()[reason]
    for method, path in await _secured(client):
        response = await _call(client, method, path, bearer(token))
        assert response.status_code == 401, (reason, method, path, response.text)
    # A bad token on a public endpoint changes nothing: it is public.
    assert (await client.get("/experts", headers=bearer(token))).status_code == 200


async def test_learners_and_experts_are_403_on_coordinator_endpoints(
    client: httpx.AsyncClient, learner: User, new_user: Any, token_factory: TokenFactory
) -> None:
    expert = new_user("learner", "expert")
    integrator = bearer(token_factory.client("uca", scopes=["experts:read"]))
    for method, path in sorted(STAFF_ENDPOINTS):
        for headers in (learner.headers, expert.headers, integrator):
            response = await _call(client, method, path, headers)
            assert response.status_code == 403, (method, path, response.text)


async def test_a_token_in_the_cookie_works_too(client: httpx.AsyncClient, learner: User) -> None:
    token = learner.headers["Authorization"].removeprefix("Bearer ")
    response = await client.get("/me", headers={"Cookie": f"alga_access={token}"})
    assert response.status_code == 404  # authenticated: this person has no profile yet
