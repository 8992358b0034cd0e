"""experts' statistics and donor report: profiles by status, experts mobilised in sessions (from
the engagement history), exact for coordinators, suppressed otherwise; who may read them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from common.db import Database
from common.events import EventConsumer
from common.testing import TokenFactory
from experts.engagement.consumer import engagement_consumer
from experts.engagement.models import SessionPartner

from .conftest import User, apply, bearer, create_expert, session_event

PARTNER = "0e7c2b1a-5d4f-4c3b-9a8e-7f6d5c4b3a21"
YEAR = {"from": "2027-01-01", "to": "2027-12-31"}


def _rows(figures: dict[str, Any]) -> dict[str | None, str]:
    return {row["key"]: row["count"]["display"] for row in figures["rows"]}


@pytest.fixture
def consumer(db: Database) -> EventConsumer:
    return engagement_consumer(db, "nats://127.0.0.1:1")


async def _community(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, token_factory: TokenFactory
) -> None:
    """Seven verified experts (SN 5, MA 1, CM 1), two applications waiting. In 2027: X1 (programme
    A, partner P, local finance, fr) with E1, E2, E3; X2 (an event of programme B, leadership, en)
    with E1, E4, E5, E6; X3 cancelled and X4 in 2026, both with E7."""
    countries = ["SN", "SN", "MA", "CM", "SN", "SN", "SN"]
    experts = [
        (await create_expert(client, coordinator, full_name=f"Expert {i}", country=c, email=f"e{i}@example.org"))["id"]
        for i, c in enumerate(countries, 1)
    ]
    for i in range(2):
        await apply(client, User(token_factory), full_name=f"Candidate {i}", email=f"c{i}@example.org", orcid=None)
    e1, e2, e3, e4, e5, e6, e7 = experts
    events = [
        session_event("x1", [e1, e2, e3], programme_id="prog-a", partner_ids=[PARTNER]),
        session_event(
            "x2",
            [e1, e4, e5, e6],
            programme_id="prog-b",
            kind="event",
            theme="local_leadership",
            language="en",
            starts_at="2027-03-01T09:00:00+00:00",
            ends_at="2027-03-01T17:00:00+00:00",
        ),
        session_event("x3", [e7], verb="cancelled"),
        session_event("x4", [e7], starts_at="2026-05-01T09:00:00+00:00", ends_at="2026-05-03T17:00:00+00:00"),
    ]
    for event in events:
        assert await consumer.apply(event) is True


async def test_coordinators_get_exact_figures(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, token_factory: TokenFactory
) -> None:
    await _community(client, coordinator, consumer, token_factory)
    response = await client.get("/statistics/overview", params={**YEAR, "lang": "en"}, headers=coordinator)
    assert response.status_code == 200, response.text
    body = response.json()
    assert _rows(body["experts_by_status"]) == {"verified": "7", "pending": "2"}
    assert body["to_vet"]["value"] == 2
    mobilised = body["mobilised"]
    assert mobilised["experts_by_country"]["total"]["value"] == 6
    assert _rows(mobilised["experts_by_country"]) == {"SN": "4", "CM": "1", "MA": "1"}
    assert _rows(mobilised["engagements_by_theme"]) == {"local_leadership": "4", "local_finance": "3"}
    assert [r["label"] for r in mobilised["engagements_by_theme"]["rows"]] == ["Local leadership", "Local finance"]
    assert _rows(mobilised["engagements_by_role"]) == {"speaker": "4", "trainer": "3"}

    async def total(**params: str) -> int:
        figures = (await client.get("/statistics/overview", params={**YEAR, **params}, headers=coordinator)).json()
        return int(figures["mobilised"]["engagements_by_role"]["total"]["value"])

    assert await total(country="sn") == 5  # E1 twice, E2, E5, E6
    assert await total(programme="prog-b") == 4
    assert await total(language="en") == 4
    assert await total(theme="local_finance") == 3
    assert await total(partner=PARTNER) == 3
    assert await total(**{"from": "2026-01-01", "to": "2026-12-31"}) == 1


async def test_the_donor_report_is_suppressed(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, token_factory: TokenFactory
) -> None:
    await _community(client, coordinator, consumer, token_factory)
    response = await client.get("/statistics/report", params={**YEAR, "lang": "fr"}, headers=coordinator)
    assert response.status_code == 200, response.text
    sections = {s["id"]: s for s in response.json()["sections"]}
    experts = sections["experts_mobilised"]
    assert experts["unit"] == "experts" and experts["title"] == "Experts mobilisés"
    assert experts["total"]["display"] == "6"
    (country,) = experts["breakdowns"]
    # 4, 1 and 1 out of 6: all small, and together they leave each several values.
    assert _rows(country) == {"SN": "< 5", "CM": "< 5", "MA": "< 5"}
    themes, roles = sections["mobilisations"]["breakdowns"]
    assert (themes["dimension"], roles["dimension"]) == ("theme", "role")
    assert _rows(themes) == {"local_leadership": "< 5", "local_finance": "< 5"}
    assert "Expert 1" not in response.text


async def test_a_focal_point_sees_the_experts_of_its_sessions(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, token_factory: TokenFactory
) -> None:
    await _community(client, coordinator, consumer, token_factory)
    focal = bearer(token_factory.user(roles=["learner"], focal_point_of=[PARTNER]))
    assert (await client.get("/statistics/overview", headers=focal)).status_code == 403
    response = await client.get("/statistics/overview", params={**YEAR, "partner": PARTNER}, headers=focal)
    assert response.status_code == 200, response.text
    body = response.json()
    # Not the registry: only the three experts of the partner's session, too few to break down.
    assert body["experts_by_status"]["total"]["value"] == 0 and body["to_vet"] is None
    experts = body["mobilised"]["experts_by_country"]
    assert experts["withheld"] is True and experts["rows"] == [] and experts["total"]["display"] == "< 5"


@pytest.mark.parametrize("path", ["/statistics/overview", "/statistics/report"])
async def test_learners_and_anonymous_callers_are_refused(
    client: httpx.AsyncClient, token_factory: TokenFactory, path: str
) -> None:
    assert (await client.get(path)).status_code == 401
    assert (await client.get(path, headers=bearer(token_factory.user(roles=["learner"])))).status_code == 403
    assert (await client.get(path, headers=bearer(token_factory.user(roles=["expert"])))).status_code == 403
    integrator = bearer(token_factory.client(scopes=["statistics:read"]))
    assert (await client.get(path, headers=integrator)).status_code == 200


async def test_session_partners_follow_catalogue_and_ignore_stale_events(db: Database, consumer: EventConsumer) -> None:
    async def partners() -> list[str]:
        async with db.session() as session:
            rows = await session.execute(
                select(SessionPartner.organisation_id).where(SessionPartner.session_id == "x9")
            )
            return sorted(rows.scalars())

    await consumer.apply(session_event("x9", [], partner_ids=[PARTNER], revision=3))
    assert await partners() == [PARTNER]
    await consumer.apply(session_event("x9", [], verb="updated", partner_ids=[], revision=4))
    assert await partners() == []
