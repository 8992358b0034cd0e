"""The public directory: full-text search (accents and case ignored, every word a prefix) and
facet counts, exact, on a directory built for the purpose (run on SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import act, apply, create_expert

# Five listed experts (E1…E5) and three that must never count: no consent, pending, archived.
LISTED: dict[str, dict[str, Any]] = {
    "E1": {
        "full_name": "Aïssatou Diallo", "title": "Dr", "country": "SN", "work_countries": ["ML", "GN"],
        "position": "Conseillère en décentralisation", "organisation": "Agence de développement municipal",
        "languages": [{"tag": "fr-SN", "level": "native"}, {"tag": "en", "level": "professional"}],
        "themes": ["local_finance", "participatory_budgeting"], "keywords": ["fiscalité locale", "budget participatif"],
        "bio": {"fr": "Spécialiste des finances locales.", "en": "Local finance specialist."},
        "availability": "available",
    },
    "E2": {
        "full_name": "Youssef Benjelloun", "title": None, "country": "MA", "work_countries": ["TN"],
        "position": "Urbaniste", "organisation": "Agence urbaine",
        "languages": [{"tag": "ar"}, {"tag": "fr"}], "themes": ["spatial_planning", "informal_settlements"],
        "keywords": ["cadastre"], "bio": {"fr": "Planification urbaine et décentralisation."},
        "availability": "limited",
    },
    "E3": {
        "full_name": "Grace Achieng", "title": None, "country": "KE", "work_countries": ["UG", "TZ"],
        "position": "Gender specialist", "organisation": "Nairobi Budget Lab",
        "languages": [{"tag": "en"}, {"tag": "sw"}], "themes": ["gender_sensitive_budgeting", "local_finance"],
        "keywords": [], "bio": {"en": "Gender budgeting in county governments."}, "availability": "available",
    },
    "E4": {
        "full_name": "Jean Mbida", "title": "Pr", "country": "CM", "work_countries": [],
        "position": "Professeur", "organisation": "Université de Yaoundé",
        "languages": [{"tag": "fr"}, {"tag": "en-CM"}], "themes": ["local_hr_management"], "keywords": [],
        "bio": {"fr": "Décentralisation et fonction publique territoriale.",
                "en": "Decentralisation and the local civil service."},
        "availability": "unavailable",
    },
    "E5": {
        "full_name": "Mariama Bah", "title": None, "country": "GN", "work_countries": ["SN"],
        "position": "Formatrice", "organisation": "Réseau des élues locales",
        "languages": [{"tag": "fr"}, {"tag": "ff"}], "themes": ["participatory_budgeting"],
        "keywords": ["budget participatif"], "bio": None, "availability": "available",
    },
}  # fmt: skip
BY_NAME = ["E1", "E3", "E4", "E5", "E2"]  # accent-blind alphabetical: Aïssatou, Grace, Jean, Mariama, Youssef

ALL_FACETS = {
    "theme": {"local_finance": 2, "participatory_budgeting": 2, "gender_sensitive_budgeting": 1,
              "informal_settlements": 1, "local_hr_management": 1, "spatial_planning": 1},
    "country": {"GN": 2, "SN": 2, "CM": 1, "KE": 1, "MA": 1, "ML": 1, "TN": 1, "TZ": 1, "UG": 1},
    "language": {"fr": 4, "en": 3, "ar": 1, "ff": 1, "sw": 1},
    "availability": {"available": 3, "limited": 1, "unavailable": 1},
}  # fmt: skip


@pytest.fixture
async def directory(client: httpx.AsyncClient, coordinator: dict[str, str], new_user: Any) -> dict[str, str]:
    ids = {}
    for key, fields in LISTED.items():
        ids[key] = (await create_expert(client, coordinator, email=f"{key}@example.org", orcid=None, **fields))["id"]
    common = {"orcid": None, "themes": ["local_finance"], "country": "SN", "keywords": ["budget"]}
    await create_expert(
        client, coordinator, full_name="Sans Consentement", email="x1@example.org", public_listing_consent=False,
        **common,
    )  # fmt: skip
    await apply(client, new_user(), full_name="En Attente", email="x2@example.org", **common)
    archived = await create_expert(client, coordinator, full_name="Parti Ailleurs", email="x3@example.org", **common)
    assert (await act(client, coordinator, archived["id"], "archive")).status_code == 200
    return ids


def _names(body: dict[str, Any], ids: dict[str, str]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return [by_id[item["id"]] for item in body["items"]]


def _facets(body: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {name: {v["value"]: v["count"] for v in values} for name, values in body["facets"].items()}


async def _search(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    response = await client.get("/experts", params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_everyone_listed_and_no_one_else(client: httpx.AsyncClient, directory: dict[str, str]) -> None:
    body = await _search(client)
    assert body["total"] == 5
    assert _names(body, directory) == BY_NAME
    assert _facets(body) == ALL_FACETS
    # Facet values come most frequent first, then by code.
    assert [v["value"] for v in body["facets"]["language"]] == ["fr", "en", "ar", "ff", "sw"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("décentralisation", {"E1", "E2", "E4"}),  # position (E1), bios (E2 in French, E4 in both)
        ("DECENTRAL", {"E1", "E2", "E4"}),  # case, accents, and a prefix
        ("aissatou", {"E1"}),
        ("AÏSSATOU diallo", {"E1"}),
        ("budget", {"E1", "E3", "E5"}),  # keywords (E1, E5), organisation and bio (E3)
        ("budget participatif", {"E1", "E5"}),  # every word is needed
        ("nairobi lab", {"E3"}),
        ("professeur", {"E4"}),
        ("Pr", {"E4"}),  # the title
        ("cadastre", {"E2"}),
        ("finance", {"E1"}),  # in both of E1's bios; themes are facets, not search text
        ("specialist", {"E1", "E3"}),  # "Spécialiste" (E1's French bio) starts with it; E3's position
        ("l'urbanisme", set()),
        ("zzz", set()),
        ("!!!", set()),
    ],
)
async def test_full_text(client: httpx.AsyncClient, directory: dict[str, str], q: str, expected: set[str]) -> None:
    body = await _search(client, q=q)
    assert set(_names(body, directory)) == expected
    assert body["total"] == len(expected)
    assert sum(v["count"] for v in body["facets"]["availability"]) == len(expected)


async def test_a_facet_counts_with_every_filter_but_its_own(
    client: httpx.AsyncClient, directory: dict[str, str]
) -> None:
    body = await _search(client, theme="local_finance")
    assert _names(body, directory) == ["E1", "E3"] and body["total"] == 2
    facets = _facets(body)
    assert facets["theme"] == ALL_FACETS["theme"]  # its own filter left out: the alternatives stay visible
    assert facets["country"] == {"GN": 1, "KE": 1, "ML": 1, "SN": 1, "TZ": 1, "UG": 1}
    assert facets["language"] == {"en": 2, "fr": 1, "sw": 1}
    assert facets["availability"] == {"available": 2}

    body = await _search(client, country="SN", language="en")
    assert _names(body, directory) == ["E1"]
    facets = _facets(body)
    # Countries of everyone who works in English; languages of everyone found under Senegal.
    assert facets["country"] == {"CM": 1, "GN": 1, "KE": 1, "ML": 1, "SN": 1, "TZ": 1, "UG": 1}
    assert facets["language"] == {"fr": 2, "en": 1, "ff": 1}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": ["local_finance", "spatial_planning"]}, ["E1", "E3", "E2"]),  # values of a facet: any of them
        ({"country": "sn"}, ["E1", "E5"]),  # residence (E1) or work (E5)
        ({"country": "GN"}, ["E1", "E5"]),
        ({"language": "fr-FR"}, ["E1", "E4", "E5", "E2"]),  # a tag counts by its language
        ({"language": "fra"}, ["E1", "E4", "E5", "E2"]),
        ({"language": "wo"}, []),
        ({"availability": ["limited", "unavailable"]}, ["E4", "E2"]),
        ({"theme": "participatory_budgeting", "availability": "available", "q": "bah"}, ["E5"]),
    ],
)
async def test_filters(
    client: httpx.AsyncClient, directory: dict[str, str], params: dict[str, Any], expected: list[str]
) -> None:
    body = await _search(client, **params)
    assert _names(body, directory) == expected and body["total"] == len(expected)


async def test_pages(client: httpx.AsyncClient, directory: dict[str, str]) -> None:
    body = await _search(client, limit=2, offset=2)
    assert _names(body, directory) == BY_NAME[2:4]
    assert (body["total"], body["limit"], body["offset"]) == (5, 2, 2)
    assert _facets(body) == ALL_FACETS  # facets describe the whole result, not the page


async def test_facet_labels_follow_the_language(client: httpx.AsyncClient, directory: dict[str, str]) -> None:
    french = await _search(client, lang="fr")
    labels = {(f, v["value"]): v["label"] for f, values in french["facets"].items() for v in values}
    assert labels[("theme", "local_finance")] == "Finances locales"
    assert labels[("country", "SN")] == "Sénégal"
    assert labels[("availability", "limited")] == "Disponibilité limitée"
    english = (await client.get("/experts", headers={"Accept-Language": "en-GB,en;q=0.9"})).json()
    labels = {(f, v["value"]): v["label"] for f, values in english["facets"].items() for v in values}
    assert labels[("theme", "local_finance")] == "Local finance"
    assert labels[("country", "SN")] == "Senegal"
    assert labels[("language", "sw")] == "Swahili (macrolanguage)"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"theme": "not_a_theme"}, "theme"),
        ({"country": "SEN"}, "country"),
        ({"language": "xx"}, "language"),
        ({"availability": "busy"}, "availability"),
        ({"limit": 0}, "limit"),
        ({"lang": "de"}, "lang"),
    ],
)
async def test_bad_filters_name_the_field(
    client: httpx.AsyncClient, directory: dict[str, str], params: dict[str, Any], field: str
) -> None:
    response = await client.get("/experts", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["field"].split(".")[0] == field  # "availability.0": the first value
