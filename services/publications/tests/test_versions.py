"""Every change to a published record keeps the previous version readable."""

from __future__ import annotations

import httpx

from .conftest import create_record

PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


async def test_edits_of_a_published_record_make_versions(
    client: httpx.AsyncClient, coordinator: dict[str, str]
) -> None:
    record = await create_record(client, coordinator)
    rid = record["id"]
    # Drafts' edits before publication are not versions; publication is version 1.
    first = await client.patch(
        f"/records/{rid}",
        json={"title": {"fr": "Finances locales : édition révisée", "en": "Local finance: revised"}},
        headers=coordinator,
    )
    assert first.json()["version"] == 2
    # A PATCH that changes nothing a reader sees makes no version.
    same = await client.patch(f"/records/{rid}", json={"publisher": "UCLG Africa"}, headers=coordinator)
    assert same.json()["version"] == 2
    uploaded = await client.post(
        f"/records/{rid}/files", files={"file": ("note.pdf", PDF, "application/pdf")}, headers=coordinator
    )
    assert uploaded.status_code == 201
    removed = await client.delete(f"/records/{rid}/files/{uploaded.json()['id']}", headers=coordinator)
    assert removed.status_code == 204

    listed = (await client.get(f"/records/{rid}/versions", params={"lang": "en"})).json()
    assert listed["current"] == 4 and listed["total"] == 4
    assert [(v["number"], v["change"], v["title"]) for v in listed["items"]] == [
        (1, "published", "Local finance put to the test of decentralisation"),
        (2, "updated", "Local finance: revised"),
        (3, "updated", "Local finance: revised"),
        (4, "updated", "Local finance: revised"),
    ]
    one = (await client.get(f"/records/{rid}/versions/1")).json()
    assert one["current"] is False and one["change"] == "published"
    assert one["record"]["title"] == "Les finances locales à l'épreuve de la décentralisation"
    assert one["record"]["version"] == 1 and one["record"]["files"] == []
    three = (await client.get(f"/records/{rid}/versions/3")).json()
    assert [(f["filename"], f["removed"]) for f in three["record"]["files"]] == [("note.pdf", True)]
    four = (await client.get(f"/records/{rid}/versions/4")).json()
    assert four["current"] is True and four["record"]["files"] == []
    assert (await client.get(f"/records/{rid}")).json()["title"] == "Finances locales : édition révisée"
    assert (await client.get(f"/records/{rid}/versions/5")).status_code == 404
    assert (await client.get(f"/records/{rid}/versions/x")).status_code == 422
    # The removed file is not served to the public any more; staff still reach it.
    file_path = f"/records/{rid}/files/{uploaded.json()['id']}"
    assert (await client.get(file_path)).status_code == 404
    staff = await client.get(file_path, headers=coordinator)
    assert staff.status_code == 200 and staff.content == PDF


async def test_withdrawal_is_the_last_version(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator)
    await client.post(
        f"/records/{record['id']}/transitions", json={"action": "withdraw", "reason": "Duplicate"}, headers=coordinator
    )
    versions = (await client.get(f"/records/{record['id']}/versions", headers=coordinator)).json()
    assert [(v["number"], v["change"]) for v in versions["items"]] == [(1, "published"), (2, "withdrawn")]
    last = (await client.get(f"/records/{record['id']}/versions/2", headers=coordinator)).json()
    assert last["record"]["status"] == "withdrawn" and last["record"]["withdrawn_reason"] == "Duplicate"
