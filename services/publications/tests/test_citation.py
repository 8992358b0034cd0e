"""Citations in BibTeX (parsed back by bibtexparser), RIS and CSL-JSON, for a record and a search."""

from __future__ import annotations

import json

import bibtexparser
import httpx
from bibtexparser.middlewares import LatexDecodingMiddleware

from .conftest import create_record

AUTHORS = [
    {"name": "Diallo, Aminata", "orcid": "0000-0002-1825-0097"},
    {"name": "Jean-Pierre Elong Mbassi", "family": "Elong Mbassi"},
    {"name": "UCLG Africa", "organisation": True},
]


def parse(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [], [b.error for b in library.failed_blocks]
    return library


async def test_bibtex_parses_back_with_every_special_character(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    title = "Budget & fiscalité : 100% des $ en #local_ ~ \\ {balanced} and {not"
    record = await create_record(
        client,
        coordinator,
        title={"fr": title, "en": "Budgets: the English title"},
        authors=AUTHORS,
        doi="10.5555/alga.cite_1",
        series="ALGA Policy Briefs, n° 3",
    )
    response = await client.get(f"/records/{record['id']}/citation", params={"format": "bibtex"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-bibtex; charset=utf-8"
    assert response.headers["content-disposition"] == f'inline; filename="alga-{record["id"][:8]}.bib"'
    raw = response.text
    assert r"\textbraceleft{}balanced\textbraceright{}" in raw and r"\textbraceleft{}not" in raw
    entries = parse(raw).entries
    assert len(entries) == 1
    entry = entries[0]
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert entry.entry_type == "techreport"
    assert entry.key == f"diallo2024budget_{record['id'].replace('-', '')[:6]}"
    # Everything but the braces decodes back to the text (pylatexenc drops \textbrace*, which
    # LaTeX itself prints as braces).
    assert fields["title"] == "Budget & fiscalité : 100% des $ en #local_ ~ \\ balanced and not"
    assert fields["author"] == "Diallo, Aminata and Elong Mbassi, Jean-Pierre and UCLG Africa"
    assert "{Elong Mbassi}, Jean-Pierre" in raw and "{UCLG Africa}" in raw
    assert fields["institution"] == "UCLG Africa" and fields["type"] == "Policy brief"
    assert fields["year"] == "2024" and fields["month"] == "may"
    assert fields["doi"] == "10.5555/alga.cite_1" and fields["language"] == "fr"
    assert fields["url"] == f"https://campus.example.org/library/{record['id']}"
    assert fields["keywords"] == "fiscalité"
    # Stable: the same key in the record's citation, again later, and in a search export.
    again = parse((await client.get(f"/records/{record['id']}/citation")).text).entries[0]
    assert again.key == entry.key
    english = parse((await client.get(f"/records/{record['id']}/citation", params={"lang": "en"})).text).entries[0]
    assert english.key == entry.key and english.fields_dict["title"].value == "Budgets: the English title"


async def test_entry_types(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    expected = {
        "book": "book",
        "article": "article",
        "proceedings": "proceedings",
        "toolkit": "techreport",
        "presentation": "misc",
        "video": "misc",
    }
    for kind, entry_type in expected.items():
        extra = {"container_title": "Cahiers de l'ALGA"} if kind == "article" else {}
        if kind == "video":
            extra["url"] = "https://campus.example.org/videos/1"
        record = await create_record(client, coordinator, type=kind, **extra)
        entry = parse((await client.get(f"/records/{record['id']}/citation")).text).entries[0]
        assert entry.entry_type == entry_type, kind
        fields = {name: field.value for name, field in entry.fields_dict.items()}
        if kind == "article":
            assert fields["journal"] == "Cahiers de l'ALGA"
        if kind == "proceedings":
            assert fields["editor"] == "Diallo, Aminata" and "author" not in fields
        if kind == "video":
            assert fields["url"] == "https://campus.example.org/videos/1"


async def test_a_search_result_cites_every_record_it_finds(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    ids = set()
    for n in range(5):
        record = await create_record(client, coordinator, title={"fr": f"Économie locale, volume {n}"})
        ids.add(record["id"])
    await create_record(client, coordinator, title={"fr": "Autre sujet"}, abstract={"fr": "Rien à voir."})
    await create_record(client, coordinator, publish=False, title={"fr": "Économie : brouillon"})
    response = await client.get("/records/citation", params={"format": "bibtex", "q": "economie"})
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'inline; filename="alga-library.bib"'
    entries = parse(response.text).entries
    assert len(entries) == 5 and len({e.key for e in entries}) == 5
    assert {e.key.rsplit("_", 1)[1] for e in entries} == {i.replace("-", "")[:6] for i in ids}
    ris = await client.get("/records/citation", params={"format": "ris", "q": "economie", "limit": 2})
    assert ris.text.count("ER  - ") == 2
    csl = await client.get("/records/citation", params={"format": "csl", "theme": "local_finance"})
    assert len(csl.json()) == 6
    empty = await client.get("/records/citation", params={"format": "csl", "q": "xyzzy"})
    assert empty.status_code == 200 and empty.json() == []
    assert (await client.get("/records/citation", params={"format": "endnote"})).status_code == 422


async def test_ris(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator, authors=AUTHORS, doi="10.5555/alga.ris", type="report")
    response = await client.get(f"/records/{record['id']}/citation", params={"format": "ris"})
    assert response.headers["content-type"] == "application/x-research-info-systems; charset=utf-8"
    lines = response.text.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert [line for line in lines if line.startswith("AU")] == [
        "AU  - Diallo, Aminata",
        "AU  - Elong Mbassi, Jean-Pierre",
        "AU  - UCLG Africa",
    ]
    assert "TI  - Les finances locales à l'épreuve de la décentralisation" in lines
    assert "PY  - 2024" in lines and "DA  - 2024/05/12" in lines
    assert "DO  - 10.5555/alga.ris" in lines and "PB  - UCLG Africa" in lines and "CY  - Rabat" in lines
    assert "KW  - fiscalité" in lines and "LA  - fr" in lines
    assert lines[-2] == "ER  - " and lines[-1] == ""


async def test_csl_json(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator, authors=AUTHORS, isbn="978-2-266-11156-0", type="book")
    response = await client.get(f"/records/{record['id']}/citation", params={"format": "csl", "lang": "en"})
    assert response.headers["content-type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    [item] = json.loads(response.text)
    assert item["type"] == "book" and item["title"] == "Local finance put to the test of decentralisation"
    assert item["author"] == [
        {"family": "Diallo", "given": "Aminata"},
        {"family": "Elong Mbassi", "given": "Jean-Pierre"},
        {"literal": "UCLG Africa"},
    ]
    assert item["issued"] == {"date-parts": [[2024, 5, 12]]}
    assert item["ISBN"] == "978-2-266-11156-0" and item["publisher-place"] == "Rabat"
    assert item["abstract"] == "A brief on municipal economics." and item["keyword"] == "taxation"
    assert item["id"] == f"diallo2024finances_{record['id'].replace('-', '')[:6]}"
