"""schema.org JSON-LD on record responses: the type fits the document, identifiers are linked data."""

from __future__ import annotations

import httpx

from .conftest import create_record


async def test_json_ld_of_a_policy_brief(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(
        client,
        coordinator,
        authors=[
            {"name": "Diallo, Aminata", "orcid": "0000-0002-1825-0097"},
            {"name": "UCLG Africa", "organisation": True},
        ],
        doi="10.5555/alga.jsonld",
    )
    doc = (await client.get(f"/records/{record['id']}", params={"lang": "en"})).json()["json_ld"]
    url = f"https://campus.example.org/library/{record['id']}"
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "Report"
    assert doc["@id"] == url and doc["url"] == url
    assert doc["name"] == "Local finance put to the test of decentralisation"
    assert doc["alternateName"] == ["Les finances locales à l'épreuve de la décentralisation"]
    assert doc["genre"] == "Policy brief" and doc["inLanguage"] == "fr" and doc["datePublished"] == "2024-05-12"
    assert doc["author"] == [
        {
            "@type": "Person",
            "name": "Aminata Diallo",
            "familyName": "Diallo",
            "givenName": "Aminata",
            "@id": "https://orcid.org/0000-0002-1825-0097",
            "sameAs": "https://orcid.org/0000-0002-1825-0097",
        },
        {"@type": "Organization", "name": "UCLG Africa"},
    ]
    assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert doc["identifier"] == [{"@type": "PropertyValue", "propertyID": "DOI", "value": "10.5555/alga.jsonld"}]
    assert doc["sameAs"] == "https://doi.org/10.5555/alga.jsonld"
    assert doc["about"] == [{"@type": "DefinedTerm", "termCode": "local_finance", "name": "Local finance"}]


async def test_json_ld_types(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    expected = {"book": "Book", "report": "Report", "article": "ScholarlyArticle", "video": "VideoObject"}
    for kind, schema_type in expected.items():
        extra = {"isbn": "978-2-266-11156-0"} if kind == "book" else {}
        record = await create_record(client, coordinator, type=kind, **extra)
        doc = (await client.get(f"/records/{record['id']}")).json()["json_ld"]
        assert doc["@type"] == schema_type
        if kind == "book":
            assert doc["isbn"] == "978-2-266-11156-0"
