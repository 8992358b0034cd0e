"""catalogue's statistics (counted by the database, exact numbers), who may read them, and the
partner institutions of programmes: their ids, the lists filtered by partner, the events."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.testing import TokenFactory

from .conftest import bearer, create_programme, create_session, event_body, local, outbox

pytestmark = pytest.mark.usefixtures("themes")

PARTNER = "0e7c2b1a-5d4f-4c3b-9a8e-7f6d5c4b3a21"
OTHER = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


def _rows(breakdown: dict[str, Any]) -> dict[str | None, int]:
    return {row["key"]: row["count"]["value"] for row in breakdown["rows"]}


async def _catalogue(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict[str, Any]:
    """Programme A (partner P): sessions in Dakar (fr, published), in Dakar (fr, open), online (en),
    in Rabat (cancelled) and a draft; a draft programme B; a standalone round table in Dakar."""
    a = await create_programme(client, coordinator, partner_ids=[PARTNER])
    await create_programme(
        client, coordinator, publish=False, theme="local_leadership", title={"fr": "Collège : Leadership"}
    )
    await create_session(client, coordinator, a["id"])
    await create_session(client, coordinator, a["id"], status="applications_open")
    await create_session(
        client,
        coordinator,
        a["id"],
        delivery_mode="e_learning",
        language="en",
        venue=None,
        starts_at=local(30),
        ends_at=local(35, 17),
        applications_close_at=local(25),
    )
    await create_session(client, coordinator, a["id"], status="cancelled", venue={"city": "Rabat", "country": "MA"})
    await create_session(client, coordinator, a["id"], status="draft")
    await create_session(client, coordinator, None, body=event_body())
    return a


async def test_the_overview_counts_programmes_and_sessions(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    await _catalogue(client, coordinator)
    response = await client.get("/statistics/overview", params={"lang": "en"}, headers=coordinator)
    assert response.status_code == 200, response.text
    body = response.json()
    assert _rows(body["programmes_by_status"]) == {"published": 1, "draft": 1}
    assert _rows(body["sessions_by_status"]) == {"published": 3, "applications_open": 1, "cancelled": 1, "draft": 1}
    upcoming = body["upcoming"]
    assert upcoming["by_mode"]["total"]["value"] == 4
    assert _rows(upcoming["by_mode"]) == {"residential_seminar": 3, "e_learning": 1}
    assert _rows(upcoming["by_country"]) == {"SN": 3, None: 1}
    assert [r["label"] for r in upcoming["by_country"]["rows"]] == ["Senegal", "Online, no venue"]
    assert _rows(upcoming["by_language"]) == {"fr": 3, "en": 1}
    assert _rows(upcoming["by_kind"]) == {"college": 3, "event": 1}

    english = await client.get("/statistics/overview", params={"language": "en", "country": "sn"}, headers=coordinator)
    assert english.json()["filters"] == {"programme": None, "theme": None, "country": "SN", "language": "en"}
    assert english.json()["upcoming"]["by_mode"]["total"]["value"] == 0
    later = await client.get("/statistics/overview", params={"from": local(60)[:10]}, headers=coordinator)
    assert later.json()["upcoming"]["by_mode"]["total"]["value"] == 0
    assert later.json()["sessions_by_status"]["total"]["value"] == 0
    bad = await client.get(
        "/statistics/overview", params={"from": "2026-12-31", "to": "2026-01-01"}, headers=coordinator
    )
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "to"


async def test_a_partner_sees_its_own_programmes_figures(
    client: httpx.AsyncClient, coordinator: dict[str, str], token_factory: TokenFactory
) -> None:
    await _catalogue(client, coordinator)
    focal = bearer(token_factory.user(roles=["learner"], focal_point_of=[PARTNER]))
    assert (await client.get("/statistics/overview", headers=focal)).status_code == 403
    assert (await client.get("/statistics/overview", params={"partner": OTHER}, headers=focal)).status_code == 403
    mine = await client.get("/statistics/overview", params={"partner": PARTNER}, headers=focal)
    assert mine.status_code == 200, mine.text
    assert _rows(mine.json()["programmes_by_status"]) == {"published": 1}
    assert mine.json()["upcoming"]["by_mode"]["total"]["value"] == 3  # not the round table


@pytest.mark.parametrize("who", ["nobody", "learner", "expert", "client without the scope"])
async def test_statistics_are_refused_to_others(
    client: httpx.AsyncClient, token_factory: TokenFactory, who: str
) -> None:
    headers = {
        "nobody": {},
        "learner": bearer(token_factory.user(roles=["learner"])),
        "expert": bearer(token_factory.user(roles=["learner", "expert"])),
        "client without the scope": bearer(token_factory.client(scopes=["catalogue:read"])),
    }[who]
    response = await client.get("/statistics/overview", headers=headers)
    assert response.status_code == (401 if who == "nobody" else 403)


async def test_integrators_with_the_scope_read_statistics(
    client: httpx.AsyncClient, token_factory: TokenFactory
) -> None:
    headers = bearer(token_factory.client(scopes=["statistics:read"]))
    response = await client.get("/statistics/overview", headers=headers)
    assert response.status_code == 200 and response.json()["programmes_by_status"]["total"]["value"] == 0


async def test_programmes_name_partners_by_id_and_lists_follow_them(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Any
) -> None:
    a = await _catalogue(client, coordinator)
    assert a["partner_ids"] == [PARTNER]
    listed = (await client.get("/programmes", params={"partner": PARTNER})).json()
    assert [p["id"] for p in listed["items"]] == [a["id"]]
    sessions = (await client.get("/sessions", params={"partner": PARTNER})).json()
    assert sessions["total"] == 4 and {s["programme_id"] for s in sessions["items"]} == {a["id"]}
    assert (await client.get("/sessions", params={"partner": OTHER})).json()["total"] == 0
    assert (await client.get("/sessions", params={"partner": "UCA"})).status_code == 422
    bad = await client.post("/programmes", json={"kind": "college", "partner_ids": ["UCA"]}, headers=coordinator)
    assert bad.status_code == 422

    # A new partner reaches consumers with the programme and with each public session.
    seen = len(await outbox(db))
    response = await client.patch(
        f"/programmes/{a['id']}", json={"partner_ids": [PARTNER, OTHER.upper()]}, headers=coordinator
    )
    assert response.status_code == 200 and response.json()["partner_ids"] == sorted([PARTNER, OTHER])
    events = (await outbox(db))[seen:]
    assert [t for t, _ in events] == ["catalogue.programme.updated"] + [
        "catalogue.session.updated"
    ] * 4  # not the draft
    assert events[0][1]["partner_ids"] == sorted([PARTNER, OTHER])
    assert all(d["partner_ids"] == sorted([PARTNER, OTHER]) and d["changed"] == ["partner_ids"] for _, d in events[1:])


async def test_the_seeded_programmes_name_their_partner_university_by_id(client: httpx.AsyncClient, db: Any) -> None:
    from catalogue import seed, seed_data

    async with db.session() as session:
        await seed.seed(session, sample_sessions=False)
        await session.commit()
    # identity seeds Université Cadi Ayyad under this same id (identity.seed.seeded_organisation_id).
    assert seed_data.UCA_ID == "bb13c2fe-0cd7-599c-90a1-5292282eda48"
    listed = (await client.get("/programmes", params={"partner": seed_data.UCA_ID, "limit": 50})).json()
    codes = {p["code"] for p in listed["items"]}
    assert len(codes) == listed["total"] == 20 and "executive-master-city-management" in codes
