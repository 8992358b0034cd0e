"""Notifications through the gateway, with every process real: identity's registration event makes
the learner known to notifications; experts' verification and enrollment's decisions (and a session
moved in catalogue) each give one message in the learner's language, listed at
/api/notifications/notifications and written as an .eml file under var/mail/."""

from __future__ import annotations

import email
import uuid
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest

from devstack.journeys import bearer, until
from devstack.stack import Stack

pytestmark = pytest.mark.system

PASSWORD = "une phrase de passe solide 2027"


def _register(http: httpx.Client, name: str, language: str) -> tuple[str, str, dict[str, str]]:
    address = f"learner-{uuid.uuid4().hex[:8]}@example.org"
    registered = http.post(
        "/api/identity/auth/register",
        json={
            "email": address,
            "password": PASSWORD,
            "full_name": name,
            "country": "SN",
            "preferred_language": language,
        },
    )
    assert registered.status_code == 201, registered.text
    return registered.json()["id"], address, bearer(http, address, PASSWORD)


def _notification(http: httpx.Client, headers: dict[str, str], kind: str) -> dict[str, Any]:
    def found() -> dict[str, Any] | None:
        response = http.get("/api/notifications/notifications", headers=headers)
        assert response.status_code == 200, response.text
        return next((i for i in response.json()["items"] if i["kind"] == kind), None)

    return until(found, what=f"the {kind} notification")


def _emails(stack: Stack, address: str) -> list[EmailMessage]:
    found = []
    for path in sorted((stack.var_dir / "mail").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        assert isinstance(message, EmailMessage)
        if address in str(message["To"]):
            found.append(message)
    return found


def _email(stack: Stack, address: str, subject_start: str) -> EmailMessage:
    def found() -> EmailMessage | None:
        return next((m for m in _emails(stack, address) if str(m["Subject"]).startswith(subject_start)), None)

    return until(found, what=f"the e-mail {subject_start!r} to {address}")


def _text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def test_expert_verified_reaches_the_learner_in_english(live_stack: Stack) -> None:
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        _, address, learner = _register(http, "Kwame Mensah", "en")
        applied = http.post(
            "/api/experts/applications", json={"full_name": "Kwame Mensah", "country": "GH"}, headers=learner
        )
        assert applied.status_code == 201, applied.text
        staff = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        verified = http.post(
            f"/api/experts/profiles/{applied.json()['id']}/transitions", json={"action": "verify"}, headers=staff
        )
        assert verified.status_code == 200, verified.text

        item = _notification(http, learner, "expert_verified")
        assert item["subject"] == "Your expert profile is verified" and item["language"] == "en"
        assert item["read"] is False and item["url"].endswith(f"/experts/{applied.json()['id']}")
        message = _email(live_stack, address, "Your expert profile is verified")
        assert message["To"] == f"Kwame Mensah <{address}>"
        assert _text(message).startswith("Hello Kwame Mensah,")

        count = http.get("/api/notifications/notifications/unread-count", headers=learner)
        assert count.status_code == 200 and count.json() == {"unread": 1}
        read = http.post(f"/api/notifications/notifications/{item['id']}/read", headers=learner)
        assert read.status_code == 200 and read.json()["read"] is True
        assert http.get("/api/notifications/notifications/unread-count", headers=learner).json() == {"unread": 0}

        # Nobody else sees it; nobody without a token sees anything.
        _, _, other = _register(http, "Fatou Sow", "fr")
        assert http.get(f"/api/notifications/notifications/{item['id']}", headers=other).status_code == 404
        assert http.get("/api/notifications/notifications", headers=other).json()["total"] == 0
        anonymous = http.get("/api/notifications/notifications")
        assert anonymous.status_code == 401
        assert anonymous.headers["content-type"] == "application/problem+json"
    # One event, one message: still one e-mail once everything has settled.
    assert len(_emails(live_stack, address)) == 1


def _open_session(http: httpx.Client, staff: dict[str, str]) -> tuple[str, datetime]:
    now = datetime.now(UTC)
    programmes = http.get("/api/catalogue/programmes", params={"limit": 50}).json()["items"]
    programme = next(p for p in programmes if p.get("kind") == "college")
    local = (now + timedelta(days=40)).replace(microsecond=0, tzinfo=None)
    created = http.post(
        "/api/catalogue/sessions",
        json={
            "programme_id": programme["id"],
            "delivery_mode": "residential_seminar",
            "language": "fr",
            "starts_at": local.isoformat(),
            "ends_at": (local + timedelta(days=4)).isoformat(),
            "timezone": "Africa/Dakar",
            "venue": {"city": "Dakar", "country": "SN"},
            "capacity": 5,
            "applications_open_at": (local - timedelta(days=45)).isoformat(),
            "applications_close_at": (local - timedelta(days=10)).isoformat(),
        },
        headers=staff,
    )
    assert created.status_code == 201, created.text
    session_id = str(created.json()["id"])
    for action in ("publish", "open_applications"):
        moved = http.post(f"/api/catalogue/sessions/{session_id}/transitions", json={"action": action}, headers=staff)
        assert moved.status_code == 200, moved.text

    def opened() -> bool:
        response = http.get(f"/api/enrollment/sessions/{session_id}")
        return response.status_code == 200 and bool(response.json()["applications_open"])

    until(opened, what="the session in enrollment's read model")
    return session_id, local


def test_application_decisions_and_a_moved_session_in_french(live_stack: Stack) -> None:
    if not {"catalogue", "enrollment"} <= set(live_stack.ports):
        pytest.skip("catalogue and enrollment are not both part of the stack")
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        staff = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        session_id, local = _open_session(http, staff)
        _, address, learner = _register(http, "Aïssatou Bâ", "fr")
        applied = http.post(
            "/api/enrollment/applications",
            json={"session_id": session_id, "motivation": "Moderniser les finances de ma commune."},
            headers=learner,
        )
        assert applied.status_code == 201, applied.text
        application_id = applied.json()["id"]

        received = _notification(http, learner, "application_received")
        assert received["subject"].startswith("Candidature reçue : ") and received["language"] == "fr"
        assert received["url"].endswith(f"/applications/{application_id}")

        accepted = http.post(
            f"/api/enrollment/applications/{application_id}/transitions",
            json={"action": "accept", "message": "Bienvenue à Dakar"},
            headers=staff,
        )
        assert accepted.status_code == 200, accepted.text
        item = _notification(http, learner, "application_accepted")
        assert "Message de l'équipe de l'académie : « Bienvenue à Dakar »" in item["body"]
        message = _email(live_stack, address, "Candidature acceptée : ")
        assert message["Content-Language"] == "fr"
        assert "Merci de confirmer votre place avant le " in _text(message)

        # Catalogue moves the session by a week: she holds a place, so she is told.
        later = local + timedelta(days=7)
        moved = http.patch(
            f"/api/catalogue/sessions/{session_id}",
            json={"starts_at": later.isoformat(), "ends_at": (later + timedelta(days=4)).isoformat()},
            headers=staff,
        )
        assert moved.status_code == 200, moved.text
        news = _notification(http, learner, "session_moved")
        assert news["subject"].startswith("Nouvelles dates ou nouveau lieu : ")
        assert "Lieu : Dakar, Sénégal" in news["body"]
        _email(live_stack, address, "Nouvelles dates ou nouveau lieu : ")

        listed = http.get("/api/notifications/notifications", headers=learner).json()
        assert [i["kind"] for i in listed["items"]] == ["session_moved", "application_accepted", "application_received"]
        assert listed["unread"] == 3
    assert len(_emails(live_stack, address)) == 3
