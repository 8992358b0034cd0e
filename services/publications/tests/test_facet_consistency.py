"""Search answers agree with themselves and with a plain count, whatever the filters.

A generated library (a hundred and more records: every type, several themes each, four
languages, years with gaps, a few authors, some drafts and withdrawn records) and many filter
combinations, with and without words. For each: the total is the number of matching records, the
page lists the first of them newest first (ties by creation order, newest first), every facet
counts what choosing that value would list (its own filter replaced, the others kept), and a
Python count over the generated records says the same.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from common.db import Database
from common.testing.facets import expected_facet_counts, filter_combinations, keeps
from publications.settings import PublicationsSettings

from .conftest import make_record

TYPES = ["report", "policy_brief", "article", "book", "toolkit"]
THEMES = ["local_finance", "participatory_budgeting", "spatial_planning", "migration_diaspora"]
LANGUAGES = ["fr", "en", "pt", "ar"]
AUTHORS = [f"Auteur{n:02d}" for n in range(1, 9)]
WORDS = ["budget", "eau", "water", "gouvernance", "climat", "dakar"]


@pytest.fixture
async def generated(db: Database, settings: PublicationsSettings) -> list[dict[str, Any]]:
    rng = random.Random(20261129)  # made-up data, the same on every run
    made = []
    for i in range(120):
        words = rng.sample(WORDS, 2)
        published_on = date(2018, 1, 1) + timedelta(days=rng.randrange(0, 6 * 365, 90))
        fields = {
            "type": rng.choice(TYPES),
            "themes": rng.sample(THEMES, rng.randint(1, 3)),
            "language": rng.choice(LANGUAGES),
            "published_on": published_on.isoformat(),
            "authors": [{"name": name} for name in rng.sample(AUTHORS, rng.randint(1, 2))],
            "title": {"fr": f"Document {i} {words[0]}", "en": f"Paper {i} {words[1]}"},
            "abstract": {},
            "keywords": {},
        }
        status = rng.choices(["published", "draft", "withdrawn"], weights=[90, 5, 5])[0]
        record = await make_record(db, settings, status=status, **fields)
        made.append(
            {
                "id": record.id,
                "order": i,
                "status": status,
                "type": fields["type"],
                "theme": fields["themes"],
                "language": fields["language"],
                "year": str(published_on.year),
                "published_on": published_on,
                "author": [a["name"].lower() for a in fields["authors"]],
                # The search document: titles and author names, folded.
                "words": {
                    words[0],
                    words[1],
                    "document",
                    "paper",
                    str(i),
                    *(a["name"].lower() for a in fields["authors"]),
                },
            }
        )
    return made


#: A record has several themes and several authors.
MULTI = {"theme", "author"}
FACETS = ("type", "theme", "language", "year", "author")


def _published(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [row for row in rows if row["status"] == "published"]


def _combinations(rng: random.Random) -> list[dict[str, list[str]]]:
    choices: dict[str, list[list[str]]] = {
        "q": [[w] for w in WORDS] + [["budget", "paper"], ["wat"]],
        "type": [["report"], ["book", "toolkit"]],
        "theme": [["local_finance"], ["spatial_planning", "migration_diaspora"]],
        "language": [["fr"], ["en", "pt"]],
        "year": [["2019"], ["2020", "2022"]],
        "author": [["auteur03"], ["auteur01", "auteur05"]],
    }
    combos = filter_combinations(rng, choices, mixed=30)
    # The combined statement (words, no author filter) with every other filter at once.
    combos.append({"q": ["paper"], "type": ["report", "article"], "theme": ["local_finance"], "language": ["fr"]})
    return combos


async def _get(client: httpx.AsyncClient, filters: dict[str, list[str]], **extra: Any) -> dict[str, Any]:
    params: list[tuple[str, Any]] = [(k, v) for k, v in extra.items()]
    for name, values in filters.items():
        params += [(name, " ".join(values))] if name == "q" else [(name, v) for v in values]
    response = await client.get("/records", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_facet_counts_totals_and_pages_agree(client: httpx.AsyncClient, generated: list[dict[str, Any]]) -> None:
    rng = random.Random(7)
    checked = 0
    for filters in _combinations(rng):
        published = _published(generated)
        matching = [row for row in published if keeps(row, filters, multi=MULTI)]
        newest = sorted(matching, key=lambda row: (row["published_on"], row["order"]), reverse=True)
        body = await _get(client, filters, limit=7, offset=3)
        assert body["total"] == len(matching), filters
        assert [item["id"] for item in body["items"]] == [row["id"] for row in newest[3:10]], filters
        got = {name: {v["value"]: v["count"] for v in values} for name, values in body["facets"].items()}
        assert got == expected_facet_counts(published, filters, FACETS, multi=MULTI), filters
        assert [v["value"] for v in body["facets"]["year"]] == sorted(got["year"], reverse=True)
        for facet in ("type", "theme", "language", "author"):
            listed = [(v["count"], v["value"]) for v in body["facets"][facet]]
            assert listed == sorted(listed, key=lambda item: (-item[0], item[1])), (filters, facet)
        # Choosing a value lists as many records as its count said (the other filters kept).
        for facet, values in got.items():
            for value, count in list(values.items())[:2]:
                chosen = await _get(client, {**filters, facet: [value]}, limit=1)
                assert chosen["total"] == count, (filters, facet, value)
                checked += 1
    assert checked > 150
