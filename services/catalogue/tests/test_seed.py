"""The default install: the Executive Master and the 18 Colleges in French and English, example
sessions that are upcoming; running the seed again adds nothing."""

from __future__ import annotations

from datetime import datetime

import httpx
from sqlalchemy import func, select

from catalogue import seed, seed_data
from catalogue.models import CourseSession, Module, Programme, Theme
from common.db import Database

from .conftest import outbox

THEME_CODES = [
    "local_leadership",
    "territorial_coaching",
    "participatory_budgeting",
    "gender_sensitive_budgeting",
    "sustainable_inclusive_cities",
    "informal_settlements",
    "women_local_government",
    "public_private_partnership",
    "local_hr_management",
    "local_communication",
    "local_finance",
    "local_economic_development",
    "international_relations",
    "migration_diaspora",
    "cross_border_cooperation",
    "basic_services_access",
    "spatial_planning",
    "national_associations",
]


async def _counts(db: Database) -> dict[str, int]:
    async with db.session() as session:
        return {
            model.__tablename__: (await session.execute(select(func.count()).select_from(model))).scalar_one()
            for model in (Theme, Programme, Module, CourseSession)
        }


async def test_seed_is_idempotent(db: Database) -> None:
    async with db.session() as session:
        first = await seed.seed(session)
        await session.commit()
    counts = await _counts(db)
    events = len(await outbox(db))
    async with db.session() as session:
        second = await seed.seed(session)
        await session.commit()
    assert (first.themes, first.programmes, first.sessions) == (18, 20, len(seed_data.SAMPLE_SESSIONS))
    assert (second.themes, second.programmes, second.sessions) == (0, 0, 0)
    assert (
        await _counts(db)
        == counts
        == {
            "theme": 18,
            "programme": 20,
            "module": 4,
            "session": len(seed_data.SAMPLE_SESSIONS),
        }
    )
    assert len(await outbox(db)) == events  # nothing published twice either


async def test_the_master_and_the_18_colleges_in_french_and_english(client: httpx.AsyncClient, db: Database) -> None:
    async with db.session() as session:
        await seed.seed(session, sample_sessions=False)
        await session.commit()

    themes = (await client.get("/themes", params={"lang": "en"})).json()
    assert [t["code"] for t in themes["items"]] == THEME_CODES and themes["total"] == 18
    assert themes["items"][4]["title"] == "Transition to sustainable and inclusive cities and territories"
    assert all(t["programme_count"] == 1 and t["available_languages"] == ["en", "fr"] for t in themes["items"])

    french = (await client.get("/programmes", params={"limit": 50})).json()
    assert french["total"] == 20
    assert {f["value"]: f["count"] for f in french["facets"]["kind"]} == {
        "college": 18,
        "executive_master": 1,
        "event_series": 1,
    }
    master = french["items"][0]
    assert master["title"] == "Master exécutif en management des villes"
    assert master["kind"] == "executive_master" and master["partner_institutions"] == ["Université Cadi Ayyad"]
    assert set(master["audiences"]) == {
        "secretary_general",
        "director_of_services",
        "finance_director",
        "technical_director",
        "cooperation_director",
        "hr_director",
    }
    colleges = [p for p in french["items"] if p["kind"] == "college"]
    assert [c["theme"] for c in colleges] == THEME_CODES  # in the seed document's order
    assert colleges[0]["title"] == "Collège ALGA : Leadership local"
    assert all(c["available_languages"] == ["en", "fr"] and c["summary"] for c in colleges)

    english = (await client.get(f"/programmes/{seed_data.MASTER_CODE}", params={"lang": "en"})).json()
    assert english["title"] == "Executive Master in City Management"
    assert [(m["position"], m["title"], m["delivery_mode"]) for m in english["modules"]] == [
        (1, "Residential seminars", "residential_seminar"),
        (2, "E-learning courses", "e_learning"),
        (3, "Study trips", "study_trip"),
        (4, "Practical internships", "internship"),
    ]
    assert english["total_hours"] == sum(m["hours"] for m in english["modules"])
    college = (await client.get("/programmes/college-local-finance", params={"lang": "en"})).json()
    assert college["title"] == "ALGA College: Local finance" and college["theme_title"] == "Local finance"


async def test_sample_sessions_are_upcoming_and_varied(client: httpx.AsyncClient, db: Database) -> None:
    async with db.session() as session:
        await seed.seed(session)
        await session.commit()
    listed = (await client.get("/sessions", params={"limit": 100})).json()
    items = listed["items"]
    assert listed["total"] == len(seed_data.SAMPLE_SESSIONS) == len(items)
    now = datetime.now().astimezone()
    assert all(datetime.fromisoformat(s["starts_at"]) > now for s in items)
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in listed["facets"].items()}
    assert set(facets["mode"]) == {"residential_seminar", "e_learning", "study_trip", "internship", "webinar", "hybrid"}
    assert set(facets["language"]) == {"fr", "en"}
    assert len(facets["country"]) >= 10
    assert set(facets["event_kind"]) == {
        "conference",
        "seminar",
        "round_table",
        "workshop",
        "international_expert_seminar",
    }
    assert facets["kind"]["executive_master"] == 6 and facets["kind"]["college"] == 18
    assert facets["open"]["true"] >= 10
    # Every published session and programme told the other services about itself.
    published = [data["session_id"] for kind, data in await outbox(db) if kind == "catalogue.session.published"]
    assert sorted(published) == sorted(s["id"] for s in items)
