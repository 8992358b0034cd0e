"""Enrollment through the gateway, with every process real: catalogue publishes a session, its event
reaches enrollment's read model over NATS, a learner applies, a coordinator accepts, the learner
confirms; with catalogue stopped, applying still works."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import nats
import pytest

from devstack.journeys import bearer, until
from devstack.stack import Stack

pytestmark = pytest.mark.system

PASSWORD = "une phrase de passe solide 2027"


def _new_learner(http: httpx.Client, name: str, country: str) -> tuple[str, dict[str, str]]:
    email = f"learner-{uuid.uuid4().hex[:8]}@example.org"
    registered = http.post(
        "/api/identity/auth/register",
        json={"email": email, "password": PASSWORD, "full_name": name, "country": country},
    )
    assert registered.status_code == 201, registered.text
    return registered.json()["id"], bearer(http, email, PASSWORD)


def _publish_to_nats(stack: Stack, subject: str, body: dict[str, Any]) -> None:
    async def send() -> None:
        nc = await nats.connect(f"nats://127.0.0.1:{stack.nats_port}")
        try:
            js = nc.jetstream()
            await js.publish(subject, json.dumps(body).encode(), headers={"Nats-Msg-Id": body["id"]})
        finally:
            await nc.close()

    with ThreadPoolExecutor(1) as pool:  # Playwright may keep an event loop running in this thread
        pool.submit(asyncio.run, send()).result()


def _events(stack: Stack, subject: str, match: Callable[[dict[str, Any]], bool], count: int) -> list[dict[str, Any]]:
    async def find() -> list[dict[str, Any]]:
        nc = await nats.connect(f"nats://127.0.0.1:{stack.nats_port}")
        found: list[dict[str, Any]] = []
        try:
            sub = await nc.jetstream().pull_subscribe(subject, stream="ALGA")
            async with asyncio.timeout(20):
                while len(found) < count:
                    try:
                        for msg in await sub.fetch(50, timeout=1):
                            body = json.loads(msg.data)
                            if match(body):
                                found.append(body)
                    except TimeoutError:
                        continue
        finally:
            await nc.close()
        return found

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, find()).result()


def _open_session(stack: Stack, http: httpx.Client, staff: dict[str, str], capacity: int) -> str:
    """A session open for applications, announced by catalogue (or, without catalogue, its event)."""
    now = datetime.now(UTC)
    if "catalogue" not in stack.ports:
        session_id = str(uuid.uuid4())
        data = {
            "session_id": session_id,
            "title": {"fr": "Session de test", "en": "Test session"},
            "status": "applications_open",
            "language": "fr",
            "delivery_mode": "residential_seminar",
            "capacity": capacity,
            "starts_at": (now + timedelta(days=40)).isoformat(),
            "ends_at": (now + timedelta(days=44)).isoformat(),
            "timezone": "Africa/Dakar",
            "applications_open_at": (now - timedelta(days=1)).isoformat(),
            "applications_close_at": (now + timedelta(days=30)).isoformat(),
            "revision": 2,
        }
        event = {
            "id": str(uuid.uuid4()),
            "type": "catalogue.session.published",
            "source": "catalogue",
            "time": now.isoformat(),
            "data": data,
        }
        _publish_to_nats(stack, "alga.catalogue.session.published", event)
        return session_id
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
            "capacity": capacity,
            "applications_open_at": (local - timedelta(days=45)).isoformat(),
            "applications_close_at": (local - timedelta(days=10)).isoformat(),
        },
        headers=staff,
    )
    assert created.status_code == 201, created.text
    session_id = created.json()["id"]
    for action in ("publish", "open_applications"):
        moved = http.post(f"/api/catalogue/sessions/{session_id}/transitions", json={"action": action}, headers=staff)
        assert moved.status_code == 200, moved.text
    return str(session_id)


def _wait_for_read_model(http: httpx.Client, session_id: str) -> dict[str, Any]:
    def opened() -> dict[str, Any] | None:
        response = http.get(f"/api/enrollment/sessions/{session_id}")
        if response.status_code == 200 and response.json()["applications_open"]:
            return response.json()  # type: ignore[no-any-return]
        return None

    return until(opened, what="the session in enrollment's read model")  # type: ignore[no-any-return]


@contextlib.contextmanager
def _catalogue_stopped(stack: Stack) -> Iterator[None]:
    """Stop catalogue for the block, then start it again on its port (other tests use it)."""
    stack.stop_one("catalogue")
    try:
        yield
    finally:
        stack.start_one("catalogue")


def test_apply_accept_confirm_through_the_gateway(live_stack: Stack) -> None:
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        staff = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        session_id = _open_session(live_stack, http, staff, capacity=2)
        seats = _wait_for_read_model(http, session_id)
        assert seats["capacity"] == 2 and seats["seats_taken"] == 0

        learner_id, learner = _new_learner(http, "Aïssatou Bâ", "SN")
        _, other = _new_learner(http, "Kwame Mensah", "GH")
        applied = http.post(
            "/api/enrollment/applications",
            json={"session_id": session_id, "motivation": "Moderniser les finances de ma commune."},
            headers={**learner, "Idempotency-Key": f"journey-{session_id}"},
        )
        assert applied.status_code == 201, applied.text
        application = applied.json()
        assert application["status"] == "submitted" and application["learner_id"] == learner_id
        retried = http.post(
            "/api/enrollment/applications",
            json={"session_id": session_id, "motivation": "Moderniser les finances de ma commune."},
            headers={**learner, "Idempotency-Key": f"journey-{session_id}"},
        )
        assert retried.status_code == 201 and retried.json()["id"] == application["id"]

        # Another learner cannot see it; the coordinator's queue has it, with the profile from identity's event.
        assert http.get(f"/api/enrollment/applications/{application['id']}", headers=other).status_code == 404

        def in_queue() -> dict[str, Any] | None:
            queue = http.get(
                "/api/enrollment/applications", params={"session_id": session_id, "country": "SN"}, headers=staff
            ).json()
            return queue if queue["total"] == 1 else None

        assert until(in_queue, what="the application in the review queue")["items"][0]["id"] == application["id"]
        accepted = http.post(
            f"/api/enrollment/applications/{application['id']}/transitions",
            json={"action": "accept", "message": "Bienvenue à Dakar"},
            headers=staff,
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "accepted" and accepted.json()["offer_expires_at"]
        confirmed = http.post(
            f"/api/enrollment/applications/{application['id']}/transitions", json={"action": "confirm"}, headers=learner
        )
        assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
        assert [t["action"] for t in confirmed.json()["timeline"]] == ["submit", "accept", "confirm"]
        assert confirmed.json()["timeline"][1]["message"] == "Bienvenue à Dakar"

        roster = http.get(f"/api/enrollment/sessions/{session_id}/roster", headers=staff)
        assert roster.status_code == 200 and [r["application_id"] for r in roster.json()["items"]] == [
            application["id"]
        ]
        assert roster.json()["items"][0]["full_name"] == "Aïssatou Bâ"
        assert http.get(f"/api/enrollment/sessions/{session_id}/roster", headers=learner).status_code == 403
        assert http.get(f"/api/enrollment/sessions/{session_id}/roster").status_code == 401

    # The relay published enrollment's events to NATS, with what notifications needs.
    (accepted_event,) = _events(
        live_stack,
        "alga.enrollment.application.accepted",
        lambda e: e["data"]["application_id"] == application["id"],
        1,
    )
    assert accepted_event["data"]["user_id"] == learner_id and accepted_event["data"]["offer_expires_at"]
    assert accepted_event["data"]["message"] == "Bienvenue à Dakar"


def test_applying_works_while_catalogue_is_down(live_stack: Stack) -> None:
    if "catalogue" not in live_stack.ports:
        pytest.skip("catalogue is not part of the stack yet")
    with httpx.Client(base_url=live_stack.gateway_url, timeout=15) as http:
        staff = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        session_id = _open_session(live_stack, http, staff, capacity=5)
        _wait_for_read_model(http, session_id)
        _, learner = _new_learner(http, "Fatou Sow", "SN")
        with _catalogue_stopped(live_stack):
            assert http.get(f"/api/catalogue/sessions/{session_id}").status_code in (502, 503, 504)
            applied = http.post(
                "/api/enrollment/applications",
                json={"session_id": session_id, "motivation": "Catalogue ou pas, je postule."},
                headers=learner,
            )
            assert applied.status_code == 201, applied.text
            assert applied.json()["session"]["title"]
        # Catalogue back: its cancellation reaches enrollment and ends the application.
        cancelled = http.post(
            f"/api/catalogue/sessions/{session_id}/transitions",
            json={"action": "cancel", "reason": "Salle indisponible"},
            headers=staff,
        )
        assert cancelled.status_code == 200, cancelled.text

        def ended() -> bool:
            got = http.get(f"/api/enrollment/applications/{applied.json()['id']}", headers=learner).json()
            return bool(got["status"] == "cancelled")

        until(ended, what="the application cancelled with its session")
