"""Bulk decisions and bulk enrolment from CSV: all or nothing, errors per row, progress."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from common.db import Database
from common.testing import TokenFactory

from .conftest import Person, apply, configure, publish_session, register_learner, statuses


async def test_bulk_decisions_are_all_or_nothing(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=2)
    sid = session["session_id"]
    apps = [await apply(client, Person(token_factory), sid) for _ in range(3)]
    ids = [a["id"] for a in apps]
    too_many = await client.post(
        "/applications/bulk-transitions",
        json={"application_ids": ids, "action": "accept", "message": "Bienvenue"},
        headers=coordinator.headers,
    )
    assert too_many.status_code == 409
    assert [e["field"] for e in too_many.json()["errors"]] == [ids[2]]
    assert await statuses(db, sid) == {"submitted": 3}  # nothing half-applied

    done = await client.post(
        "/applications/bulk-transitions",
        json={"application_ids": ids[:2], "action": "accept", "message": "Bienvenue"},
        headers=coordinator.headers,
    )
    assert done.status_code == 200 and done.json()["total"] == 2
    assert {i["status"] for i in done.json()["items"]} == {"accepted"}
    detail = (await client.get(f"/applications/{ids[0]}", headers=coordinator.headers)).json()
    assert detail["timeline"][-1]["message"] == "Bienvenue"
    waitlisted = await client.post(
        "/applications/bulk-transitions",
        json={"application_ids": [ids[2]], "action": "waitlist"},
        headers=coordinator.headers,
    )
    assert waitlisted.status_code == 200
    missing = await client.post(
        "/applications/bulk-transitions",
        json={"application_ids": ["nope"], "action": "reject"},
        headers=coordinator.headers,
    )
    assert missing.status_code == 404


async def _wait_for_job(client: httpx.AsyncClient, staff: Person, job_id: str) -> dict[str, Any]:
    for _ in range(200):
        job = (await client.get(f"/imports/{job_id}", headers=staff.headers)).json()
        assert job["processed"] <= job["total"]
        if job["status"] in ("completed", "failed"):
            return job  # type: ignore[no-any-return]
        await asyncio.sleep(0.02)
    raise AssertionError("the import did not finish")


async def test_csv_enrolment_with_errors_enrols_nobody(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=5)
    sid = session["session_id"]
    known = [Person(token_factory) for _ in range(3)]
    for person in known:
        await register_learner(db, person)
    applied = known[2]
    await apply(client, applied, sid)
    csv_text = (
        "email,country,organisation_name\n"
        f"{known[0].email.upper()},SN,Ville de Dakar\n"
        f"{known[1].email},XX,\n"
        "stranger@example.org,SN,\n"
        f"{applied.email},SN,\n"
        f"{known[0].email},SN,\n"
    )
    started = await client.post(
        f"/sessions/{sid}/imports",
        files={"file": ("list.csv", csv_text.encode(), "text/csv")},
        headers=coordinator.headers,
    )
    assert started.status_code == 202, started.text
    assert started.json()["total"] == 5
    job = await _wait_for_job(client, coordinator, started.json()["id"])
    assert job["status"] == "failed" and job["enrolled"] == 0 and job["processed"] == 5
    assert [(e["row"], e["field"]) for e in job["errors"]] == [
        (3, "country"),
        (4, "email"),
        (5, "email"),
        (6, "email"),
    ]
    assert await statuses(db, sid) == {"submitted": 1}


async def test_csv_enrolment_enrols_everyone_in_one_go(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=3)
    sid = session["session_id"]
    people = [Person(token_factory) for _ in range(3)]
    for person in people:
        await register_learner(db, person)
    csv_text = "email;position\n" + "".join(f"{p.email};Maire\n" for p in people[:2]) + f"{people[2].email};\n"
    started = await client.post(
        f"/sessions/{sid}/imports",
        files={"file": ("list.csv", csv_text.encode(), "text/csv")},
        headers=coordinator.headers,
    )
    job = await _wait_for_job(client, coordinator, started.json()["id"])
    assert job["status"] == "completed" and job["enrolled"] == 3 and job["errors"] == []
    assert await statuses(db, sid) == {"confirmed": 3}
    roster = (await client.get(f"/sessions/{sid}/roster", headers=coordinator.headers)).json()
    assert roster["seats_taken"] == 3 and {i["email"] for i in roster["items"]} == {p.email for p in people}

    # No seat left: a further file fails as a whole.
    extra = Person(token_factory)
    await register_learner(db, extra)
    again = await client.post(
        f"/sessions/{sid}/imports",
        files={"file": ("more.csv", f"email\n{extra.email}\n".encode(), "text/csv")},
        headers=coordinator.headers,
    )
    failed = await _wait_for_job(client, coordinator, again.json()["id"])
    assert failed["status"] == "failed" and "No seat left" in failed["errors"][0]["message"]


async def test_csv_must_name_learners(client: httpx.AsyncClient, db: Database, coordinator: Person) -> None:
    sid = (await publish_session(db))["session_id"]
    response = await client.post(
        f"/sessions/{sid}/imports", files={"file": ("x.csv", b"name\nAwa\n", "text/csv")}, headers=coordinator.headers
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "file"


async def test_bulk_enrolment_respects_quotas(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    sid = (await publish_session(db, capacity=5))["session_id"]
    await configure(client, coordinator, sid, country_quotas={"SN": 1})
    people = [Person(token_factory) for _ in range(2)]
    for person in people:
        await register_learner(db, person, country="SN")
    started = await client.post(
        f"/sessions/{sid}/imports",
        files={"file": ("q.csv", ("email\n" + "".join(p.email + "\n" for p in people)).encode(), "text/csv")},
        headers=coordinator.headers,
    )
    job = await _wait_for_job(client, coordinator, started.json()["id"])
    assert job["status"] == "failed" and [e["row"] for e in job["errors"]] == [3]
