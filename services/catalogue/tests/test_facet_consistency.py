"""Facet counts agree with the results they announce, whatever the filters.

A generated catalogue (several hundred sessions, every facet populated, some drafts, some open
for applications, several audiences each), and many filter combinations. For each, every value
of every facet must count exactly the sessions that choosing that value would list (its own
facet's filter replaced by that value, the other filters kept), and the total must be the
number of sessions listed. The counts come from one SQL path and the totals from another, so
they check each other; a plain Python count over all the sessions checks both.
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from catalogue.programme.models import Programme
from catalogue.session.models import CourseSession, SessionAudience
from common.db import Database
from common.testing.facets import expected_facet_counts, filter_combinations, keeps
from common.text import search_document

pytestmark = pytest.mark.usefixtures("themes")

THEMES = ["local_finance", "participatory_budgeting", "local_economic_development", None]
MODES = ["residential_seminar", "webinar", "e_learning", "hybrid"]
COUNTRIES = ["SN", "CI", "KE", None]
AUDIENCES = ["finance_director", "elected_official", "technical_director", "hr_director"]
STATUSES = ["published", "applications_open", "applications_closed", "completed", "cancelled", "draft"]
WORDS = ["budget", "finances", "eau", "water", "gouvernance", "climat"]
FACETS = ("theme", "kind", "event_kind", "mode", "language", "country", "audience", "open")
#: A session has several audiences.
MULTI = {"audience"}


def _generate(rng: random.Random, n: int, programme_id: str) -> list[tuple[CourseSession, list[str], bool]]:
    """(session, its audiences, open for applications now) for n sessions."""
    now = datetime.now(UTC).replace(microsecond=0)
    made = []
    for i in range(n):
        event = rng.random() < 0.2
        country = rng.choice(COUNTRIES)
        status = rng.choice(STATUSES)
        starts = now + timedelta(days=rng.randint(-60, 200))
        # Application windows well away from now, so that "open" cannot change during the test.
        window = rng.choice(["none", "current", "past", "future"])
        opens, closes = {
            "none": (None, None),
            "current": (now - timedelta(days=10), now + timedelta(days=10)),
            "past": (now - timedelta(days=30), now - timedelta(days=10)),
            "future": (now + timedelta(days=10), now + timedelta(days=30)),
        }[window]
        words = rng.sample(WORDS, 2)
        title = {"fr": f"Session {i} {words[0]}", "en": f"Session {i} {words[1]}"}
        run = CourseSession(
            id=str(uuid.UUID(int=rng.getrandbits(128))),
            programme_id=None if event else programme_id,
            kind="event" if event else rng.choice(["college", "executive_master"]),
            event_kind=rng.choice(["conference", "workshop"]) if event else None,
            theme_code=rng.choice(THEMES),
            title=title,
            summary={},
            delivery_mode=rng.choice(MODES),
            language=rng.choice(["fr", "en", "pt"]),
            starts_at=starts,
            ends_at=starts + timedelta(days=rng.randint(1, 5)),
            timezone="UTC",
            venue_city="Ville" if country else None,
            venue_country=country,
            online=country is None,
            capacity=20,
            applications_open_at=opens,
            applications_close_at=closes,
            status=status,
            search_text=search_document(title),
        )
        audiences = sorted(rng.sample(AUDIENCES, rng.randint(0, 3)))
        is_open = status == "applications_open" and window in ("none", "current")
        made.append((run, audiences, is_open))
    return made


@pytest.fixture
async def generated(db: Database) -> list[dict[str, Any]]:
    rng = random.Random(20261129)  # made-up data, the same on every run
    programme_id = str(uuid.uuid4())
    rows = _generate(rng, 240, programme_id)
    async with db.session() as session:
        session.add(
            Programme(
                id=programme_id,
                code="generated",
                kind="college",
                status="published",
                title={"fr": "Programme"},
                summary={},
                search_text="programme",
            )
        )
        await session.flush()
        session.add_all(run for run, _, _ in rows)
        await session.flush()
        for run, audiences, _ in rows:
            for audience in audiences:
                session.add(SessionAudience(session_id=run.id, audience=audience))
        await session.commit()
    return [
        {
            "id": run.id,
            "theme": run.theme_code,
            "kind": run.kind,
            "event_kind": run.event_kind,
            "mode": run.delivery_mode,
            "language": run.language,
            "country": run.venue_country,
            "audience": audiences,
            "open": "true" if is_open else "false",
            "status": run.status,
            "words": run.search_text.split(),
        }
        for run, audiences, is_open in rows
    ]


def _visible(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if row["status"] != "draft"]


def _combinations(rng: random.Random) -> list[dict[str, list[str]]]:
    choices: dict[str, list[Any]] = {
        "q": [[w] for w in WORDS] + [["budget", "session"], ["wat"]],
        "theme": [[t] for t in THEMES if t] + [["local_finance", "participatory_budgeting"]],
        "kind": [["college"], ["event"], ["college", "executive_master"]],
        "mode": [[m] for m in MODES] + [["webinar", "hybrid"]],
        "language": [["fr"], ["en"], ["fr", "pt"]],
        "country": [["SN"], ["CI", "KE"]],
        "audience": [[a] for a in AUDIENCES] + [["finance_director", "hr_director"]],
        "open": [["true"], ["false"]],
    }
    return filter_combinations(rng, choices, mixed=25)


async def _get(client: httpx.AsyncClient, filters: dict[str, list[str]]) -> dict[str, Any]:
    params: list[tuple[str, str]] = [("limit", "1")]
    for name, values in filters.items():
        params += [(name, " ".join(values))] if name == "q" else [(name, v) for v in values]
    response = await client.get("/sessions", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_facet_counts_equal_the_totals_they_lead_to(
    client: httpx.AsyncClient, generated: list[dict[str, Any]]
) -> None:
    rng = random.Random(7)
    checked = 0
    for filters in _combinations(rng):
        body = await _get(client, filters)
        visible = _visible(generated)
        expected_total = sum(keeps(row, filters, multi=MULTI) for row in visible)
        assert body["total"] == expected_total, filters
        got = {name: {v["value"]: v["count"] for v in values} for name, values in body["facets"].items()}
        assert got == expected_facet_counts(visible, filters, FACETS, multi=MULTI), filters
        # Choosing a value lists as many sessions as its count said (the other filters kept).
        for facet, values in got.items():
            for value, count in list(values.items())[:2]:
                chosen = await _get(client, {**filters, facet: [value]})
                assert chosen["total"] == count, (filters, facet, value)
                checked += 1
    assert checked > 200
