"""Who may call: the public reads; coordinators and admins change. Bad tokens are refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.testing import TokenFactory

from .conftest import bearer, create_programme, create_session, programme_body, session_body

pytestmark = pytest.mark.usefixtures("themes")


@pytest.fixture
async def targets(client: httpx.AsyncClient, coordinator: dict[str, str]) -> list[tuple[str, str, Any]]:
    """Every coordinator endpoint, with a body that would be accepted."""
    programme = await create_programme(client, coordinator, publish=False)
    module = (
        await client.post(
            f"/programmes/{programme['id']}/modules",
            json={"title": {"fr": "Module"}, "delivery_mode": "e_learning"},
            headers=coordinator,
        )
    ).json()
    run = await create_session(client, coordinator, programme["id"], status="draft")
    p, m, s = programme["id"], module["id"], run["id"]
    return [
        ("POST", "/programmes", programme_body()),
        ("PATCH", f"/programmes/{p}", {"duration": {"fr": "3 jours"}}),
        ("POST", f"/programmes/{p}/transitions", {"action": "publish"}),
        ("DELETE", f"/programmes/{p}", None),
        ("POST", f"/programmes/{p}/modules", {"title": {"fr": "Autre"}, "delivery_mode": "webinar"}),
        ("PATCH", f"/programmes/{p}/modules/{m}", {"hours": 10}),
        ("DELETE", f"/programmes/{p}/modules/{m}", None),
        ("POST", "/sessions", session_body(p)),
        ("PATCH", f"/sessions/{s}", {"capacity": 12}),
        ("POST", f"/sessions/{s}/transitions", {"action": "publish"}),
        ("DELETE", f"/sessions/{s}", None),
        ("GET", "/statistics/overview", None),
    ]


def _problem(response: httpx.Response, status: int, where: str) -> None:
    assert response.status_code == status, f"{where}: {response.status_code} {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json"), where


async def test_coordinator_endpoints_refuse_everyone_else(
    client: httpx.AsyncClient, targets: list[tuple[str, str, Any]], token_factory: TokenFactory
) -> None:
    others = {
        "learner": bearer(token_factory.user(roles=["learner"])),
        "expert": bearer(token_factory.user(roles=["learner", "expert"])),
        "integrator": bearer(token_factory.client(scopes=["catalogue:read"])),
    }
    for method, path, body in targets:
        anonymous = await client.request(method, path, json=body)
        _problem(anonymous, 401, f"{method} {path}")
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        for who, headers in others.items():
            _problem(await client.request(method, path, json=body, headers=headers), 403, f"{who} {method} {path}")
    # Nothing was changed by the refused calls.
    assert (
        await client.get("/programmes", params={"status": "draft"}, headers=bearer(token_factory.user(roles=["admin"])))
    ).json()["total"] == 1


async def test_admins_are_coordinators_too(
    client: httpx.AsyncClient, targets: list[tuple[str, str, Any]], admin: dict[str, str]
) -> None:
    method, path, body = targets[0]
    assert (await client.request(method, path, json=body, headers=admin)).status_code == 201


async def test_every_bad_token_is_refused(
    client: httpx.AsyncClient, token_factory: TokenFactory, coordinator: dict[str, str]
) -> None:
    for name, token in token_factory.bad_tokens().items():
        # On a coordinator endpoint, and on a public one (a token that is sent must be good).
        _problem(await client.post("/programmes", json=programme_body(), headers=bearer(token)), 401, name)
        _problem(await client.get("/sessions", headers=bearer(token)), 401, name)
        client.cookies.set("alga_access", token)  # as a browser talking to the service directly would
        _problem(await client.get("/sessions"), 401, name)
        client.cookies.clear()
    assert (await client.post("/programmes", json=programme_body(), headers=coordinator)).status_code == 201
    assert (await client.get("/sessions")).status_code == 200
