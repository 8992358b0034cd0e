"""What the search reads follows the records: the author keys of the search row (the author facet),
and on PostgreSQL the vectors kept for ranking and the text index the match must go through."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import text

from common.db import Database
from common.testing.fixtures import POSTGRES_ONLY

from .conftest import create_record


def authors_of(body: dict[str, Any]) -> dict[str, int]:
    return {v["value"]: v["count"] for v in body["facets"]["author"]}


async def test_the_author_facet_follows_the_authors(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(
        client, coordinator, authors=[{"name": "Kofi Mensah"}, {"name": "Aminata Diallo"}], title={"fr": "Zanzibar"}
    )
    other = await create_record(client, coordinator, authors=[{"name": "Aminata Diallo"}], title={"fr": "Zanzibar"})
    body = (await client.get("/records", params={"q": "zanzibar"})).json()
    assert authors_of(body) == {"aminata diallo": 2, "kofi mensah": 1}
    assert {v["value"]: v["label"] for v in body["facets"]["author"]}["aminata diallo"] == "Aminata Diallo"

    changed = await client.patch(
        f"/records/{record['id']}", json={"authors": [{"name": "Mariam Touré"}]}, headers=coordinator
    )
    assert changed.status_code == 200, changed.text
    body = (await client.get("/records", params={"q": "zanzibar"})).json()
    assert authors_of(body) == {"aminata diallo": 1, "mariam toure": 1}
    narrowed = (await client.get("/records", params={"q": "zanzibar", "author": "Mariam Toure"})).json()
    assert [item["id"] for item in narrowed["items"]] == [record["id"]]
    assert authors_of(narrowed) == {"aminata diallo": 1, "mariam toure": 1}  # its own filter left out
    listing = (await client.get("/records")).json()  # no words: every published record
    assert authors_of(listing) == {"aminata diallo": 1, "mariam toure": 1}
    assert other["id"] in {item["id"] for item in listing["items"]}


async def test_an_author_spelt_several_ways_has_one_label(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    """The label is the first (in the database's order) of the names the author has in the records
    the caller may list: a draft's spelling stays with staff."""
    await create_record(client, coordinator, authors=[{"name": "Mariam Touré"}], title={"fr": "Zanzibar"})
    await create_record(client, coordinator, authors=[{"name": "Mariam Toure"}], title={"fr": "Tombouctou"})
    await create_record(
        client, coordinator, publish=False, authors=[{"name": "MARIAM TOURE"}], title={"fr": "Zanzibar"}
    )
    body = (await client.get("/records", params={"q": "zanzibar"})).json()
    assert [(v["value"], v["count"], v["label"]) for v in body["facets"]["author"]] == [
        ("mariam toure", 1, "Mariam Toure")
    ]
    staff = (
        await client.get("/records", params={"q": "zanzibar", "status": ["published", "draft"]}, headers=coordinator)
    ).json()
    assert [(v["value"], v["count"]) for v in staff["facets"]["author"]] == [("mariam toure", 2)]
    assert staff["facets"]["author"][0]["label"] in {"MARIAM TOURE", "Mariam Toure"}  # the collation's choice


async def _sql(db: Database, statement: str, **params: Any) -> list[tuple[Any, ...]]:
    async with db.session() as session:
        return [tuple(row) for row in (await session.execute(text(statement), params)).all()]


# record_search_vector is PostgreSQL's (SQLite ranks with FTS5's bm25).
@pytest.mark.parametrize("db_backend", POSTGRES_ONLY, indirect=True)
async def test_postgres_ranking_vectors_follow_the_text(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    draft = await create_record(client, coordinator, publish=False, title={"fr": "Tombouctou"})
    [(key,)] = await _sql(db, "SELECT key FROM record WHERE id = :id", id=draft["id"])
    [(vector,)] = await _sql(db, "SELECT search_vector::text FROM record_search_vector WHERE key = :key", key=key)
    assert "'tombouctou'" in vector

    changed = await client.patch(f"/records/{draft['id']}", json={"title": {"fr": "Zinder"}}, headers=coordinator)
    assert changed.status_code == 200, changed.text
    [(vector,)] = await _sql(db, "SELECT search_vector::text FROM record_search_vector WHERE key = :key", key=key)
    assert "'zinder'" in vector and "'tombouctou'" not in vector
    ranked = (
        await client.get("/records", params={"q": "zind", "sort": "relevance", "status": "draft"}, headers=coordinator)
    ).json()
    assert [item["id"] for item in ranked["items"]] == [draft["id"]]

    deleted = await client.delete(f"/records/{draft['id']}", headers=coordinator)
    assert deleted.status_code == 204, deleted.text
    assert await _sql(db, "SELECT key FROM record_search_vector WHERE key = :key", key=key) == []


# SQLite matches through FTS5 (tests of the search cover it).
@pytest.mark.parametrize("db_backend", POSTGRES_ONLY, indirect=True)
@pytest.mark.parametrize("q", ["budget local", "document"])
async def test_postgres_matches_through_the_text_index(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database, q: str
) -> None:
    """The condition spells the GIN index's expression exactly, and the search's settings keep the
    planner on the index even for a word every record holds ("document" below): otherwise
    PostgreSQL computes a vector for every row of the library (1.8 s for 100,000 records) and no
    other test would notice."""
    from sqlalchemy import select
    from sqlmodel import col

    from publications.record.models import RecordSearch
    from publications.search import fulltext
    from publications.search.repository import postgres_settings

    for n in range(12):
        await create_record(client, coordinator, title={"fr": f"Document {n}"})
    async with db.session() as session:
        await session.execute(text("ANALYZE record_search"))
        await session.commit()
    condition = fulltext.matches("postgresql", col(RecordSearch.key), q)
    assert condition is not None
    query = select(col(RecordSearch.key)).where(condition)
    async with db.session() as session:
        await session.execute(postgres_settings(words=True))
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = "\n".join(row[0] for row in (await session.execute(text(f"EXPLAIN {compiled}"))).all())
    assert "ix_record_search_text" in plan, plan
    assert "Seq Scan" not in plan, plan
