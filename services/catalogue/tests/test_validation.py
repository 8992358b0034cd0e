"""Every change is validated; the problem+json answer names each field at fault."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.db import Database

from .conftest import (
    create_programme,
    create_session,
    event_body,
    local,
    programme_body,
    session_body,
    verified_experts,
)

pytestmark = pytest.mark.usefixtures("themes")


def _fields(response: httpx.Response) -> set[str]:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == 422 and body["type"].endswith("/validation-failed")
    return {e["field"] for e in body["errors"]}


@pytest.fixture
async def programme(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict[str, Any]:
    return await create_programme(client, coordinator)


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"ends_at": local(39)}, {"ends_at"}),
        ({"capacity": 0}, {"capacity"}),
        ({"capacity": -3}, {"capacity"}),
        ({"applications_close_at": local(41)}, {"applications_close_at"}),
        ({"applications_open_at": local(31)}, {"applications_open_at"}),
        ({"venue": {"city": "Atlantis", "country": "QQ"}}, {"venue.country"}),
        ({"venue": {"city": "Dakar"}}, {"venue.country"}),
        ({"venue": None}, {"venue.city", "venue.country"}),
        ({"timezone": "Africa/Atlantis"}, {"timezone"}),
        ({"timezone": "../../etc/passwd"}, {"timezone"}),
        ({"language": "de"}, {"language"}),
        ({"delivery_mode": "teleportation"}, {"delivery_mode"}),
        ({"trainer_ids": ["not-a-uuid"]}, {"trainer_ids.0"}),
        ({"theme": "astrology"}, {"theme"}),
        ({"theme": "local_leadership"}, {"theme"}),  # a College's sessions take its theme
        ({"audiences": ["hr_director"]}, {"audiences"}),
        ({"audiences": ["mayor"]}, {"audiences.0"}),
        ({"online": True}, {"online"}),  # a residential seminar is in person (hybrid exists)
        ({"title": {"xx": "Titre"}}, {"title.xx"}),
        ({"title": {}}, {"title"}),
        ({"online_url": "not a url"}, {"online_url"}),
        ({"programme_id": "no-such-programme"}, {"programme_id"}),
        ({"module_id": "no-such-module"}, {"module_id"}),
        ({"colour": "red"}, {"colour"}),
        # Several problems are reported together: those of the shape first...
        ({"capacity": 0, "venue": {"city": "Dakar", "country": "ZZ"}}, {"capacity", "venue.country"}),
        # ... then, once the shape is right, those between fields.
        (
            {"ends_at": local(39), "applications_close_at": local(41), "venue": {"city": "Dakar"}},
            {"ends_at", "applications_close_at", "venue.country"},
        ),
    ],
)
async def test_creating_a_session(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    programme: dict[str, Any],
    change: dict[str, Any],
    fields: set[str],
) -> None:
    response = await client.post("/sessions", json={**session_body(programme["id"]), **change}, headers=coordinator)
    assert _fields(response) == fields


async def test_the_valid_body_passes(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    await verified_experts(db, "6f1f3a52-7c55-4e0b-9a43-2f4a1d0c8e11")
    body = session_body(programme["id"], trainer_ids=["6f1f3a52-7c55-4e0b-9a43-2f4a1d0c8e11"])
    created = await client.post("/sessions", json=body, headers=coordinator)
    assert created.status_code == 201, created.text
    run = created.json()
    assert run["starts_at"].startswith(local(40)[:16]) and run["timezone"] == "Africa/Dakar"
    assert run["venue"] == {
        "city": "Dakar",
        "country": "SN",
        "country_name": "Sénégal",
        "address": "Place de l'Indépendance",
    }
    assert run["trainer_ids"] == ["6f1f3a52-7c55-4e0b-9a43-2f4a1d0c8e11"]
    assert run["theme"] == "local_finance" and run["kind"] == "college"
    assert run["audiences"] == ["elected_official", "finance_director"]
    assert run["status"] == "draft" and run["online"] is False


async def test_standalone_events_need_a_title_and_a_kind(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    body = session_body(None)
    assert _fields(await client.post("/sessions", json=body, headers=coordinator)) == {"title", "event_kind"}
    event = await client.post("/sessions", json=event_body(), headers=coordinator)
    assert event.status_code == 201, event.text
    assert event.json()["kind"] == "event" and event.json()["audiences"] == ["elected_official"]
    unknown = await client.post("/sessions", json=event_body(theme="astrology"), headers=coordinator)
    assert _fields(unknown) == {"theme"}


async def test_online_modes(client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any]) -> None:
    webinar = session_body(
        programme["id"],
        delivery_mode="webinar",
        venue=None,
        starts_at=local(10, 10),
        ends_at=local(10, 12),
        applications_close_at=local(5),
    )
    created = await client.post("/sessions", json=webinar, headers=coordinator)
    assert created.status_code == 201 and created.json()["online"] is True and created.json()["venue"] is None
    offline = await client.post("/sessions", json={**webinar, "online": False}, headers=coordinator)
    assert _fields(offline) == {"online"}
    # A residential seminar moved online: `online` follows the new mode.
    run = await create_session(client, coordinator, programme["id"])
    moved = await client.patch(
        f"/sessions/{run['id']}", json={"delivery_mode": "webinar", "venue": None}, headers=coordinator
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["online"] is True and moved.json()["venue"] is None
    hybrid = await client.post(
        "/sessions", json=session_body(programme["id"], delivery_mode="hybrid", venue=None), headers=coordinator
    )
    assert _fields(hybrid) == {"venue.city", "venue.country"}


async def test_changes_are_checked_against_what_is_stored(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any]
) -> None:
    run = await create_session(client, coordinator, programme["id"])
    url = f"/sessions/{run['id']}"
    # Each change alone is well-formed; against the stored dates it is not.
    assert _fields(await client.patch(url, json={"ends_at": local(39)}, headers=coordinator)) == {"ends_at"}
    assert _fields(await client.patch(url, json={"starts_at": local(45)}, headers=coordinator)) == {"ends_at"}
    assert _fields(await client.patch(url, json={"starts_at": local(20)}, headers=coordinator)) == {
        "applications_close_at"
    }
    assert _fields(await client.patch(url, json={"applications_close_at": local(-6)}, headers=coordinator)) == {
        "applications_open_at"
    }
    assert _fields(await client.patch(url, json={"capacity": None}, headers=coordinator)) == {"capacity"}
    assert _fields(
        await client.patch(url, json={"delivery_mode": "study_trip", "online": True}, headers=coordinator)
    ) == {"online"}
    # Nothing was stored by the refused changes.
    stored = (await client.get(url)).json()
    assert stored["starts_at"] == run["starts_at"] and stored["capacity"] == 30
    # Moving both dates together is fine; so is a change of time zone (the instants stay).
    moved = await client.patch(
        url,
        json={"starts_at": local(50), "ends_at": local(52, 17), "applications_close_at": local(45)},
        headers=coordinator,
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["starts_at"].startswith(local(50)[:16])
    rezoned = (await client.patch(url, json={"timezone": "Africa/Lagos"}, headers=coordinator)).json()
    assert rezoned["timezone"] == "Africa/Lagos"
    assert rezoned["starts_at"][:16] == local(50, 10)[:16] and rezoned["starts_at"].endswith("+01:00")


@pytest.mark.parametrize(
    ("change", "fields"),
    [
        ({"theme": None}, {"theme"}),  # a College needs its theme
        ({"theme": "astrology"}, {"theme"}),
        ({"kind": "university"}, {"kind"}),
        ({"audiences": ["mayor"]}, {"audiences.0"}),
        ({"fee_amount": 1500}, {"fee_currency"}),
        ({"fee_amount": 1500, "fee_currency": "XXY"}, {"fee_currency"}),
        ({"fee_amount": -1, "fee_currency": "XOF"}, {"fee_amount"}),
        ({"code": "Not A Code!"}, {"code"}),
        ({"title": {"fr": ""}}, {"title"}),
        ({"summary": {"de": "Zusammenfassung"}}, {"summary.de"}),
        ({"objectives": {"fr": "not a list"}}, {"objectives.fr"}),
    ],
)
async def test_creating_a_programme(
    client: httpx.AsyncClient, coordinator: dict[str, str], change: dict[str, Any], fields: set[str]
) -> None:
    response = await client.post("/programmes", json=programme_body(**change), headers=coordinator)
    assert _fields(response) == fields


async def test_programme_codes_are_unique_and_made_from_the_title(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    first = await create_programme(client, coordinator, publish=False)
    second = await create_programme(client, coordinator, publish=False)
    assert first["code"] == "college-alga-finances-locales" and second["code"] == "college-alga-finances-locales-2"
    taken = await client.post("/programmes", json=programme_body(code=first["code"]), headers=coordinator)
    assert taken.status_code == 409 and taken.json()["errors"][0]["field"] == "code"
    priced = await create_programme(client, coordinator, publish=False, fee_amount=250000, fee_currency="xof")
    assert (priced["fee_amount"], priced["fee_currency"]) == (250000, "XOF")
    changed = await client.patch(f"/programmes/{priced['id']}", json={"fee_currency": None}, headers=coordinator)
    assert _fields(changed) == {"fee_currency"}
