"""The sample library: a dozen plausible published records, in French and English, seeded once."""

from __future__ import annotations

import httpx

from common.db import Database
from publications import seed
from publications.file.storage import FileStore
from publications.settings import PublicationsSettings

from .conftest import outbox


async def test_seed_is_idempotent_and_plausible(
    client: httpx.AsyncClient, db: Database, settings: PublicationsSettings
) -> None:
    store = FileStore(settings.storage_dir)
    async with db.session() as session:
        first = await seed.seed(session, settings=settings, store=store)
        await session.commit()
    async with db.session() as session:
        second = await seed.seed(session, settings=settings, store=store)
        await session.commit()
    assert (first.added, first.present) == (12, 0) and first.files == 4
    assert (second.added, second.present, second.files) == (0, 12, 0)
    assert [t for t, _ in await outbox(db)] == ["publications.record.published"] * 12

    listing = (await client.get("/records", params={"limit": 100})).json()
    assert listing["total"] == 12
    types = {v["value"] for v in listing["facets"]["type"]}
    assert {"policy_brief", "report", "book", "proceedings", "toolkit", "article", "presentation", "video"} == types
    assert len(listing["facets"]["theme"]) >= 12
    assert {v["value"] for v in listing["facets"]["language"]} == {"fr", "en"}
    for item in listing["items"]:
        assert item["status"] == "published" and item["authors"] and item["published_on"]
        assert item["doi"] is None or item["doi"].startswith("10.5555/")  # the test prefix: no real DOI
        assert item["isbn"] is None
    africities = (await client.get("/records", params={"q": "africites", "type": "proceedings"})).json()
    assert africities["total"] == 1
    with_files = [item for item in listing["items"] if item["files"]]
    assert len(with_files) == 4
    pdf = await client.get(with_files[0]["files"][0]["url"].removeprefix("https://campus.example.org/api/publications"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-1.4") and pdf.content.rstrip().endswith(b"%%EOF")
    english = (await client.get("/records", params={"lang": "en", "q": "revenue"})).json()
    assert english["items"][0]["title"] == "Mobilising own-source revenue in African local governments"
