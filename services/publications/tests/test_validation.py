"""What a coordinator sends is checked: identifiers (DOI, ISBN, ORCID), dates, licences, codes."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest

from .conftest import create_record, record_body


def fields_of(response: httpx.Response) -> set[str]:
    assert response.headers["content-type"] == "application/problem+json", response.text
    return {error["field"] for error in response.json()["errors"]}


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("10.5555/ALGA.2024.07", "10.5555/alga.2024.07"),
        ("https://doi.org/10.5555/alga.2024.07", "10.5555/alga.2024.07"),
        ("http://dx.doi.org/10.5555/alga.2024.07", "10.5555/alga.2024.07"),
        ("doi:10.5555/alga/2024(07)", "10.5555/alga/2024(07)"),
    ],
)
async def test_dois_are_normalised(
    client: httpx.AsyncClient, coordinator: dict[str, str], given: str, stored: str
) -> None:
    created = await create_record(client, coordinator, publish=False, doi=given)
    assert created["doi"] == stored
    assert created["doi_url"] == f"https://doi.org/{stored}"


@pytest.mark.parametrize(
    "doi", ["10.55/x", "11.5555/x", "10.5555", "10.5555/", "10.5555/a b", "https://example.org/10.5555/x"]
)
async def test_malformed_dois_are_refused(client: httpx.AsyncClient, coordinator: dict[str, str], doi: str) -> None:
    response = await client.post("/records", json=record_body(doi=doi), headers=coordinator)
    assert response.status_code == 422
    assert fields_of(response) == {"doi"}


async def test_isbn_checksums(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    # ISBN-10 and ISBN-13 of the same book: stored as one hyphenated ISBN-13.
    created = await create_record(client, coordinator, publish=False, type="book", isbn="2-266-11156-6")
    assert created["isbn"] == "978-2-266-11156-0"
    for bad in ("2-266-11156-7", "978-2-266-11156-1", "978-2-266", "ISBN-TBD"):
        response = await client.post("/records", json=record_body(isbn=bad), headers=coordinator)
        assert response.status_code == 422, bad
        assert fields_of(response) == {"isbn"}
    duplicate = await client.post("/records", json=record_body(isbn="9782266111560"), headers=coordinator)
    assert duplicate.status_code == 409
    assert fields_of(duplicate) == {"isbn"}


async def test_orcid_checksums_and_author_names(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    authors = [
        {"name": "Diallo, Aminata", "orcid": "https://orcid.org/0000-0002-1825-0097"},
        {"name": "Jean-Pierre Elong Mbassi", "family": "Elong Mbassi"},
        {"name": "Kofi Mensah", "orcid": "000000021694233x"},
        {"name": "UCLG Africa", "organisation": True},
    ]
    bad = await client.post(
        "/records",
        json=record_body(authors=[*authors[:2], {"name": "A B", "orcid": "0000-0002-1825-0098"}]),
        headers=coordinator,
    )
    assert bad.status_code == 422
    assert fields_of(bad) == {"authors.2.orcid"}
    created = await create_record(client, coordinator, publish=False, authors=authors)
    assert [(a["name"], a["family"], a["given"], a["orcid"]) for a in created["authors"]] == [
        ("Aminata Diallo", "Diallo", "Aminata", "0000-0002-1825-0097"),
        ("Jean-Pierre Elong Mbassi", "Elong Mbassi", "Jean-Pierre", None),
        ("Kofi Mensah", "Mensah", "Kofi", "0000-0002-1694-233X"),
        ("UCLG Africa", None, None, None),
    ]
    assert created["authors"][0]["orcid_url"] == "https://orcid.org/0000-0002-1825-0097"
    expert = await client.post(
        "/records", json=record_body(authors=[{"name": "A B", "expert_id": "not-a-uuid"}]), headers=coordinator
    )
    assert fields_of(expert) == {"authors.0.expert_id"}


async def test_dates_licences_codes_and_unknown_fields(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    ahead = (date.today() + timedelta(days=400)).isoformat()
    cases = {
        "published_on": {"published_on": ahead},
        "published_on ": {"published_on": "1899-12-31"},
        "published_on  ": {"published_on": "2024-02-30"},
        "licence": {"licence": "CC-BY-3.0"},
        "themes": {"themes": ["local_finance", "astrology"]},
        "language": {"language": "xx"},
        "type": {"type": "pamphlet"},
        "title": {"title": {"fr": "", "en": " "}},
        "title.de": {"title": {"de": "Kommunalfinanzen"}},
        "url": {"url": "ftp://example.org/video"},
        "related_session_ids": {"related_session_ids": ["12"]},
        "colour": {"colour": "blue"},
    }
    for field, change in cases.items():
        response = await client.post("/records", json=record_body(**change), headers=coordinator)
        assert response.status_code == 422, (field, response.text)
        assert fields_of(response) == {field.strip()}, field
    # Every licence of the list is taken.
    for licence in ("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0", "all-rights-reserved"):
        created = await create_record(client, coordinator, publish=False, licence=licence)
        assert created["licence"]["id"] == licence


async def test_duplicate_doi_is_a_conflict_whatever_its_spelling(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    first = await create_record(client, coordinator, doi="10.5555/alga.dup")
    again = await client.post("/records", json=record_body(doi="https://doi.org/10.5555/ALGA.DUP"), headers=coordinator)
    assert again.status_code == 409
    assert first["id"] in again.json()["errors"][0]["message"]
    other = await create_record(client, coordinator, publish=False)
    clash = await client.patch(f"/records/{other['id']}", json={"doi": "10.5555/alga.dup"}, headers=coordinator)
    assert clash.status_code == 409 and fields_of(clash) == {"doi"}


async def test_publishing_needs_a_date_and_an_author(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    draft = await create_record(client, coordinator, publish=False, published_on=None, authors=[])
    refused = await client.post(f"/records/{draft['id']}/transitions", json={"action": "publish"}, headers=coordinator)
    assert refused.status_code == 422
    assert fields_of(refused) == {"published_on", "authors"}
    fixed = await client.patch(
        f"/records/{draft['id']}",
        json={"published_on": "2024-01-15", "authors": [{"name": "Issa Sawadogo"}]},
        headers=coordinator,
    )
    assert fixed.status_code == 200
    published = await client.post(
        f"/records/{draft['id']}/transitions", json={"action": "publish"}, headers=coordinator
    )
    assert published.status_code == 200 and published.json()["status"] == "published"
    # Required fields cannot be emptied, and a published record cannot lose what publishing needed.
    emptied = await client.patch(f"/records/{draft['id']}", json={"title": None, "licence": None}, headers=coordinator)
    assert emptied.status_code == 422 and fields_of(emptied) == {"title", "licence"}
    no_authors = await client.patch(f"/records/{draft['id']}", json={"authors": []}, headers=coordinator)
    assert no_authors.status_code == 422 and fields_of(no_authors) == {"authors"}
