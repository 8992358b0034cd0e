"""Helpers for the tests that drive a running stack (tests/system, tests/e2e): waiting for what
crosses NATS, and signing in through the gateway's API or in the browser."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:  # Playwright is a test dependency only; the browser helper imports it lazily.
    from playwright.sync_api import Page


def until(check: Callable[[], Any], *, timeout: float = 30.0, interval: float = 0.1, what: str = "condition") -> Any:
    """Poll until `check()` answers something truthy (events cross NATS: eventually, not at once),
    and return that answer; fail naming `what` when the deadline passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"{what} not reached within {timeout}s")


def sign_in(http: httpx.Client, email: str, password: str) -> dict[str, Any]:
    """Log in through identity and return its answer (tokens and user). The client's cookies are
    cleared: each later call says who it is with a Bearer token, so one client can act as several
    people."""
    response = http.post("/api/identity/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    http.cookies.clear()
    body: dict[str, Any] = response.json()
    return body


def bearer(http: httpx.Client, email: str, password: str) -> dict[str, str]:
    """The Authorization header of a freshly signed-in account."""
    return {"Authorization": f"Bearer {sign_in(http, email, password)['access_token']}"}


def log_in_in_browser(page: Page, base_url: str, email: str, password: str) -> None:
    """Log in through the SPA's French login form and wait for the account page."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}/login")
    main = page.get_by_role("main")
    main.get_by_label("Adresse e-mail").fill(email)
    main.get_by_label("Mot de passe").fill(password)
    main.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1, name="Mon compte")).to_be_visible()
