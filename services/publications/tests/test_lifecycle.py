"""A record's life: draft (staff only) → published (public, harvested) → withdrawn (a 410 tombstone),
with the events the experts service relies on."""

from __future__ import annotations

import httpx

from common.db import Database

from .conftest import create_record, outbox, record_body

EXPERT = "9b2d6f9e-2a54-4d53-9a1e-6a4e0c0f8c11"
OTHER_EXPERT = "0c3a3c1b-52f3-4b6f-9a55-0b55f0d1a7e2"


async def test_drafts_are_for_staff_only(client: httpx.AsyncClient, coordinator: dict[str, str], db: Database) -> None:
    draft = await create_record(client, coordinator, publish=False)
    assert draft["status"] == "draft" and draft["version"] == 0
    assert draft["allowed_actions"] == ["publish"]
    assert (await client.get(f"/records/{draft['id']}")).status_code == 404
    assert (await client.get(f"/records/{draft['id']}/versions")).status_code == 404
    assert (await client.get(f"/records/{draft['id']}/citation")).status_code == 404
    assert (await client.get("/records")).json()["total"] == 0
    staff_view = await client.get(f"/records/{draft['id']}", headers=coordinator)
    assert staff_view.status_code == 200 and staff_view.json()["status"] == "draft"
    drafts = (await client.get("/records", params={"status": "draft"}, headers=coordinator)).json()
    assert [r["id"] for r in drafts["items"]] == [draft["id"]]
    assert await outbox(db) == []  # drafts publish nothing


async def test_publish_update_withdraw_and_their_events(
    client: httpx.AsyncClient, coordinator: dict[str, str], db: Database
) -> None:
    authors = [
        {"name": "Aminata Diallo", "expert_id": EXPERT},
        {"name": "UCLG Africa", "organisation": True},
        {"name": "Kofi Mensah", "expert_id": OTHER_EXPERT},
    ]
    record = await create_record(
        client, coordinator, authors=authors, themes=["local_finance", "participatory_budgeting"]
    )
    assert record["status"] == "published" and record["version"] == 1
    assert record["published_at"] is not None
    public = await client.get(f"/records/{record['id']}")
    assert public.status_code == 200
    assert public.json()["allowed_actions"] is None and public.json()["withdrawn_reason"] is None

    changed = await client.patch(
        f"/records/{record['id']}", json={"authors": authors[:2], "publisher": "ALGA"}, headers=coordinator
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2

    refused = await client.post(
        f"/records/{record['id']}/transitions", json={"action": "withdraw"}, headers=coordinator
    )
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "reason"
    withdrawn = await client.post(
        f"/records/{record['id']}/transitions",
        json={"action": "withdraw", "reason": "Superseded by the 2025 edition"},
        headers=coordinator,
    )
    assert withdrawn.status_code == 200
    assert withdrawn.json()["status"] == "withdrawn" and withdrawn.json()["allowed_actions"] == []

    events = await outbox(db)
    assert [t for t, _ in events] == [
        "publications.record.published",
        "publications.record.updated",
        "publications.record.withdrawn",
    ]
    published = events[0][1]
    assert published == {
        "record_id": record["id"],
        "title": {
            "fr": "Les finances locales à l'épreuve de la décentralisation",
            "en": "Local finance put to the test of decentralisation",
        },
        "type": "policy_brief",
        "themes": ["local_finance", "participatory_budgeting"],
        "published_on": "2024-05-12",
        "author_expert_ids": [EXPERT, OTHER_EXPERT],
        "partner_ids": [],
        "status": "published",
        "version": 1,
        "language": "fr",
        "doi": None,
        "url": f"https://campus.example.org/library/{record['id']}",
        "withdrawn_reason": None,
    }
    assert events[1][1]["author_expert_ids"] == [EXPERT] and events[1][1]["version"] == 2
    assert events[2][1]["status"] == "withdrawn"
    assert events[2][1]["withdrawn_reason"] == "Superseded by the 2025 edition"


async def test_a_withdrawn_record_is_a_public_tombstone(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    record = await create_record(client, coordinator, doi="10.5555/alga.tombstone")
    await client.post(
        f"/records/{record['id']}/transitions",
        json={"action": "withdraw", "reason": "Published by mistake"},
        headers=coordinator,
    )
    for path in ("", "/versions", "/versions/1", "/citation?format=ris"):
        gone = await client.get(f"/records/{record['id']}{path}")
        assert gone.status_code == 410, path
        body = gone.json()
        assert gone.headers["content-type"] == "application/problem+json"
        assert body["reason"] == "Published by mistake"
        assert body["record_id"] == record["id"] and body["doi"] == "10.5555/alga.tombstone"
        assert body["title"] == "Withdrawn"
        assert body["record_title"]["fr"] == "Les finances locales à l'épreuve de la décentralisation"
        assert body["withdrawn_at"]
    assert (await client.get("/records")).json()["total"] == 0
    staff = await client.get(f"/records/{record['id']}", headers=coordinator)
    assert staff.status_code == 200 and staff.json()["withdrawn_reason"] == "Published by mistake"
    listed = await client.get("/records", params={"status": "withdrawn"}, headers=coordinator)
    assert listed.json()["total"] == 1
    # Withdrawn is final: no edits, no new files, no second withdrawal, no deletion.
    assert (
        await client.patch(f"/records/{record['id']}", json={"publisher": "X"}, headers=coordinator)
    ).status_code == 409
    again = await client.post(
        f"/records/{record['id']}/transitions", json={"action": "withdraw", "reason": "x"}, headers=coordinator
    )
    assert again.status_code == 409
    assert (await client.delete(f"/records/{record['id']}", headers=coordinator)).status_code == 409


async def test_transitions_out_of_order_are_conflicts(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    draft = await create_record(client, coordinator, publish=False)
    withdraw = await client.post(
        f"/records/{draft['id']}/transitions", json={"action": "withdraw", "reason": "x"}, headers=coordinator
    )
    assert withdraw.status_code == 409
    published = await create_record(client, coordinator)
    twice = await client.post(
        f"/records/{published['id']}/transitions", json={"action": "publish"}, headers=coordinator
    )
    assert twice.status_code == 409
    assert (await client.delete(f"/records/{published['id']}", headers=coordinator)).status_code == 409
    assert (await client.delete(f"/records/{draft['id']}", headers=coordinator)).status_code == 204
    assert (await client.get(f"/records/{draft['id']}", headers=coordinator)).status_code == 404
    unknown = await client.post("/records/nope/transitions", json={"action": "publish"}, headers=coordinator)
    assert unknown.status_code == 404


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok", "service": "publications"}
    assert (await client.get("/ready")).status_code == 200


async def test_record_body_is_minimal_enough(client: httpx.AsyncClient, coordinator: dict[str, str]) -> None:
    body = {"type": "report", "title": {"en": "A report"}, "language": "en"}
    created = await client.post("/records", json=body, headers=coordinator)
    assert created.status_code == 201, created.text
    assert created.json()["licence"]["id"] == "all-rights-reserved"
    assert record_body()["licence"] == "CC-BY-4.0"
