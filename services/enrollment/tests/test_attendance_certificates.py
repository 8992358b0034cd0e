"""Attendance per day (by hand and by QR code), the completion rule, certificates and their public
verification, revocation."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx

from common.db import Database
from common.testing import TokenFactory
from enrollment.application.models import Application

from .conftest import Person, act, apply, configure, iso, outbox, publish_session, register_learner


async def _seminar_with_participants(
    client: httpx.AsyncClient, db: Database, coordinator: Person, people: list[Person]
) -> tuple[str, list[str], list[str]]:
    """A five-day residential seminar that is over; `people` confirmed. (session, application ids, days)."""
    now = datetime.now(UTC)
    data = await publish_session(db, capacity=10)
    sid = data["session_id"]
    await configure(client, coordinator, sid, admission_mode="automatic")
    ids = []
    for person in people:
        await register_learner(db, person)
        app = await apply(client, person, sid)
        await act(client, person, app["id"], "confirm")
        ids.append(app["id"])
    # The seminar took place: 5 days (Dakar time), ended yesterday.
    from .conftest import catalogue_event, session_consumer

    moved = {
        **data,
        "status": "completed",
        "starts_at": iso(now - timedelta(days=5)),
        "ends_at": iso(now - timedelta(days=1)),
        "revision": 9,
    }
    await session_consumer(db).apply(catalogue_event(moved, "completed"))
    read = (await client.get(f"/sessions/{sid}")).json()
    assert len(read["days"]) == 5 and read["completion_rule"] == "attendance"
    return sid, ids, read["days"]


async def test_attendance_completion_and_certificate(
    client: httpx.AsyncClient,
    db: Database,
    token_factory: TokenFactory,
    coordinator: Person,
    other_learner: Person,
) -> None:
    people = [Person(token_factory, name="Aïssatou Bâ"), Person(token_factory, name="Kofi Annan")]
    sid, (good, poor), days = await _seminar_with_participants(client, db, coordinator, people)

    # Four days by hand for the first, one for the second …
    for day in days[:3]:
        marked = await client.put(
            f"/sessions/{sid}/attendance/{day}",
            json={
                "records": [
                    {"application_id": good, "present": True},
                    {"application_id": poor, "present": day == days[0]},
                ]
            },
            headers=coordinator.headers,
        )
        assert marked.status_code == 200, marked.text
    # … and the fourth by scanning the learner's QR code.
    qr = await client.get(f"/applications/{good}/attendance-qr.svg", headers=people[0].headers)
    assert qr.status_code == 200 and qr.headers["content-type"].startswith("image/svg+xml")
    # A standalone SVG document: a browser draws it as an <img> only with its namespace.
    assert qr.content.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    async with db.session() as s:
        token = (await s.get(Application, good)).attendance_token  # type: ignore[union-attr]
    # The learner can read it under the QR code (to be typed when the camera fails); lists never carry it.
    mine = (await client.get(f"/applications/{good}", headers=people[0].headers)).json()
    assert mine["attendance_code"] == token
    listed = (await client.get("/applications", headers=people[0].headers)).json()["items"]
    assert listed and all("attendance_code" not in item for item in listed)
    scanned = await client.post(
        f"/sessions/{sid}/attendance/scan", json={"token": token, "day": days[3]}, headers=coordinator.headers
    )
    assert scanned.status_code == 200 and scanned.json()["full_name"] == "Aïssatou Bâ"
    assert scanned.json()["method"] == "qr"
    bad = await client.post(
        f"/sessions/{sid}/attendance/scan",
        json={"token": "not-a-real-token", "day": days[3]},
        headers=coordinator.headers,
    )
    assert bad.status_code == 404
    outside = await client.put(
        f"/sessions/{sid}/attendance/{date(2001, 1, 1)}",
        json={"records": [{"application_id": good, "present": True}]},
        headers=coordinator.headers,
    )
    assert outside.status_code == 422

    sheet = (await client.get(f"/sessions/{sid}/attendance", headers=coordinator.headers)).json()
    assert sum(1 for r in sheet["records"] if r["present"]) == 5

    # 4 of 5 days = 80%: completed; 1 of 5: not.
    result = await client.post(f"/sessions/{sid}/completion", headers=coordinator.headers)
    assert result.status_code == 200, result.text
    assert result.json()["completed"] == [good] and result.json()["not_meeting_rule"] == [poor]
    (completed,) = await outbox(db, "enrollment.enrolment.completed")
    assert completed["user_id"] == people[0].id
    (issued,) = await outbox(db, "enrollment.certificate.issued")

    mine = (await client.get(f"/applications/{good}", headers=people[0].headers)).json()
    assert mine["status"] == "completed" and mine["certificate_code"] == issued["certificate_code"]
    code = mine["certificate_code"]
    assert len(code.replace("-", "")) == 16

    # Public verification: holder, programme, session, date, status, nothing else.
    verified = await client.get(f"/certificates/{code}", params={"lang": "en"})
    assert verified.status_code == 200
    assert verified.json() == {
        "code": code,
        "holder": "Aïssatou Bâ",
        "programme": "ALGA College: Local finance",
        "session": "Local finance, Dakar 2027",
        "date": datetime.now(UTC).date().isoformat(),
        "status": "valid",
    }
    assert (await client.get(f"/certificates/{code.lower().replace('-', '')}")).json()["status"] == "valid"
    assert (await client.get("/certificates/AAAAAAAAAAAAAAAA")).status_code == 404

    pdf = await client.get(f"/certificates/{code}/pdf", headers=people[0].headers)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and b"/Image" in pdf.content
    assert (await client.get(f"/certificates/{code}/pdf", headers=other_learner.headers)).status_code == 404
    listed = (await client.get("/certificates", headers=people[0].headers)).json()
    assert [c["code"] for c in listed["items"]] == [code]
    assert listed["items"][0]["verification_url"] == f"https://campus.example.org/verify/{code}"
    assert (await client.get("/certificates", headers=other_learner.headers)).json()["total"] == 0

    revoked = await client.post(f"/certificates/{code}/revoke", json={"reason": "Fraude"}, headers=coordinator.headers)
    assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
    assert (await client.get(f"/certificates/{code}")).json()["status"] == "revoked"
    assert (
        await client.post(f"/certificates/{code}/revoke", json={"reason": "x" * 5}, headers=coordinator.headers)
    ).status_code == 409
    assert len(await outbox(db, "enrollment.certificate.revoked")) == 1

    roster = await client.get(f"/sessions/{sid}/roster", params={"format": "csv"}, headers=coordinator.headers)
    assert roster.status_code == 200 and roster.headers["content-type"].startswith("text/csv")
    lines = roster.text.strip().splitlines()
    assert lines[0].startswith("application_id,status,learner_id,full_name")
    assert any("Aïssatou Bâ" in line and ",4,5,80.0," in line for line in lines[1:])


async def test_manual_completion_for_internships_with_placement(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person
) -> None:
    now = datetime.now(UTC)
    data = await publish_session(
        db, delivery_mode="internship", starts_at=iso(now - timedelta(days=30)), ends_at=iso(now - timedelta(days=2))
    )
    sid = data["session_id"]
    await configure(client, coordinator, sid, admission_mode="automatic")
    app = await apply(client, learner, sid)
    await act(client, learner, app["id"], "confirm")
    pdf = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
    report = await client.post(
        f"/applications/{app['id']}/attachments",
        data={"kind": "report"},
        files={"file": ("rapport.pdf", pdf, "application/pdf")},
        headers=learner.headers,
    )
    placement = await client.put(
        f"/applications/{app['id']}/placement",
        json={
            "host_organisation": "Ville de Rabat",
            "host_country": "ma",
            "tutor_name": "Fatima Zahra",
            "tutor_email": "fz@rabat.ma",
            "report_title": "La fiscalité locale à Rabat",
            "report_attachment_id": report.json()["id"],
            "report_accepted": True,
        },
        headers=coordinator.headers,
    )
    assert placement.status_code == 200, placement.text
    assert placement.json()["host_country"] == "MA"
    assert (
        await client.put(f"/applications/{app['id']}/placement", json={}, headers=learner.headers)
    ).status_code == 403
    done = await act(client, coordinator, app["id"], "complete", message="Rapport validé")
    assert done["status"] == "completed" and done["certificate_code"]
    assert done["placement"]["tutor_name"] == "Fatima Zahra"
    not_attendance = await client.post(f"/sessions/{sid}/completion", headers=coordinator.headers)
    assert not_attendance.status_code == 409


async def test_offer_deadline_never_after_the_start(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person
) -> None:
    now = datetime.now(UTC)
    data = await publish_session(db, starts_at=iso(now + timedelta(days=2)), ends_at=iso(now + timedelta(days=4)))
    await configure(client, coordinator, data["session_id"], admission_mode="automatic", confirmation_days=10)
    app = await apply(client, learner, data["session_id"])
    assert datetime.fromisoformat(app["offer_expires_at"]) <= now + timedelta(days=2, minutes=1)
