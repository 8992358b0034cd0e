"""Who may call what: forged tokens are refused everywhere, coordinator endpoints are 401/403."""

from __future__ import annotations

import uuid

import httpx
import pytest

from common.db import Database
from common.testing import TokenFactory

from .conftest import Person, bearer, publish_session

SID = "00000000-0000-0000-0000-00000000abcd"
AID = "00000000-0000-0000-0000-00000000beef"

#: (method, path, body) of every endpoint that needs a token.
PROTECTED = [
    ("POST", "/applications", {"session_id": SID, "motivation": "m"}),
    ("GET", "/applications", None),
    ("GET", f"/applications/{AID}", None),
    ("POST", f"/applications/{AID}/transitions", {"action": "withdraw"}),
    ("PUT", f"/applications/{AID}/endorser", {"name": "Ab Cd", "email": "a@b.org"}),
    ("GET", f"/applications/{AID}/attendance-qr.svg", None),
    ("GET", f"/applications/{AID}/attachments/x", None),
    ("GET", "/certificates", None),
    ("GET", "/certificates/AAAABBBBCCCCDDDD/pdf", None),
]
#: Coordinators and admins only.
STAFF_ONLY = [
    ("POST", "/applications/bulk-transitions", {"application_ids": [AID], "action": "reject"}),
    ("PATCH", f"/sessions/{SID}/settings", {"admission_mode": "automatic"}),
    ("GET", f"/sessions/{SID}/roster", None),
    ("GET", f"/sessions/{SID}/attendance", None),
    ("PUT", f"/sessions/{SID}/attendance/2027-01-10", {"records": [{"application_id": AID, "present": True}]}),
    ("POST", f"/sessions/{SID}/attendance/scan", {"token": "abcdefghij"}),
    ("POST", f"/sessions/{SID}/completion", None),
    ("GET", f"/imports/{AID}", None),
    ("PUT", f"/applications/{AID}/placement", {"tutor_name": "x"}),
    ("POST", "/certificates/AAAABBBBCCCCDDDD/revoke", {"reason": "because"}),
    ("GET", "/statistics/overview", None),
    ("GET", "/statistics/report", None),
]
PUBLIC = [
    ("GET", f"/sessions/{SID}"),
    ("GET", "/certificates/AAAABBBBCCCCDDDD"),
    ("GET", "/endorsements/not-a-token"),
    ("GET", "/health"),
]


async def _call(
    client: httpx.AsyncClient, method: str, path: str, body: object, headers: dict[str, str]
) -> httpx.Response:
    return await client.request(method, path, json=body, headers=headers)


@pytest.mark.parametrize(("method", "path", "body"), PROTECTED + STAFF_ONLY)
async def test_no_or_bad_token_is_401(
    method: str, path: str, body: object, client: httpx.AsyncClient, token_factory: TokenFactory
) -> None:
    response = await _call(client, method, path, body, {})
    assert response.status_code == 401 and response.headers["content-type"] == "application/problem+json"
    for reason, token in token_factory.bad_tokens().items():
        refused = await _call(client, method, path, body, bearer(token))
        assert refused.status_code == 401, f"{reason} accepted on {method} {path}"


@pytest.mark.parametrize(("method", "path", "body"), STAFF_ONLY)
async def test_learners_get_403_on_coordinator_endpoints(
    method: str, path: str, body: object, client: httpx.AsyncClient, learner: Person
) -> None:
    response = await _call(client, method, path, body, learner.headers)
    assert response.status_code == 403


@pytest.mark.parametrize(("method", "path"), PUBLIC)
async def test_public_endpoints_need_no_token(method: str, path: str, client: httpx.AsyncClient) -> None:
    response = await client.request(method, path)
    assert response.status_code in (200, 404)  # 404: nothing with that id here, but not 401


async def test_integrator_clients_cannot_apply(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory
) -> None:
    session = await publish_session(db)
    token = token_factory.client("partner-university", scopes=["enrollment:read"])
    response = await client.post(
        "/applications", json={"session_id": session["session_id"], "motivation": "m"}, headers=bearer(token)
    )
    assert response.status_code == 403


async def test_admins_are_staff(client: httpx.AsyncClient, db: Database, token_factory: TokenFactory) -> None:
    admin = Person(token_factory, ("admin",))
    session = await publish_session(db)
    response = await client.get(f"/sessions/{session['session_id']}/roster", headers=admin.headers)
    assert response.status_code == 200 and response.json()["total"] == 0
    assert (await client.get(f"/sessions/{uuid.uuid4()}/roster", headers=admin.headers)).status_code == 404
