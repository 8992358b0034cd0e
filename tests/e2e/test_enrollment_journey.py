"""Enrollment in the browser: the demo learner applies from a session page, a coordinator accepts
through the API, the learner confirms the seat in My space and the bell's unread count goes up.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from devstack.stack import Stack

pytestmark = pytest.mark.e2e

BELL = re.compile(r"^Notifications( : (\d+) non lues?)?$")


def _until(check: Callable[[], Any], *, timeout: float = 30.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"{what} not reached within {timeout}s")


def _login(http: httpx.Client, email: str, password: str) -> tuple[dict[str, str], dict[str, Any]]:
    response = http.post("/api/identity/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    http.cookies.clear()  # each call says who it is with a Bearer token
    body = response.json()
    return {"Authorization": f"Bearer {body['access_token']}"}, body["user"]


def _open_session_without_application(http: httpx.Client, learner: dict[str, str]) -> dict[str, Any]:
    """A seeded session open for applications, without questions, where the learner has not applied."""
    mine = http.get("/api/enrollment/applications", params={"limit": 100}, headers=learner)
    assert mine.status_code == 200, mine.text
    applied = {a["session_id"] for a in mine.json()["items"]}
    sessions = http.get("/api/catalogue/sessions", params={"open": "true", "limit": 50}).json()["items"]
    for session in sessions:
        if session["id"] in applied:
            continue
        detail = http.get(f"/api/enrollment/sessions/{session['id']}")
        if detail.status_code == 200 and detail.json()["applications_open"] and not detail.json()["questions"]:
            return session  # type: ignore[no-any-return]
    raise AssertionError("no seeded session open for applications that the learner has not applied to")


def _bell_count(page: Page) -> int:
    bell = page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name=BELL)
    expect(bell).to_be_visible()
    match = BELL.match(bell.get_attribute("aria-label") or "")
    assert match, bell.get_attribute("aria-label")
    return int(match.group(2) or 0)


def test_a_learner_applies_is_accepted_confirms_and_is_notified(
    page: Page, base_url: str, live_stack: Stack
) -> None:
    password = live_stack.demo_password or ""
    with httpx.Client(base_url=base_url, timeout=15) as http:
        learner, learner_user = _login(http, "learner@example.org", password)
        staff, _ = _login(http, "coordinator@example.org", password)
        session = _open_session_without_application(http, learner)

        # The learner logs in, opens the session and applies.
        page.goto(f"{base_url}/login")
        main = page.get_by_role("main")
        main.get_by_label("Adresse e-mail").fill("learner@example.org")
        main.get_by_label("Mot de passe").fill(password)
        main.get_by_role("button", name="Se connecter").click()
        expect(page.get_by_role("heading", level=1, name="Mon compte")).to_be_visible()
        before = _bell_count(page)

        page.goto(f"{base_url}/sessions/{session['id']}")
        expect(page.get_by_role("heading", level=1, name=session["title"])).to_be_visible()
        page.get_by_role("link", name="Candidater").click()
        expect(page.get_by_role("heading", level=1, name="Candidater")).to_be_visible()
        main.get_by_label("Motivation").fill("Renforcer la mobilisation des recettes de ma commune.")
        main.get_by_role("button", name="Envoyer ma candidature").click()
        expect(main.get_by_text("Votre candidature a été envoyée.")).to_be_visible()

        # A coordinator accepts it through the API.
        listed = http.get(
            "/api/enrollment/applications",
            params={"session_id": session["id"], "learner_id": learner_user["id"]},
            headers=staff,
        )
        assert listed.status_code == 200, listed.text
        (application,) = [a for a in listed.json()["items"] if a["status"] not in ("withdrawn", "cancelled")]
        if "accept" not in application["allowed_actions"]:
            moved = http.post(
                f"/api/enrollment/applications/{application['id']}/transitions",
                json={"action": "review"},
                headers=staff,
            )
            assert moved.status_code == 200, moved.text
        accepted = http.post(
            f"/api/enrollment/applications/{application['id']}/transitions",
            json={"action": "accept", "message": "Bienvenue dans la promotion."},
            headers=staff,
        )
        assert accepted.status_code == 200, accepted.text

    # The learner confirms the seat in My space.
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Mon espace").click()
    expect(page.get_by_role("heading", level=1, name="Mon espace")).to_be_visible()
    card = page.get_by_role("article", name=session["title"])
    expect(card.get_by_text("Acceptée", exact=True)).to_be_visible()
    expect(card).to_contain_text("Bienvenue dans la promotion.")
    card.get_by_role("button", name="Confirmer ma place").click()
    expect(card.get_by_text("Place confirmée", exact=True).first).to_be_visible()
    expect(card.get_by_role("button", name="Confirmer ma place")).to_have_count(0)

    # The notifications (received, accepted) arrive over NATS: reload until the bell counts them.
    def counted() -> int | None:
        page.reload()
        count = _bell_count(page)
        return count if count > before else None

    after = _until(counted, what="a higher unread count on the bell")
    assert after > before
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name=BELL).click()
    expect(page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()
