"""The library search: full text over titles, abstracts, keywords and authors in every language
(accents and case ignored, words as prefixes), filters, and facet counts computed by the database.
Exact counts, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.db import Database
from publications.settings import PublicationsSettings

from .conftest import make_record

EXPERT = "5c0f3f0e-8a64-4f55-9a43-2f6b6a1d2b7e"
ORCID = "0000-0002-1825-0097"


@pytest.fixture
async def library(db: Database, settings: PublicationsSettings) -> dict[str, str]:
    """Five published records, a draft and a withdrawn one, each a letter."""
    diallo = {"name": "Aminata Diallo", "expert_id": EXPERT}
    specs: dict[str, dict[str, Any]] = {
        "A": {
            "type": "policy_brief",
            "themes": ["local_finance"],
            "language": "fr",
            "published_on": "2024-05-12",
            "authors": [diallo],
            "title": {"fr": "Économie locale et fiscalité", "en": "Local economy and taxation"},
            "abstract": {"fr": "Les recettes des communes.", "en": "Municipal revenue."},
            "keywords": {"fr": ["cadastre"], "en": ["land register"]},
        },
        "B": {
            "type": "report",
            "themes": ["local_finance", "participatory_budgeting"],
            "language": "fr",
            "published_on": "2023-10-01",
            "authors": [{"name": "Kofi Mensah", "orcid": ORCID}],
            "title": {"fr": "Budget participatif à Dakar", "en": "Participatory budgeting in Dakar"},
            "abstract": {"fr": "Retour d'expérience.", "en": "Lessons learnt."},
            "keywords": {},
        },
        "C": {
            "type": "book",
            "themes": ["spatial_planning"],
            "language": "en",
            "published_on": "2023-03-15",
            "authors": [diallo],
            "title": {"en": "Planning African cities"},
            "abstract": {"en": "Urban economy and land use."},
            "keywords": {},
        },
        "D": {
            "type": "toolkit",
            "themes": ["participatory_budgeting"],
            "language": "fr",
            "published_on": "2022-06-30",
            "authors": [{"name": "UCLG Africa", "organisation": True}],
            "title": {"fr": "Boîte à outils : budget participatif"},
            "abstract": {},
            "keywords": {"en": ["toolkit"]},
        },
        "G": {
            "type": "article",
            "themes": ["migration_diaspora"],
            "language": "pt",
            "published_on": "2021-01-20",
            "authors": [{"name": "Mariam Touré"}],
            "title": {"pt": "Migração e diáspora nas cidades"},
            "abstract": {},
            "keywords": {},
        },
        "draft": {
            "status": "draft",
            "themes": ["local_finance"],
            "title": {"fr": "Économie : brouillon"},
            "authors": [diallo],
        },
        "withdrawn": {
            "status": "withdrawn",
            "themes": ["local_finance"],
            "title": {"fr": "Économie : retirée"},
            "authors": [diallo],
        },
    }
    ids = {}
    for letter, spec in specs.items():
        record = await make_record(db, settings, **spec)
        ids[letter] = record.id
    return ids


async def found(client: httpx.AsyncClient, library: dict[str, str], **params: Any) -> list[str]:
    response = await client.get("/records", params={"limit": 100, **params})
    assert response.status_code == 200, response.text
    by_id = {v: k for k, v in library.items()}
    return sorted(by_id[item["id"]] for item in response.json()["items"])


def counts(body: dict[str, Any], facet: str) -> dict[str, int]:
    return {v["value"]: v["count"] for v in body["facets"][facet]}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("cadastre", ["A"]),  # a French keyword
        ("LAND register", ["A"]),  # an English keyword, both words required
        ("econom", ["A", "C"]),  # a prefix: Économie (title, fr), economy (title en, abstract of C)
        ("ÉCONOMIE", ["A"]),
        ("diallo", ["A", "C"]),  # an author
        ("DIÁLLO aminata", ["A", "C"]),
        ("toure", ["G"]),  # Touré
        ("diaspora", ["G"]),  # diáspora
        ("budg", ["B", "D"]),
        ("participatory budgeting dakar", ["B"]),
        ("municipal revenue", ["A"]),  # the English abstract
        ("boîte à outils", ["D"]),  # "à" is dropped, the rest matched
        ("xyzzy", []),
        ("!!!", []),  # no words at all: nothing, not everything
        ("brouillon", []),  # drafts are never found
        ("retiree", []),  # nor withdrawn records
    ],
)
async def test_full_text(client: httpx.AsyncClient, library: dict[str, str], q: str, expected: list[str]) -> None:
    assert await found(client, library, q=q) == expected


async def test_facets_count_every_published_record(client: httpx.AsyncClient, library: dict[str, str]) -> None:
    body = (await client.get("/records", params={"lang": "en"})).json()
    assert body["total"] == 5
    assert counts(body, "type") == {"policy_brief": 1, "report": 1, "book": 1, "toolkit": 1, "article": 1}
    assert counts(body, "theme") == {
        "local_finance": 2,
        "participatory_budgeting": 2,
        "spatial_planning": 1,
        "migration_diaspora": 1,
    }
    assert counts(body, "language") == {"fr": 3, "en": 1, "pt": 1}
    assert [(v["value"], v["count"]) for v in body["facets"]["year"]] == [
        ("2024", 1),
        ("2023", 2),
        ("2022", 1),
        ("2021", 1),
    ]
    assert counts(body, "author") == {"aminata diallo": 2, "kofi mensah": 1, "uclg africa": 1, "mariam toure": 1}
    labels = {f: {v["value"]: v["label"] for v in body["facets"][f]} for f in body["facets"]}
    assert labels["theme"]["local_finance"] == "Local finance"
    assert labels["type"]["policy_brief"] == "Policy brief"
    assert labels["language"]["pt"] == "Portuguese"
    assert labels["author"]["mariam toure"] == "Mariam Touré"
    french = (await client.get("/records", headers={"Accept-Language": "fr-FR,fr;q=0.9"})).json()
    assert {v["value"]: v["label"] for v in french["facets"]["theme"]}["local_finance"] == "Finances locales"


async def test_a_facet_ignores_its_own_filter(client: httpx.AsyncClient, library: dict[str, str]) -> None:
    body = (await client.get("/records", params={"theme": "local_finance"})).json()
    assert body["total"] == 2
    # The theme facet still offers the other themes, with what choosing them would give.
    assert counts(body, "theme") == {
        "local_finance": 2,
        "participatory_budgeting": 2,
        "spatial_planning": 1,
        "migration_diaspora": 1,
    }
    assert counts(body, "type") == {"policy_brief": 1, "report": 1}
    assert counts(body, "year") == {"2024": 1, "2023": 1}
    assert counts(body, "language") == {"fr": 2}

    narrowed = (
        await client.get("/records", params={"q": "budg", "theme": "participatory_budgeting", "year": 2023})
    ).json()
    assert narrowed["total"] == 1
    assert counts(narrowed, "year") == {"2023": 1, "2022": 1}
    assert counts(narrowed, "theme") == {"local_finance": 1, "participatory_budgeting": 1}
    assert counts(narrowed, "author") == {"kofi mensah": 1}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": ["book", "toolkit"]}, ["C", "D"]),
        ({"language": "PT"}, ["G"]),
        ({"year": [2023, 2021]}, ["B", "C", "G"]),
        ({"author": EXPERT}, ["A", "C"]),  # an expert id
        ({"author": "aminata DIALLO"}, ["A", "C"]),  # a name, any case
        ({"author": ORCID}, ["B"]),  # an ORCID iD
        ({"author": ["Mariam Toure", "uclg africa"]}, ["D", "G"]),
        ({"theme": ["spatial_planning", "migration_diaspora"], "q": "planning"}, ["C"]),
        ({"theme": "local_finance", "type": "book"}, []),
    ],
)
async def test_filters(
    client: httpx.AsyncClient, library: dict[str, str], params: dict[str, Any], expected: list[str]
) -> None:
    assert await found(client, library, **params) == expected


async def test_order_and_pages(client: httpx.AsyncClient, library: dict[str, str]) -> None:
    by_id = {v: k for k, v in library.items()}
    newest = (await client.get("/records", params={"limit": 2})).json()
    assert [by_id[i["id"]] for i in newest["items"]] == ["A", "B"] and newest["total"] == 5
    last = (await client.get("/records", params={"limit": 2, "offset": 4})).json()
    assert [by_id[i["id"]] for i in last["items"]] == ["G"] and last["total"] == 5
    oldest = (await client.get("/records", params={"sort": "oldest", "limit": 5})).json()
    assert [by_id[i["id"]] for i in oldest["items"]] == ["G", "D", "C", "B", "A"]
    ranked = (await client.get("/records", params={"q": "econom", "sort": "relevance"})).json()
    assert {by_id[i["id"]] for i in ranked["items"]} == {"A", "C"} and ranked["total"] == 2
    assert (await client.get("/records", params={"sort": "random"})).status_code == 422
    assert (await client.get("/records", params={"limit": 500})).status_code == 422


async def test_texts_in_the_asked_language(client: httpx.AsyncClient, library: dict[str, str]) -> None:
    english = await client.get(f"/records/{library['A']}", params={"lang": "en"})
    assert english.headers["content-language"] == "en"
    assert english.json()["title"] == "Local economy and taxation"
    assert english.json()["keywords"] == ["land register"]
    assert english.json()["type_label"] == "Policy brief" and english.json()["language_label"] == "French"
    french = (await client.get(f"/records/{library['A']}", headers={"Accept-Language": "en;q=0.5, fr"})).json()
    assert french["title"] == "Économie locale et fiscalité" and french["lang"] == "fr"
    # Only in Portuguese: shown in Portuguese whatever is asked.
    only = (await client.get(f"/records/{library['G']}", params={"lang": "en"})).json()
    assert only["title"] == "Migração e diáspora nas cidades" and only["available_languages"] == ["pt"]
    assert (await client.get("/records", params={"lang": "de"})).status_code == 422


async def test_staff_see_every_variant_and_drafts(
    client: httpx.AsyncClient, library: dict[str, str], coordinator: dict[str, str]
) -> None:
    every = (await client.get(f"/records/{library['A']}", params={"lang": "all"}, headers=coordinator)).json()
    assert every["translations"]["title"] == {"fr": "Économie locale et fiscalité", "en": "Local economy and taxation"}
    # Anonymous callers asking for drafts are refused, never silently given an empty list.
    assert (await client.get("/records", params={"status": "draft"})).status_code == 403
    response = await client.get(
        "/records", params={"status": ["draft", "withdrawn"], "q": "econom"}, headers=coordinator
    )
    assert response.status_code == 200
    assert {i["status"] for i in response.json()["items"]} == {"draft", "withdrawn"}
