"""Bios are stored once with a variant per language and served in the language asked:
`?lang=`, else Accept-Language, else French; a missing variant falls back (fr, then en)."""

from __future__ import annotations

import httpx
import pytest

from .conftest import User, create_expert

BIO = {"fr": "Spécialiste des finances locales.", "en": "Local finance specialist."}


@pytest.mark.parametrize(
    ("params", "headers", "bio", "lang"),
    [
        ({}, {}, BIO["fr"], "fr"),
        ({"lang": "en"}, {}, BIO["en"], "en"),
        ({}, {"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"}, BIO["en"], "en"),
        ({}, {"Accept-Language": "de-DE,fr;q=0.3,en;q=0.2"}, BIO["fr"], "fr"),
        ({"lang": "fr"}, {"Accept-Language": "en"}, BIO["fr"], "fr"),  # ?lang= wins
        ({"lang": "pt"}, {}, BIO["fr"], "pt"),  # no Portuguese bio: French
    ],
)
async def test_the_bio_in_the_asked_language(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    params: dict[str, str],
    headers: dict[str, str],
    bio: str,
    lang: str,
) -> None:
    expert = await create_expert(client, coordinator, bio=BIO, orcid=None)
    response = await client.get(f"/experts/{expert['id']}", params=params, headers=headers)
    assert response.status_code == 200
    body = response.json()
    assert body["bio"] == bio and body["lang"] == lang
    assert body["available_languages"] == ["en", "fr"]
    assert response.headers["content-language"] == lang
    assert body["json_ld"]["description"] == bio


async def test_a_bio_in_one_language_is_shown_to_everyone(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    expert = await create_expert(client, coordinator, bio={"en": "Only in English."}, orcid=None)
    french = (await client.get(f"/experts/{expert['id']}", params={"lang": "fr"})).json()
    assert french["bio"] == "Only in English." and french["available_languages"] == ["en"]


async def test_names_of_countries_themes_and_languages_follow(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    expert = await create_expert(client, coordinator, country="CI", work_countries=["EG"], orcid=None)
    fr = (await client.get(f"/experts/{expert['id']}", params={"lang": "fr"})).json()
    en = (await client.get(f"/experts/{expert['id']}", params={"lang": "en"})).json()
    assert fr["country_name"] == "Côte d'Ivoire" and en["country_name"] == "Côte d'Ivoire"
    assert fr["work_countries"][0]["name"] == "Égypte" and en["work_countries"][0]["name"] == "Egypt"
    assert [t["name"] for t in fr["themes"]] == ["Budget participatif", "Finances locales"]
    assert [t["name"] for t in en["themes"]] == ["Participatory budgeting", "Local finance"]
    assert [lang["name"] for lang in en["languages"]] == ["French (Senegal)", "English"]
    assert [lang["level_label"] for lang in fr["languages"]] == ["Langue maternelle", "Professionnel"]


async def test_the_expert_edits_every_variant(client: httpx.AsyncClient, learner: User) -> None:
    created = await client.post(
        "/applications",
        json={"full_name": "Awa Ndiaye", "country": "SN", "bio": {"fr": "Bio."}},
        headers=learner.headers,
    )
    assert created.json()["bio_translations"] == {"fr": "Bio."}
    updated = await client.patch("/me", json={"bio": {"fr": "Bio.", "en": "Bio in English."}}, headers=learner.headers)
    assert updated.json()["bio_translations"] == {"fr": "Bio.", "en": "Bio in English."}
    unknown = await client.patch("/me", json={"bio": {"xx": "?"}}, headers=learner.headers)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "bio.xx"
