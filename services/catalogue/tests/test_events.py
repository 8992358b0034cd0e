"""One outbox event per change, carrying what the other services keep (enrollment's read model)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from common.db import Database

from .conftest import act, create_programme, create_session, local, outbox, session_body, verified_experts

pytestmark = pytest.mark.usefixtures("themes")

TRAINER = "3f1c6a0e-1111-4d5b-9e8e-2a7b1c0d9e8f"


async def _new_events(db: Database, seen: int) -> list[tuple[str, dict]]:
    return (await outbox(db))[seen:]


async def test_a_session_tells_each_change_once(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    await verified_experts(db, TRAINER)
    programme = await create_programme(client, coordinator)
    assert [t for t, _ in await outbox(db)] == ["catalogue.programme.published"]
    seen = 1

    draft = await create_session(client, coordinator, programme["id"], status="draft", trainer_ids=[TRAINER])
    await client.patch(f"/sessions/{draft['id']}", json={"capacity": 25}, headers=coordinator)
    assert await _new_events(db, seen) == []  # drafts are nobody else's business

    await act(client, coordinator, draft["id"], "publish")
    ((kind, data),) = await _new_events(db, seen)
    seen += 1
    assert kind == "catalogue.session.published"
    starts = datetime.fromisoformat(local(40)).replace(tzinfo=UTC)  # Dakar is UTC+0
    assert data == {
        "session_id": draft["id"],
        "programme_id": programme["id"],
        "programme_code": programme["code"],
        "programme_title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "module_id": None,
        "kind": "college",
        "event_kind": None,
        "theme": "local_finance",
        "title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "status": "published",
        "language": "fr",
        "delivery_mode": "residential_seminar",
        "capacity": 25,
        "starts_at": starts.isoformat(),
        "ends_at": datetime.fromisoformat(local(44, 17)).replace(tzinfo=UTC).isoformat(),
        "timezone": "Africa/Dakar",
        "venue": {"city": "Dakar", "country": "SN", "address": "Place de l'Indépendance", "online": False},
        "applications_open_at": datetime.fromisoformat(local(-5)).replace(tzinfo=UTC).isoformat(),
        "applications_close_at": datetime.fromisoformat(local(30)).replace(tzinfo=UTC).isoformat(),
        "trainer_ids": [TRAINER],
        "audiences": ["elected_official", "finance_director"],
        "partner_ids": [],
        "cancellation_reason": None,
        "revision": 1,
    }

    # Several fields in one request: one event that lists them.
    await client.patch(
        f"/sessions/{draft['id']}",
        json={"capacity": 40, "venue": {"city": "Saint-Louis", "country": "SN"}, "trainer_ids": []},
        headers=coordinator,
    )
    ((kind, data),) = await _new_events(db, seen)
    seen += 1
    assert kind == "catalogue.session.updated"
    assert sorted(data["changed"]) == ["capacity", "trainer_ids", "venue"]
    assert data["capacity"] == 40 and data["venue"]["city"] == "Saint-Louis" and data["revision"] == 2

    # The same values again, and a refused change: nothing to tell.
    await client.patch(f"/sessions/{draft['id']}", json={"capacity": 40}, headers=coordinator)
    refused = await client.patch(f"/sessions/{draft['id']}", json={"ends_at": local(1)}, headers=coordinator)
    assert refused.status_code == 422
    assert (await act(client, coordinator, draft["id"], "close_applications")).status_code == 409
    assert await _new_events(db, seen) == []

    await act(client, coordinator, draft["id"], "open_applications")
    ((kind, data),) = await _new_events(db, seen)
    seen += 1
    assert kind == "catalogue.session.updated" and data["status"] == "applications_open"
    assert data["changed"] == ["status"]

    await act(client, coordinator, draft["id"], "cancel", reason="Le lieu n'est plus disponible.")
    ((kind, data),) = await _new_events(db, seen)
    assert kind == "catalogue.session.cancelled"
    assert data["status"] == "cancelled" and data["cancellation_reason"] == "Le lieu n'est plus disponible."
    assert [t for t, _ in await outbox(db)] == [
        "catalogue.programme.published",
        "catalogue.session.published",
        "catalogue.session.updated",
        "catalogue.session.updated",
        "catalogue.session.cancelled",
    ]


async def test_completion_is_told(client: httpx.AsyncClient, coordinator: dict[str, str], db: Database) -> None:
    programme = await create_programme(client, coordinator)
    run = await create_session(
        client,
        coordinator,
        programme["id"],
        starts_at=local(-3),
        ends_at=local(-1, 17),
        applications_open_at=local(-30),
        applications_close_at=local(-10),
    )
    seen = len(await outbox(db))
    await act(client, coordinator, run["id"], "complete")
    ((kind, data),) = await _new_events(db, seen)
    assert kind == "catalogue.session.completed" and data["session_id"] == run["id"] and data["status"] == "completed"


async def test_programme_events_and_what_they_change_in_sessions(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    draft_programme = await create_programme(client, coordinator, publish=False)
    await client.patch(
        f"/programmes/{draft_programme['id']}", json={"duration": {"fr": "5 jours"}}, headers=coordinator
    )
    assert await outbox(db) == []

    programme = await create_programme(client, coordinator)
    public = await create_session(client, coordinator, programme["id"])
    await create_session(client, coordinator, programme["id"], status="draft")
    seen = len(await outbox(db))

    # A change the sessions do not show: the programme's event only.
    await client.patch(
        f"/programmes/{programme['id']}",
        json={"fees": {"fr": "Gratuit", "en": "Free"}, "partner_institutions": ["Université Cadi Ayyad", "ENCG"]},
        headers=coordinator,
    )
    ((kind, data),) = await _new_events(db, seen)
    seen += 1
    assert kind == "catalogue.programme.updated"
    assert sorted(data["changed"]) == ["partner_institutions"]  # fees are not in the event
    assert data["partner_institutions"] == ["Université Cadi Ayyad", "ENCG"]

    # A new title and audiences: the programme's event, and one for its public session (not the draft).
    await client.patch(
        f"/programmes/{programme['id']}",
        json={"title": {"fr": "Collège ALGA : Fiscalité locale"}, "audiences": ["finance_director"]},
        headers=coordinator,
    )
    events = await _new_events(db, seen)
    seen += len(events)
    assert [t for t, _ in events] == ["catalogue.programme.updated", "catalogue.session.updated"]
    assert sorted(events[0][1]["changed"]) == ["audiences", "title"]
    assert events[1][1]["session_id"] == public["id"]
    assert sorted(events[1][1]["changed"]) == ["audiences", "programme_title", "title"]
    assert events[1][1]["title"] == {"fr": "Collège ALGA : Fiscalité locale"}
    session_now = (await client.get(f"/sessions/{public['id']}")).json()
    assert session_now["title"] == "Collège ALGA : Fiscalité locale" and session_now["audiences"] == [
        "finance_director"
    ]
    assert (await client.get("/sessions", params={"q": "fiscalite"})).json()["total"] == 1

    # Modules are part of the programme's event.
    await client.post(
        f"/programmes/{programme['id']}/modules",
        json={"title": {"fr": "Fiscalité"}, "hours": 12, "delivery_mode": "e_learning"},
        headers=coordinator,
    )
    ((kind, data),) = await _new_events(db, seen)
    seen += 1
    assert kind == "catalogue.programme.updated" and data["changed"] == ["modules"]
    assert [m["title"] for m in data["modules"]] == [{"fr": "Fiscalité"}]

    await client.post(f"/programmes/{programme['id']}/transitions", json={"action": "archive"}, headers=coordinator)
    ((kind, data),) = await _new_events(db, seen)
    assert kind == "catalogue.programme.archived" and data["status"] == "archived"


async def test_a_refused_request_leaves_no_event(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    programme = await create_programme(client, coordinator)
    seen = len(await outbox(db))
    refused = await client.post("/sessions", json=session_body(programme["id"], capacity=0), headers=coordinator)
    assert refused.status_code == 422
    assert (
        await client.post(f"/programmes/{programme['id']}/transitions", json={"action": "publish"}, headers=coordinator)
    ).status_code == 409
    assert await _new_events(db, seen) == []
