"""publications' statistics and donor report: records by status, publications issued by type,
theme and language, downloads by day; the partner of a record; who may read them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlmodel import col

from common.db import Database
from common.testing import TokenFactory
from publications.file.models import RecordFile
from publications.record.models import DownloadDay
from publications.settings import PublicationsSettings

from .conftest import bearer, make_record
from .test_files import PDF, upload

PARTNER = "0e7c2b1a-5d4f-4c3b-9a8e-7f6d5c4b3a21"
TODAY = datetime.now(UTC).date()
MONTH = {"from": (TODAY - timedelta(days=30)).isoformat(), "to": TODAY.isoformat()}


def _rows(figures: dict[str, Any]) -> dict[str | None, int]:
    return {row["key"]: row["count"]["value"] for row in figures["rows"]}


def ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


async def _library(
    client: httpx.AsyncClient, db: Database, settings: PublicationsSettings, coordinator: dict[str, str]
) -> dict[str, str]:
    """Published this month: R1 (policy brief, local finance and participatory budgeting, fr,
    partner P; its file downloaded 3 times today) and R2 (report, local finance, en; 2 downloads
    today and 7 a hundred days ago). Published earlier: R3 (book). A draft and a withdrawn record."""
    r1 = await make_record(
        db,
        settings,
        published_on=ago(10),
        themes=["local_finance", "participatory_budgeting"],
        partner_ids=[PARTNER],
    )
    r2 = await make_record(db, settings, type="report", language="en", published_on=ago(20), title={"en": "Report"})
    await make_record(db, settings, type="book", published_on=ago(400), themes=[], title={"fr": "Ouvrage"})
    await make_record(db, settings, status="draft", published_on=ago(5))
    await make_record(db, settings, status="withdrawn", type="report", published_on=ago(15))
    for record, times in ((r1, 3), (r2, 2)):
        sent = await client.post(f"/records/{record.id}/files", headers=coordinator, **upload(PDF, "a.pdf"))
        assert sent.status_code == 201, sent.text
        for _ in range(times):
            assert (await client.get(f"/records/{record.id}/files/{sent.json()['id']}")).status_code == 200
    async with db.session() as session:
        session.add(DownloadDay(record_id=r2.id, day=TODAY - timedelta(days=100), downloads=7))
        await session.execute(
            update(RecordFile)
            .where(col(RecordFile.record_id) == r2.id)
            .values(download_count=col(RecordFile.download_count) + 7)
        )
        await session.commit()
    return {"R1": r1.id, "R2": r2.id}


async def test_the_overview_counts_records_issued_and_downloads(
    client: httpx.AsyncClient, db: Database, settings: PublicationsSettings, coordinator: dict[str, str]
) -> None:
    ids = await _library(client, db, settings, coordinator)
    response = await client.get("/statistics/overview", params={**MONTH, "lang": "en"}, headers=coordinator)
    assert response.status_code == 200, response.text
    body = response.json()
    assert _rows(body["records_by_status"]) == {"published": 3, "draft": 1, "withdrawn": 1}
    assert body["drafts"]["value"] == 1
    issued = body["issued"]
    assert _rows(issued["by_type"]) == {"policy_brief": 1, "report": 1}
    assert [r["label"] for r in issued["by_type"]["rows"]] == ["Policy brief", "Report"]
    assert issued["by_theme"]["total"]["value"] == 2
    assert _rows(issued["by_theme"]) == {"local_finance": 2, "participatory_budgeting": 1}
    assert _rows(issued["by_language"]) == {"fr": 1, "en": 1}
    downloads = body["downloads"]
    assert downloads["total"]["value"] == 12
    assert downloads["in_period"]["total"]["value"] == 5
    assert _rows(downloads["in_period"]) == {"policy_brief": 3, "report": 2}
    recent = [(r["record_id"], r["downloads"]["value"], r["downloads_in_period"]["value"]) for r in downloads["recent"]]
    assert recent[:2] == [(ids["R1"], 3, 3), (ids["R2"], 9, 2)]
    assert len(recent) == 3

    english = (await client.get("/statistics/overview", params={**MONTH, "language": "en"}, headers=coordinator)).json()
    assert english["issued"]["by_type"]["total"]["value"] == 1 and english["downloads"]["total"]["value"] == 9
    finance = (
        await client.get(
            "/statistics/overview", params={**MONTH, "theme": "participatory_budgeting"}, headers=coordinator
        )
    ).json()
    assert _rows(finance["issued"]["by_type"]) == {"policy_brief": 1}
    earlier = (
        await client.get("/statistics/overview", params={"from": ago(120), "to": ago(90)}, headers=coordinator)
    ).json()
    assert earlier["downloads"]["in_period"]["total"]["value"] == 7
    assert earlier["issued"]["by_type"]["total"]["value"] == 0


async def test_the_donor_report_lists_publications_and_downloads(
    client: httpx.AsyncClient, db: Database, settings: PublicationsSettings, coordinator: dict[str, str]
) -> None:
    ids = await _library(client, db, settings, coordinator)
    response = await client.get("/statistics/report", params={**MONTH, "lang": "fr"}, headers=coordinator)
    assert response.status_code == 200, response.text
    report = response.json()
    sections = {s["id"]: s for s in report["sections"]}
    issued = sections["publications_issued"]
    assert issued["unit"] == "publications" and issued["total"]["value"] == 2
    assert [d["dimension"] for d in issued["breakdowns"]] == ["type", "theme", "language"]
    downloads = sections["downloads"]
    assert downloads["total"]["value"] == 5
    by_record = {d["dimension"]: d for d in downloads["breakdowns"]}["record"]
    assert _rows(by_record) == {ids["R1"]: 3, ids["R2"]: 2}
    # Documents are not people: small counts are shown.
    assert not any(r["count"]["suppressed"] for s in report["sections"] for d in s["breakdowns"] for r in d["rows"])


async def test_a_partner_sees_its_records(
    client: httpx.AsyncClient,
    db: Database,
    settings: PublicationsSettings,
    coordinator: dict[str, str],
    token_factory: TokenFactory,
) -> None:
    ids = await _library(client, db, settings, coordinator)
    listed = (await client.get("/records", params={"partner": PARTNER})).json()
    assert [r["id"] for r in listed["items"]] == [ids["R1"]] and listed["items"][0]["partner_ids"] == [PARTNER]
    assert (await client.get("/records", params={"partner": "UCA"})).status_code == 422
    focal = bearer(token_factory.user(roles=["learner"], focal_point_of=[PARTNER]))
    assert (await client.get("/statistics/report", params=MONTH, headers=focal)).status_code == 403
    mine = await client.get("/statistics/report", params={**MONTH, "partner": PARTNER}, headers=focal)
    assert mine.status_code == 200, mine.text
    sections = {s["id"]: s for s in mine.json()["sections"]}
    assert sections["publications_issued"]["total"]["value"] == 1 and sections["downloads"]["total"]["value"] == 3


async def test_partners_of_a_record_are_edited_and_told(
    client: httpx.AsyncClient, db: Database, settings: PublicationsSettings, coordinator: dict[str, str]
) -> None:
    record = await make_record(db, settings)
    changed = await client.patch(f"/records/{record.id}", json={"partner_ids": [PARTNER.upper()]}, headers=coordinator)
    assert changed.status_code == 200 and changed.json()["partner_ids"] == [PARTNER]
    assert (await client.get("/records", params={"partner": PARTNER})).json()["total"] == 1
    cleared = await client.patch(f"/records/{record.id}", json={"partner_ids": None}, headers=coordinator)
    assert cleared.json()["partner_ids"] == []
    assert (await client.get("/records", params={"partner": PARTNER})).json()["total"] == 0
    bad = await client.patch(f"/records/{record.id}", json={"partner_ids": ["UCA"]}, headers=coordinator)
    assert bad.status_code == 422


@pytest.mark.parametrize("path", ["/statistics/overview", "/statistics/report"])
async def test_learners_and_anonymous_callers_are_refused(
    client: httpx.AsyncClient, token_factory: TokenFactory, learner: dict[str, str], path: str
) -> None:
    assert (await client.get(path)).status_code == 401
    assert (await client.get(path, headers=learner)).status_code == 403
    wrong_scope = bearer(token_factory.client(scopes=["publications:read"]))
    assert (await client.get(path, headers=wrong_scope)).status_code == 403
    integrator = bearer(token_factory.client(scopes=["statistics:read"]))
    assert (await client.get(path, headers=integrator)).status_code == 200
