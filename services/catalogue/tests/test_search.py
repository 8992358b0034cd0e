"""Full-text search (both languages, accents and case ignored) and facet counts, exact, on a
catalogue built for the purpose."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from .conftest import create_programme, create_session, event_body, local

pytestmark = pytest.mark.usefixtures("themes")


@pytest.fixture
async def catalogue(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict[str, str]:
    """S1…S7 public, S8 and S9 drafts. Ids by name."""
    finance = await create_programme(client, coordinator)  # Finances locales / Local finance
    budget = await create_programme(
        client,
        coordinator,
        theme="participatory_budgeting",
        title={"fr": "Collège ALGA : Budget participatif", "en": "ALGA College: Participatory budgeting"},
        summary={"fr": "Associer les habitants.", "en": "Involving residents."},
        audiences=["elected_official"],
    )
    master = await create_programme(
        client,
        coordinator,
        kind="executive_master",
        theme=None,
        title={"fr": "Master exécutif en management des villes", "en": "Executive Master in City Management"},
        summary={"fr": "Pour les directeurs.", "en": "For directors."},
        audiences=["secretary_general", "hr_director"],
    )
    draft_programme = await create_programme(
        client,
        coordinator,
        publish=False,
        theme="local_economic_development",
        title={"fr": "Collège ALGA : Finances et économie locale"},
    )
    dakar = {"city": "Dakar", "country": "SN"}
    ids = {}
    ids["S1"] = (await create_session(client, coordinator, finance["id"], status="applications_open", venue=dakar))[
        "id"
    ]
    ids["S2"] = (
        await create_session(
            client,
            coordinator,
            finance["id"],
            delivery_mode="webinar",
            language="en",
            venue=None,
            starts_at=local(20, 10),
            ends_at=local(20, 12),
            applications_open_at=local(5),
            applications_close_at=local(15),
        )
    )["id"]
    ids["S3"] = (
        await create_session(
            client,
            coordinator,
            budget["id"],
            status="applications_open",
            venue={"city": "Cotonou", "country": "BJ"},
            starts_at=local(60),
            ends_at=local(62, 17),
            timezone="Africa/Porto-Novo",
        )
    )["id"]
    ids["S4"] = (
        await create_session(
            client,
            coordinator,
            budget["id"],
            status="applications_closed",
            delivery_mode="hybrid",
            language="en",
            venue={"city": "Nairobi", "country": "KE"},
            starts_at=local(90),
            ends_at=local(92, 17),
            timezone="Africa/Nairobi",
        )
    )["id"]
    ids["S5"] = (
        await create_session(
            client,
            coordinator,
            master["id"],
            delivery_mode="e_learning",
            language="en",
            venue=None,
            starts_at=local(30),
            ends_at=local(35, 17),
            applications_close_at=local(25),
        )
    )["id"]
    ids["S6"] = (
        await create_session(
            client,
            coordinator,
            None,
            body=event_body(
                title={
                    "fr": "Conférence sur l'économie locale et l'emploi",
                    "en": "Conference on the local economy and jobs",
                },
                event_kind="conference",
                theme="local_economic_development",
                venue={"city": "Abidjan", "country": "CI"},
                timezone="Africa/Abidjan",
                starts_at=local(50),
                ends_at=local(51, 17),
            ),
        )
    )["id"]
    ids["S7"] = (
        await create_session(
            client,
            coordinator,
            finance["id"],
            status="cancelled",
            venue=dakar,
            starts_at=local(70),
            ends_at=local(71, 17),
        )
    )["id"]
    ids["S8"] = (
        await create_session(
            client,
            coordinator,
            finance["id"],
            status="draft",
            title={"fr": "Finances locales : session en préparation"},
        )
    )["id"]
    ids["S9"] = (await create_session(client, coordinator, draft_programme["id"], status="draft"))["id"]
    return ids


async def _search(client: httpx.AsyncClient, headers: dict[str, str] | None = None, **params: Any) -> dict[str, Any]:
    response = await client.get("/sessions", params={"limit": 100, **params}, headers=headers or {})
    assert response.status_code == 200, response.text
    return response.json()


def _names(body: dict[str, Any], ids: dict[str, str]) -> list[str]:
    by_id = {v: k for k, v in ids.items()}
    return sorted(by_id[item["id"]] for item in body["items"])


def _facets(body: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {name: {v["value"]: v["count"] for v in values} for name, values in body["facets"].items()}


async def test_full_text_in_both_languages_ignores_accents_and_case(
    client: httpx.AsyncClient, catalogue: dict[str, str]
) -> None:
    for q in ("economie", "ÉCONOMIE", "Économie", "économ", "economy"):
        assert _names(await _search(client, q=q), catalogue) == ["S6"], q
    assert _names(await _search(client, q="finances locales"), catalogue) == ["S1", "S2", "S7"]
    assert _names(await _search(client, q="LOCAL FINANCE"), catalogue) == ["S1", "S2", "S7"]
    assert _names(await _search(client, q="budg"), catalogue) == ["S3", "S4"]  # words are prefixes
    assert _names(await _search(client, q="participatory budgeting Nairobi"), catalogue) == ["S4"]  # every word
    assert _names(await _search(client, q="dakar"), catalogue) == ["S1", "S7"]  # the venue's city...
    assert _names(await _search(client, q="Sénégal"), catalogue) == ["S1", "S7"]  # ... and country, in fr
    assert _names(await _search(client, q="senegal"), catalogue) == ["S1", "S7"]  # and en
    assert _names(await _search(client, q="webinaire"), catalogue) == ["S2"]  # the delivery mode's name
    assert _names(await _search(client, q="city management"), catalogue) == ["S5"]  # the programme's title
    assert _names(await _search(client, q="l'habitat d'aujourd'hui"), catalogue) == []
    assert _names(await _search(client, q='"*) OR ('), catalogue) == []  # no query syntax gets through
    assert _names(await _search(client, q="   "), catalogue) == _names(await _search(client), catalogue)


async def test_facet_counts_without_filters(client: httpx.AsyncClient, catalogue: dict[str, str]) -> None:
    body = await _search(client, lang="en")
    assert body["total"] == 7 and _names(body, catalogue) == ["S1", "S2", "S3", "S4", "S5", "S6", "S7"]
    assert _facets(body) == {
        "theme": {"local_finance": 3, "participatory_budgeting": 2, "local_economic_development": 1},
        "kind": {"college": 5, "executive_master": 1, "event": 1},
        "event_kind": {"conference": 1},
        "mode": {"residential_seminar": 4, "webinar": 1, "hybrid": 1, "e_learning": 1},
        "language": {"fr": 4, "en": 3},
        "country": {"SN": 2, "BJ": 1, "KE": 1, "CI": 1},
        "audience": {"elected_official": 6, "finance_director": 3, "secretary_general": 1, "hr_director": 1},
        "open": {"true": 2, "false": 5},
    }
    labels = {(f, v["value"]): v["label"] for f, values in body["facets"].items() for v in values}
    assert labels[("theme", "local_finance")] == "Local finance"
    assert labels[("country", "CI")] == "Côte d'Ivoire" and labels[("language", "fr")] == "French"
    assert labels[("mode", "residential_seminar")] == "Residential seminar"
    french = await _search(client, lang="fr")
    assert {v["value"]: v["label"] for v in french["facets"]["country"]}["KE"] == "Kenya"
    assert {v["value"]: v["label"] for v in french["facets"]["theme"]}["local_finance"] == "Finances locales"


async def test_facets_count_the_other_filters_but_not_their_own(
    client: httpx.AsyncClient, catalogue: dict[str, str]
) -> None:
    body = await _search(client, theme="local_finance")
    assert _names(body, catalogue) == ["S1", "S2", "S7"]
    facets = _facets(body)
    # The theme facet keeps showing the other themes...
    assert facets["theme"] == {"local_finance": 3, "participatory_budgeting": 2, "local_economic_development": 1}
    # ... while the other facets count within the chosen theme.
    assert facets["mode"] == {"residential_seminar": 2, "webinar": 1}
    assert facets["language"] == {"fr": 2, "en": 1}
    assert facets["open"] == {"true": 1, "false": 2}

    body = await _search(client, language="en", open="false")
    assert _names(body, catalogue) == ["S2", "S4", "S5"]
    facets = _facets(body)
    assert facets["open"] == {"false": 3}
    assert facets["language"] == {"en": 3, "fr": 2}  # S6, S7: French and closed
    assert facets["kind"] == {"college": 2, "executive_master": 1}


async def test_filters(client: httpx.AsyncClient, catalogue: dict[str, str]) -> None:
    async def names(**params: Any) -> list[str]:
        return _names(await _search(client, **params), catalogue)

    assert await names(open="true") == ["S1", "S3"]
    assert await names(country="sn") == ["S1", "S7"]
    assert await names(country=["BJ", "KE"]) == ["S3", "S4"]
    assert await names(audience="hr_director") == ["S5"]
    assert await names(kind="event") == ["S6"]
    assert await names(event_kind="conference") == ["S6"]
    assert await names(mode=["webinar", "hybrid"]) == ["S2", "S4"]
    assert await names(theme="participatory_budgeting", language="en") == ["S4"]
    assert await names(status="cancelled") == ["S7"]
    in_45_days = (date.today() + timedelta(days=45)).isoformat()
    in_65_days = (date.today() + timedelta(days=65)).isoformat()
    assert await names(**{"from": in_45_days}) == ["S3", "S4", "S6", "S7"]  # still running from then
    assert await names(to=in_45_days) == ["S1", "S2", "S5"]  # starting by then
    assert await names(**{"from": in_45_days, "to": in_65_days}) == ["S3", "S6"]
    assert await names(q="finances", mode="webinar") == ["S2"]
    bad = await client.get("/sessions", params={"from": "next tuesday"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "from"
    bad = await client.get("/sessions", params={"mode": "teleportation", "country": "Senegal"})
    assert bad.status_code == 422 and {e["field"] for e in bad.json()["errors"]} == {"mode.0"}


async def test_audience_search_follows_changed_audiences(
    client: httpx.AsyncClient, catalogue: dict[str, str], coordinator: dict[str, str]
) -> None:
    """The audience filter and facet read a copy of the audiences kept by the database (ADR 0006):
    a programme whose audiences change is found under its new ones at once, and the listed
    sessions show them."""
    budget = (await client.get(f"/sessions/{catalogue['S3']}")).json()["programme_id"]  # S3, S4
    before = _names(await _search(client, audience="elected_official"), catalogue)
    assert {"S3", "S4"} <= set(before)
    assert _names(await _search(client, audience="cooperation_director"), catalogue) == []
    changed = await client.patch(
        f"/programmes/{budget}", json={"audiences": ["finance_director", "cooperation_director"]}, headers=coordinator
    )
    assert changed.status_code == 200, changed.text
    elected = await _search(client, audience="elected_official")
    assert _names(elected, catalogue) == sorted(set(before) - {"S3", "S4"})
    after = await _search(client, audience="cooperation_director")
    assert _names(after, catalogue) == ["S3", "S4"]
    assert {item["id"]: item["audiences"] for item in after["items"]} == {
        catalogue["S3"]: ["cooperation_director", "finance_director"],
        catalogue["S4"]: ["cooperation_director", "finance_director"],
    }
    audiences = _facets(await _search(client))["audience"]
    assert audiences["cooperation_director"] == 2
    assert audiences["elected_official"] == len(before) - 2
    # Either of them: a session for both counts once.
    both = await _search(client, audience=["cooperation_director", "finance_director"])
    assert both["total"] == len({*_names(await _search(client, audience="finance_director"), catalogue), "S3", "S4"})


async def test_every_kind_of_filter_through_the_faceted_statement(
    client: httpx.AsyncClient, catalogue: dict[str, str], coordinator: dict[str, str]
) -> None:
    """The faceted statement is built once per set of filters given and reused with other values
    (ADR 0006): each kind of filter, and the same filters with other values, answer right."""
    programme_of = {
        name: (await client.get(f"/sessions/{i}")).json()["programme_id"]
        for name, i in catalogue.items()
        if name in ("S1", "S3")
    }
    # Only punctuation: no word to look for, nothing matches (unlike no words at all).
    nothing = await _search(client, q="?!")
    assert nothing["total"] == 0 and nothing["items"] == []
    assert all(values == [] for values in nothing["facets"].values())
    # The same filters twice with other values: the statement is shared, the answers are not.
    for name, programme in programme_of.items():
        body = await _search(client, programme=programme)
        assert name in _names(body, catalogue)
        assert sum(v["count"] for v in body["facets"]["kind"]) == body["total"] == len(body["items"])
    finance = programme_of["S1"]
    module = await client.post(
        f"/programmes/{finance}/modules",
        json={"title": {"fr": "Fiscalité locale"}, "hours": 12, "delivery_mode": "webinar"},
        headers=coordinator,
    )
    assert module.status_code == 201, module.text
    assert (await _search(client, module=module.json()["id"]))["total"] == 0
    assert (await _search(client, programme=finance, q="dakar", country="SN", open="true"))["total"] == 1
    # Drafts: for staff who ask, with the statuses as values.
    drafts = await _search(client, headers=coordinator, status="draft")
    assert _names(drafts, catalogue) == ["S8", "S9"]
    assert _names(await _search(client, headers=coordinator, status=["draft", "cancelled"]), catalogue) == [
        "S7",
        "S8",
        "S9",
    ]
    assert (await _search(client, status="draft"))["total"] == 0  # not staff: nothing visible asked


async def test_pages_in_date_order(client: httpx.AsyncClient, catalogue: dict[str, str]) -> None:
    ordered = ["S2", "S5", "S1", "S6", "S3", "S7", "S4"]
    body = await _search(client, limit=2, offset=2)
    by_id = {v: k for k, v in catalogue.items()}
    assert [by_id[i["id"]] for i in body["items"]] == ordered[2:4]
    assert (body["total"], body["limit"], body["offset"]) == (7, 2, 2)
    everything = await _search(client)
    assert [by_id[i["id"]] for i in everything["items"]] == ordered


async def test_drafts_are_found_by_staff_only(
    client: httpx.AsyncClient, catalogue: dict[str, str], coordinator: dict[str, str], learner: dict[str, str]
) -> None:
    assert (await _search(client, q="preparation"))["total"] == 0
    assert (await _search(client, learner, status="draft"))["total"] == 0
    assert (await _search(client, coordinator))["total"] == 7  # the public catalogue by default
    drafts = await _search(client, coordinator, status="draft")
    assert _names(drafts, catalogue) == ["S8", "S9"]
    assert _facets(drafts)["kind"] == {"college": 2}
    assert _names(await _search(client, coordinator, status="draft", q="preparation"), catalogue) == ["S8"]


async def test_programme_search_and_facets(
    client: httpx.AsyncClient, catalogue: dict[str, str], coordinator: dict[str, str]
) -> None:
    body = (await client.get("/programmes")).json()
    # The Master first, then the Colleges in the order of their themes in the seed document.
    assert [p["title"] for p in body["items"]] == [
        "Master exécutif en management des villes",
        "Collège ALGA : Budget participatif",
        "Collège ALGA : Finances locales",
    ]
    assert body["total"] == 3
    assert _facets(body) == {
        "theme": {"local_finance": 1, "participatory_budgeting": 1},
        "kind": {"college": 2, "executive_master": 1},
        "audience": {"elected_official": 2, "finance_director": 1, "secretary_general": 1, "hr_director": 1},
    }

    async def titles(**params: Any) -> list[str]:
        response = await client.get("/programmes", params=params, headers=params.pop("headers", {}))
        return [p["code"] for p in response.json()["items"]]

    assert await titles(q="VILLES") == ["master-executif-en-management-des-villes"]
    assert await titles(q="city management") == ["master-executif-en-management-des-villes"]
    assert await titles(q="budgeting") == ["college-alga-budget-participatif"]
    assert await titles(q="universite cadi ayyad") != []  # partner institutions are searchable
    assert await titles(audience="hr_director") == ["master-executif-en-management-des-villes"]
    assert await titles(kind="college", theme="local_finance") == ["college-alga-finances-locales"]
    assert await titles(q="economie") == []  # only in a draft
    drafts = (await client.get("/programmes", params={"status": "draft", "q": "economie"}, headers=coordinator)).json()
    assert [p["code"] for p in drafts["items"]] == ["college-alga-finances-et-economie-locale"]
    narrowed = (await client.get("/programmes", params={"kind": "college"})).json()
    assert _facets(narrowed)["kind"] == {"college": 2, "executive_master": 1}
    assert _facets(narrowed)["audience"] == {"elected_official": 2, "finance_director": 1}
