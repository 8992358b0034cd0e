"""enrollment's statistics and donor report: exact figures for coordinators, counted by the
database from data built here; small counts suppressed for everyone else and in every report;
partners' figures from the session copy's partners; who may read them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from common.db import Database
from common.testing import TokenFactory
from enrollment.application.models import Application
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession, SessionPartner

from .conftest import Person, bearer, catalogue_event, publish_session, session_consumer, session_data

PARTNER = "0e7c2b1a-5d4f-4c3b-9a8e-7f6d5c4b3a21"
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}
PA, PB = str(uuid.uuid4()), str(uuid.uuid4())


def at(month: int, day: int = 10, year: int = 2026) -> str:
    return datetime(year, month, day, 9, tzinfo=UTC).isoformat()


def _rows(figures: dict[str, Any]) -> dict[str | None, str]:
    return {row["key"]: row["count"]["display"] for row in figures["rows"]}


async def _academy(db: Database) -> dict[str, str]:
    """Sessions: S1 (programme A, partner P: Dakar, March 2026, completed), S2 (programme B: online,
    April 2026, ended), S3 (B: Rabat, May 2026, cancelled), S4 (B: Rabat, in 40 days, 10 seats,
    3 taken, 2 waiting), S5 (A: Dakar, in 60 days, 20 seats).

    Completed in 2026: S1 six (SN; women 4, men 2; "Directrice financière" 3, "Maire" 3), S2 two
    (one of S1's women again, "directrice financière "; a man from CI, "Maire"); in 2025: one more."""
    now = datetime.now(UTC)
    common: dict[str, Any] = {"programme_code": "COL-FIN", "capacity": 30}
    sessions = {
        "S1": dict(
            programme_id=PA,
            programme_title={"fr": "Collège A", "en": "College A"},
            partner_ids=[PARTNER],
            status="completed",
            starts_at=at(3, 1),
            ends_at=at(3, 5),
        ),
        "S2": dict(
            programme_id=PB,
            programme_title={"fr": "Collège B", "en": "College B"},
            delivery_mode="e_learning",
            language="en",
            venue={"city": None, "country": None, "address": None, "online": True},
            status="applications_closed",
            starts_at=at(4, 1),
            ends_at=at(4, 30),
        ),
        "S3": dict(
            programme_id=PB,
            programme_title={"fr": "Collège B", "en": "College B"},
            delivery_mode="study_trip",
            venue={"city": "Rabat", "country": "MA"},
            status="cancelled",
            starts_at=at(5, 1),
            ends_at=at(5, 5),
        ),
        "S4": dict(
            programme_id=PB,
            programme_title={"fr": "Collège B", "en": "College B"},
            venue={"city": "Rabat", "country": "MA"},
            capacity=10,
            starts_at=(now + timedelta(days=40)).isoformat(),
            ends_at=(now + timedelta(days=44)).isoformat(),
        ),
        "S5": dict(
            programme_id=PA,
            programme_title={"fr": "Collège A", "en": "College A"},
            partner_ids=[PARTNER],
            status="published",
            capacity=20,
            starts_at=(now + timedelta(days=60)).isoformat(),
            ends_at=(now + timedelta(days=64)).isoformat(),
        ),
    }
    ids = {}
    for name, overrides in sessions.items():
        ids[name] = (await publish_session(db, **{**common, **overrides}))["session_id"]

    people: list[tuple[str, str, str]] = [
        *[("SN", "female", "Directrice financière")] * 3,
        ("SN", "female", "Maire"),
        *[("SN", "male", "Maire")] * 2,
        ("CI", "male", "Maire"),
        ("SN", "female", "Maire"),
    ]
    learners = []
    async with db.session() as session:
        for country, gender, position in people:
            learner = Learner(user_id=str(uuid.uuid4()), country=country, gender=gender, position=position)
            session.add(learner)
            learners.append(learner.user_id)

        def application(learner: str, session_id: str, status: str, **values: Any) -> None:
            session.add(
                Application(
                    session_id=session_id,
                    learner_id=learner,
                    status=status,
                    motivation="m",
                    created_at=datetime.fromisoformat(values.pop("created", at(2))),
                    **values,
                )
            )

        for learner in learners[:6]:
            application(learner, ids["S1"], "completed", completed_at=datetime.fromisoformat(at(3, 6)))
        # One of S1's women again, the position typed otherwise; and the man from CI.
        application(
            learners[0],
            ids["S2"],
            "completed",
            position=" directrice financière ",
            completed_at=datetime.fromisoformat(at(5)),
        )
        application(learners[6], ids["S2"], "completed", completed_at=datetime.fromisoformat(at(5)))
        application(
            learners[7],
            ids["S1"],
            "completed",
            created=at(11, year=2025),
            completed_at=datetime.fromisoformat(at(12, year=2025)),
        )
        for status in ("confirmed", "confirmed", "accepted", "waitlisted", "waitlisted", "submitted", "under_review"):
            application(str(uuid.uuid4()), ids["S4"], status, country="MA")
        application(str(uuid.uuid4()), ids["S5"], "endorsed", country="SN")
        application(str(uuid.uuid4()), ids["S4"], "rejected", country="MA")
        run = await session.get(CourseSession, ids["S4"])
        assert run is not None
        run.seats_taken = 3
        await session.commit()
    return ids


async def test_coordinators_get_exact_figures(client: httpx.AsyncClient, db: Database, coordinator: Person) -> None:
    ids = await _academy(db)
    response = await client.get("/statistics/overview", params={**YEAR, "lang": "en"}, headers=coordinator.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["applications_by_status"]["total"]["value"] == 17
    assert _rows(body["applications_by_status"]) == {
        "completed": "8",
        "confirmed": "2",
        "waitlisted": "2",
        "accepted": "1",
        "endorsed": "1",
        "rejected": "1",
        "submitted": "1",
        "under_review": "1",
    }
    assert {k: v["value"] for k, v in body["queue"].items()} == {
        "to_review": 3,
        "awaiting_confirmation": 1,
        "waitlisted": 2,
    }

    trained = body["learners_trained"]
    assert trained["people"]["value"] == 7
    assert _rows(trained["by_country"]) == {"SN": "7", "CI": "1"}
    assert [r["label"] for r in trained["by_country"]["rows"]] == ["Senegal", "Côte d'Ivoire"]
    assert _rows(trained["by_gender"]) == {"female": "5", "male": "3"}
    assert _rows(trained["by_position"]) == {"directrice financière": "4", "maire": "4"}
    assert _rows(trained["by_programme"]) == {PA: "6", PB: "2"}
    assert [r["label"] for r in trained["by_programme"]["rows"]] == ["College A", "College B"]
    # The trend lines: by month, earliest first (the 2025 completion is outside the period).
    assert [(r["key"], r["count"]["value"]) for r in trained["by_month"]["rows"]] == [("2026-03", 6), ("2026-05", 2)]
    assert [(r["key"], r["count"]["value"]) for r in body["applications_by_month"]["rows"]] == [("2026-02", 17)]

    held = body["sessions_held"]
    assert _rows(held["by_mode"]) == {"residential_seminar": "1", "e_learning": "1"}
    assert _rows(held["by_country"]) == {"SN": "1", None: "1"}

    # Upcoming sessions are after 2026: none in the period; all of them without one.
    assert body["upcoming"]["sessions"] == []
    upcoming = (await client.get("/statistics/overview", headers=coordinator.headers)).json()["upcoming"]
    assert [s["session_id"] for s in upcoming["sessions"]] == [ids["S4"], ids["S5"]]
    first = upcoming["sessions"][0]
    assert (first["capacity"], first["seats_taken"]["value"], first["waitlisted"]["value"], first["fill_rate"]) == (
        10,
        3,
        2,
        0.3,
    )
    assert upcoming["sessions"][1]["seats_taken"]["value"] == 0
    assert (upcoming["capacity"], upcoming["seats_taken"]["total"]["value"], upcoming["fill_rate"]) == (30, 3, 0.1)


async def test_filters_narrow_every_figure(client: httpx.AsyncClient, db: Database, coordinator: Person) -> None:
    await _academy(db)

    async def get(**params: str) -> dict[str, Any]:
        response = await client.get("/statistics/overview", params={**YEAR, **params}, headers=coordinator.headers)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    ci = await get(country="ci")
    assert ci["filters"]["country"] == "CI" and ci["learners_trained"]["people"]["value"] == 1
    assert ci["sessions_held"]["by_mode"]["total"]["value"] == 0  # no session took place in CI
    programme_b = await get(programme=PB)
    assert _rows(programme_b["learners_trained"]["by_country"]) == {"SN": "1", "CI": "1"}
    english = await get(language="en")
    assert _rows(english["sessions_held"]["by_mode"]) == {"e_learning": "1"}
    earlier = await get(**{"from": "2025-01-01", "to": "2025-12-31"})
    assert earlier["learners_trained"]["people"]["value"] == 1
    partner = await get(partner=PARTNER)
    assert partner["learners_trained"]["by_country"]["total"]["value"] == 6
    assert _rows(partner["sessions_held"]["by_country"]) == {"SN": "1"}


async def test_the_donor_report_suppresses_small_counts_beyond_subtraction(
    client: httpx.AsyncClient, db: Database, coordinator: Person
) -> None:
    await _academy(db)
    response = await client.get("/statistics/report", params={**YEAR, "lang": "en"}, headers=coordinator.headers)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["service"] == "enrollment" and report["threshold"] == 5
    assert report["period"] == {"start": "2026-01-01", "end": "2026-12-31"}
    sections = {s["id"]: s for s in report["sections"]}
    trained = sections["people_trained"]
    assert trained["unit"] == "people" and trained["total"]["display"] == "8"
    dims = {d["dimension"]: d for d in trained["breakdowns"]}
    # CI (1) alone would be 8 - 7: Senegal is suppressed with it, so neither can be worked out.
    assert _rows(dims["country"]) == {"SN": "≥ 5", "CI": "< 5"}
    assert _rows(dims["gender"]) == {"female": "≥ 5", "male": "< 5"}
    # Positions are free text: those held by fewer than 5 are pooled, so no rare title is printed.
    assert _rows(dims["position"]) == {"other": "8"}
    assert [r["label"] for r in dims["position"]["rows"]] == ["Other positions"]
    assert _rows(dims["programme"]) == {PA: "≥ 5", PB: "< 5"}
    assert all(r["count"]["value"] is None for name, d in dims.items() if name != "position" for r in d["rows"])
    assert sections["people"]["total"]["display"] == "7"
    held = sections["sessions_held"]
    assert held["unit"] == "sessions" and {d["dimension"]: _rows(d) for d in held["breakdowns"]} == {
        "mode": {"residential_seminar": "1", "e_learning": "1"},
        "country": {"SN": "1", None: "1"},
    }
    assert "name" not in response.text and "learner_id" not in response.text


async def test_a_focal_point_reads_its_partners_figures_only(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory
) -> None:
    await _academy(db)
    focal = Person(token_factory, focal_point_of=[PARTNER])
    for path in ("/statistics/overview", "/statistics/report"):
        assert (await client.get(path, headers=focal.headers)).status_code == 403
        other = {"partner": str(uuid.uuid4())}
        assert (await client.get(path, params=other, headers=focal.headers)).status_code == 403
    response = await client.get("/statistics/overview", params={**YEAR, "partner": PARTNER}, headers=focal.headers)
    assert response.status_code == 200, response.text
    trained = response.json()["learners_trained"]
    # Six people, women 4 and men 2: both small, and together they leave each several values.
    assert trained["by_gender"]["total"]["display"] == "6"
    assert _rows(trained["by_gender"]) == {"female": "< 5", "male": "< 5"}
    assert _rows(trained["by_country"]) == {"SN": "6"}
    assert response.json()["queue"] is None
    report = await client.get("/statistics/report", params={**YEAR, "partner": PARTNER}, headers=focal.headers)
    assert report.status_code == 200 and report.json()["partner"] == PARTNER


async def test_integrators_see_suppressed_fill_rates(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory
) -> None:
    await _academy(db)
    headers = bearer(token_factory.client(scopes=["statistics:read"]))
    upcoming = (await client.get("/statistics/overview", headers=headers)).json()["upcoming"]
    # Three seats taken in all: the total is small, so no session's count is given, zeros included.
    assert upcoming["seats_taken"]["withheld"] is True
    assert [s["seats_taken"]["display"] for s in upcoming["sessions"]] == ["*", "*"]
    assert [s["fill_rate"] for s in upcoming["sessions"]] == [None, None]
    assert upcoming["fill_rate"] is None and upcoming["capacity"] == 30


@pytest.mark.parametrize("path", ["/statistics/overview", "/statistics/report"])
async def test_learners_and_anonymous_callers_are_refused(
    client: httpx.AsyncClient, token_factory: TokenFactory, path: str
) -> None:
    assert (await client.get(path)).status_code == 401
    learner = Person(token_factory)
    refused = await client.get(path, headers=learner.headers)
    assert refused.status_code == 403 and refused.headers["content-type"] == "application/problem+json"
    expert = Person(token_factory, ("learner", "expert"))
    assert (await client.get(path, headers=expert.headers)).status_code == 403
    assert (await client.get(path, headers=bearer(token_factory.client(scopes=["enrollment:read"])))).status_code == 403


async def test_the_session_copy_keeps_its_programmes_partners(db: Database) -> None:
    consumer = session_consumer(db)
    data = session_data(partner_ids=[PARTNER], revision=1)
    await consumer.apply(catalogue_event(data))

    async def partners() -> list[str]:
        async with db.session() as session:
            rows = await session.execute(
                select(SessionPartner.organisation_id).where(SessionPartner.session_id == data["session_id"])
            )
            return sorted(rows.scalars())

    assert await partners() == [PARTNER]
    # An event that does not speak of partners (an older catalogue) leaves them alone.
    await consumer.apply(catalogue_event({k: v for k, v in data.items() if k != "partner_ids"} | {"revision": 2}))
    assert await partners() == [PARTNER]
    await consumer.apply(catalogue_event({**data, "partner_ids": [], "revision": 3}, "updated"))
    assert await partners() == []
