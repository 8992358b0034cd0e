"""The in-app list: one's own notifications only, newest first, with the unread count; marking
read; 401 without a token and for every bad token; 404 for someone else's notification."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from common.db import Database
from common.testing import TokenFactory
from notifications.message.compose import Draft
from notifications.notification.service import notify

from .conftest import PUBLIC_URL, Person, envelope, stored

PATHS = [
    ("GET", "/notifications"),
    ("GET", "/notifications/unread-count"),
    ("GET", "/notifications/some-id"),
    ("POST", "/notifications/some-id/read"),
    ("POST", "/notifications/read-all"),
    ("GET", "/deliveries"),
    ("POST", "/deliveries/some-id/retry"),
]


async def _give(db: Database, someone: Person, count: int, *, kind: str = "application_received") -> list[str]:
    """`count` notifications for `someone`, one minute apart (the last is the newest); their ids."""
    start = datetime(2026, 11, 29, 10, tzinfo=UTC)
    event_ids = []
    for n in range(count):
        event = envelope("enrollment.application.submitted", {"user_id": someone.id})
        async with db.session() as session:
            draft = Draft(kind=kind, path=f"/applications/a-{n}", session_title=f"Session {n}")
            await notify(
                session,
                event=event,
                user_id=someone.id,
                draft=draft,
                public_url=PUBLIC_URL,
                now=start + timedelta(minutes=n),
            )
            await session.commit()
        event_ids.append(event.id)
    rows = [r for r in await stored(db, user_id=someone.id, channel="in_app")]
    by_event = {r.event_id: r.id for r in rows}
    return [by_event[e] for e in event_ids]


@pytest.mark.parametrize(("method", "path"), PATHS)
async def test_401_without_a_token(client: httpx.AsyncClient, method: str, path: str) -> None:
    response = await client.request(method, path)
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_every_bad_token_is_refused(client: httpx.AsyncClient, token_factory: TokenFactory) -> None:
    for reason, token in token_factory.bad_tokens().items():
        for method, path in PATHS:
            response = await client.request(method, path, headers={"Authorization": f"Bearer {token}"})
            assert response.status_code == 401, f"{reason} {method} {path}: {response.status_code}"


async def test_my_notifications_newest_first_with_the_unread_count(
    client: httpx.AsyncClient, db: Database, person: Any
) -> None:
    awa, kwame = person("Awa Diop"), person("Kwame Mensah", "en")
    mine = await _give(db, awa, 3)
    await _give(db, kwame, 2)

    page = (await client.get("/notifications", headers=awa.headers)).json()
    assert page["total"] == 3 and page["unread"] == 3 and page["limit"] == 20 and page["offset"] == 0
    assert [i["id"] for i in page["items"]] == list(reversed(mine))
    assert [i["subject"] for i in page["items"]] == [f"Candidature reçue : Session {n}" for n in (2, 1, 0)]
    assert page["items"][0]["url"] == f"{PUBLIC_URL}/applications/a-2"
    assert page["items"][0]["created_at"] == "2026-11-29T10:02:00Z"

    second = (await client.get("/notifications", params={"limit": 2, "offset": 2}, headers=awa.headers)).json()
    assert [i["id"] for i in second["items"]] == [mine[0]] and second["total"] == 3 and second["unread"] == 3
    assert (await client.get("/notifications", params={"limit": 0}, headers=awa.headers)).status_code == 422

    count = await client.get("/notifications/unread-count", headers=kwame.headers)
    assert count.status_code == 200 and count.json() == {"unread": 2}


async def test_marking_read(client: httpx.AsyncClient, db: Database, person: Any) -> None:
    awa, kwame = person(), person()
    first, second, third = await _give(db, awa, 3)
    await _give(db, kwame, 1)

    read = await client.post(f"/notifications/{first}/read", headers=awa.headers)
    assert read.status_code == 200
    assert read.json()["read"] is True and read.json()["read_at"] is not None
    again = await client.post(f"/notifications/{first}/read", headers=awa.headers)
    assert again.json()["read_at"] == read.json()["read_at"]  # the first reading is kept
    assert (await client.get("/notifications/unread-count", headers=awa.headers)).json() == {"unread": 2}

    unread = (await client.get("/notifications", params={"unread": "true"}, headers=awa.headers)).json()
    assert [i["id"] for i in unread["items"]] == [third, second] and unread["total"] == 2

    everything = await client.post("/notifications/read-all", headers=awa.headers)
    assert everything.status_code == 200 and everything.json() == {"marked": 2, "unread": 0}
    assert (await client.post("/notifications/read-all", headers=awa.headers)).json() == {"marked": 0, "unread": 0}
    # Only her own: Kwame's stays unread.
    assert (await client.get("/notifications/unread-count", headers=kwame.headers)).json() == {"unread": 1}
    one = await client.get(f"/notifications/{second}", headers=awa.headers)
    assert one.status_code == 200 and one.json()["read"] is True


async def test_someone_elses_notification_is_a_404(client: httpx.AsyncClient, db: Database, person: Any) -> None:
    awa, kwame = person(), person()
    (hers,) = await _give(db, awa, 1)
    for method, path in (("GET", f"/notifications/{hers}"), ("POST", f"/notifications/{hers}/read")):
        response = await client.request(method, path, headers=kwame.headers)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        missing = await client.request(method, path.replace(hers, "does-not-exist"), headers=kwame.headers)
        assert missing.status_code == 404 and missing.json()["detail"] == response.json()["detail"]
    assert (await client.get("/notifications", headers=kwame.headers)).json()["total"] == 0
    (row,) = await stored(db, id=hers)
    assert row.read_at is None  # Kwame's attempt changed nothing


async def test_an_email_row_is_not_an_in_app_notification(client: httpx.AsyncClient, db: Database, person: Any) -> None:
    awa = person()
    await _give(db, awa, 1)
    (email,) = await stored(db, user_id=awa.id, channel="email")
    assert (await client.get(f"/notifications/{email.id}", headers=awa.headers)).status_code == 404


async def test_integrator_clients_have_no_notifications(client: httpx.AsyncClient, token_factory: TokenFactory) -> None:
    headers = {"Authorization": f"Bearer {token_factory.client(scopes=['catalogue:read'])}"}
    response = await client.get("/notifications", headers=headers)
    assert response.status_code == 200 and response.json()["total"] == 0
    assert (await client.get("/deliveries", headers=headers)).status_code == 403


async def test_health_and_openapi(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok", "service": "notifications"}
    ready = await client.get("/ready")
    assert ready.status_code == 200 and ready.json()["checks"]["database"] == "up"
    spec = (await client.get("/openapi.json")).json()
    assert {"/notifications", "/notifications/unread-count", "/notifications/read-all"} <= set(spec["paths"])
    # Secured operations, as the gateway reads them to refuse anonymous calls early.
    assert spec["paths"]["/notifications"]["get"]["security"]
