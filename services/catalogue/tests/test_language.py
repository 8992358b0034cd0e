"""Texts are stored once with their variants and served in the language asked, with a fallback;
coordinators can ask for every variant."""

from __future__ import annotations

import httpx
import pytest

from .conftest import create_programme, create_session

pytestmark = pytest.mark.usefixtures("themes")


@pytest.fixture
async def programme(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict:
    return await create_programme(
        client,
        coordinator,
        title={"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        # A summary written in English only so far.
        summary={"en": "Mobilising own-source revenue."},
    )


async def test_the_language_asked_for(client: httpx.AsyncClient, programme: dict) -> None:
    url = f"/programmes/{programme['id']}"
    default = await client.get(url)
    assert default.json()["title"] == "Collège ALGA : Finances locales"
    assert default.json()["lang"] == "fr" and default.headers["content-language"] == "fr"

    english = await client.get(url, params={"lang": "en"})
    assert english.json()["title"] == "ALGA College: Local finance" and english.json()["theme_title"] == "Local finance"

    header = await client.get(url, headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
    assert header.json()["title"] == "ALGA College: Local finance" and header.headers["content-language"] == "en"
    # ?lang= wins over the header; unsupported languages in the header are skipped.
    assert (await client.get(url, params={"lang": "fr"}, headers={"Accept-Language": "en"})).json()["lang"] == "fr"
    assert (await client.get(url, headers={"Accept-Language": "de-DE, en;q=0.3"})).json()["lang"] == "en"
    assert (await client.get(url, headers={"Accept-Language": "en;q=0.2, fr;q=0.8"})).json()["lang"] == "fr"
    assert (await client.get(url, headers={"Accept-Language": "de, es"})).json()["lang"] == "fr"
    bad = await client.get(url, params={"lang": "de"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "lang"


async def test_missing_variants_fall_back(client: httpx.AsyncClient, programme: dict) -> None:
    url = f"/programmes/{programme['id']}"
    # No French summary: French readers get the English one rather than nothing.
    assert (await client.get(url)).json()["summary"] == "Mobilising own-source revenue."
    # Arabic is a language the catalogue accepts already; with no Arabic text, French comes first.
    arabic = (await client.get(url, params={"lang": "ar"})).json()
    assert arabic["title"] == "Collège ALGA : Finances locales" and arabic["lang"] == "ar"
    assert arabic["available_languages"] == ["en", "fr"]


async def test_sessions_follow_the_language_too(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    programme: dict,
) -> None:
    run = await create_session(client, coordinator, programme["id"], venue={"city": "Abidjan", "country": "CI"})
    english = (await client.get(f"/sessions/{run['id']}", params={"lang": "en"})).json()
    # No title of its own: the programme's, in English; the country named in English.
    assert english["title"] == "ALGA College: Local finance"
    assert english["programme_title"] == "ALGA College: Local finance"
    assert english["venue"]["country_name"] == "Côte d'Ivoire"
    french = (await client.get(f"/sessions/{run['id']}")).json()
    assert french["title"] == "Collège ALGA : Finances locales"
    listed = (await client.get("/sessions", headers={"Accept-Language": "en"})).json()
    assert listed["items"][0]["title"] == "ALGA College: Local finance"


async def test_every_variant_for_coordinators(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    learner: dict[str, str],
    programme: dict,
) -> None:
    url = f"/programmes/{programme['id']}"
    everything = (await client.get(url, params={"lang": "all"}, headers=coordinator)).json()
    assert everything["translations"]["title"] == {
        "fr": "Collège ALGA : Finances locales",
        "en": "ALGA College: Local finance",
    }
    assert everything["translations"]["summary"] == {"en": "Mobilising own-source revenue."}
    assert everything["title"] == "Collège ALGA : Finances locales"  # still one text per field, too
    assert (await client.get(url)).json()["translations"] is None
    for headers in ({}, learner):
        refused = await client.get(url, params={"lang": "all"}, headers=headers)
        assert refused.status_code == 403 and refused.headers["content-type"].startswith("application/problem+json")
    themes = (await client.get("/themes", params={"lang": "all"}, headers=coordinator)).json()
    assert themes["items"][0]["translations"]["title"] == {"fr": "Leadership local", "en": "Local leadership"}


async def test_editing_one_variant_keeps_the_others_in_step(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    programme: dict,
) -> None:
    url = f"/programmes/{programme['id']}"
    changed = await client.patch(
        url,
        json={"summary": {"fr": "Mobiliser les ressources propres.", "en": "Mobilising own-source revenue."}},
        headers=coordinator,
    )
    assert changed.status_code == 200
    assert (await client.get(url)).json()["summary"] == "Mobiliser les ressources propres."
    cleared = await client.patch(url, json={"summary": None}, headers=coordinator)
    assert cleared.json()["summary"] is None
