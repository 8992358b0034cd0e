"""E-mail and phone are private: no public endpoint, whatever it is asked, says them, and no
event carries them. The list of public endpoints comes from the OpenAPI document, so a public
endpoint added later without a check here fails `test_every_public_endpoint_is_checked`."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import pytest

from common.db import Database
from experts.engagement import service as engagement

from .conftest import PRIVATE_EMAIL, PRIVATE_PHONE, User, apply, create_expert, outbox, session_event

PUBLIC_ENDPOINTS = {
    ("get", "/experts"),
    ("get", "/experts/{profile_id}"),
    ("get", "/health"),
    ("get", "/ready"),
}
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
SECRETS = (PRIVATE_EMAIL, PRIVATE_PHONE, "aissatou.private", "77 123 45 67", "+221")


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def assert_private(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    for secret in SECRETS:
        assert secret not in response.text, f"{secret!r} leaked by {response.request.url}"
    if "json" in response.headers.get("content-type", ""):
        assert not _keys(response.json()) & {"email", "phone", "vetting_note", "user_id"}


async def test_every_public_endpoint_is_checked(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    public = {
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if not operation.get("security")
    }
    assert public == PUBLIC_ENDPOINTS


@pytest.fixture
async def listed(client: httpx.AsyncClient, learner: User, coordinator: dict[str, str], db: Database) -> str:
    profile = await apply(client, learner, keywords=["fiscalité"], links=[{"url": "https://example.org/a"}])
    verified = await client.post(
        f"/profiles/{profile['id']}/transitions", json={"action": "verify", "note": "ok"}, headers=coordinator
    )
    assert verified.status_code == 200
    async with db.session() as session:
        await engagement.handle(session, session_event("s-priv", [profile["id"]]))
        await session.commit()
    return profile["id"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"lang": "en"},
        {"q": "diallo"},
        {"q": "aissatou.private"},  # the e-mail is not even searchable
        {"q": "77 123"},
        {"theme": "local_finance", "country": "SN", "language": "fr", "availability": "available"},
        {"limit": 1, "offset": 0},
    ],
)
async def test_the_directory_never_says_them(
    client: httpx.AsyncClient, listed: str, params: dict[str, Any], learner: User
) -> None:
    for headers in (None, learner.headers):  # being logged in changes nothing
        response = await client.get("/experts", params=params, headers=headers)
        assert_private(response)
    body = (await client.get("/experts", params=params)).json()
    if params.get("q") in ("aissatou.private", "77 123"):
        assert body["total"] == 0


async def test_the_profile_page_never_says_them(
    client: httpx.AsyncClient, listed: str, learner: User, coordinator: dict[str, str]
) -> None:
    for headers in (None, learner.headers, coordinator):  # not even to its owner or a coordinator
        for params in ({}, {"lang": "en"}, {"lang": "fr"}):
            response = await client.get(f"/experts/{listed}", params=params, headers=headers)
            assert response.status_code == 200
            assert_private(response)
            assert not EMAIL_ADDRESS.search(response.text)
    for path in ("/health", "/ready", f"/experts/{listed}-nope", "/experts?theme=nope"):
        assert_private(await client.get(path))


async def test_status_answers_never_say_them(client: httpx.AsyncClient, listed: str, learner: User) -> None:
    assert_private(await client.get(f"/experts/{listed}/status", headers=learner.headers))
    assert_private(await client.post("/experts/status-checks", json={"ids": [listed]}, headers=learner.headers))


async def test_no_event_carries_them(
    client: httpx.AsyncClient, listed: str, learner: User, coordinator: dict[str, str], db: Database
) -> None:
    await client.patch("/me", json={"phone": "+221 77 000 00 00", "position": "Nouveau poste"}, headers=learner.headers)
    await client.post(f"/profiles/{listed}/transitions", json={"action": "archive"}, headers=coordinator)
    await create_expert(client, coordinator, full_name="Autre Personne", orcid=None, email="other@example.org")
    events = await outbox(db)
    assert [t for t, _ in events] == [
        "experts.profile.submitted",
        "experts.profile.verified",
        "experts.profile.updated",
        "experts.profile.archived",
        "experts.profile.verified",
    ]
    for _, data in events:
        text = json.dumps(data, ensure_ascii=False)
        assert not EMAIL_ADDRESS.search(text) and "+221" not in text
        assert not _keys(data) & {"email", "phone", "vetting_note", "note"}


async def test_unlisted_profiles_are_not_public(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User
) -> None:
    hidden = await create_expert(client, coordinator, public_listing_consent=False, orcid=None)
    assert (await client.get(f"/experts/{hidden['id']}")).status_code == 404
    assert (await client.get("/experts")).json()["total"] == 0
    # Consent given later: listed at once; withdrawn: gone at once.
    await client.patch(f"/profiles/{hidden['id']}", json={"public_listing_consent": True}, headers=coordinator)
    assert (await client.get(f"/experts/{hidden['id']}")).status_code == 200
    await client.patch(f"/profiles/{hidden['id']}", json={"public_listing_consent": False}, headers=coordinator)
    assert (await client.get(f"/experts/{hidden['id']}")).status_code == 404
