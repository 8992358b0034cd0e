"""A visitor becomes a learner: language switch, registration, login, My account, logout.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture:
NATS, identity and the gateway serving the built SPA) in the system Chromium, with accessible
locators only. The SPA must be built first (`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect

pytestmark = pytest.mark.e2e

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _outside_requests(urls: list[str]) -> list[str]:
    outside = []
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            continue
        if parts.hostname not in LOOPBACK_HOSTS:
            outside.append(url)
    return outside


def test_visitor_registers_logs_in_sees_account_and_logs_out(page: Page, base_url: str) -> None:
    requested: list[str] = []

    def remember(request: Request) -> None:
        requested.append(request.url)

    page.context.on("request", remember)

    email = f"e2e-{uuid.uuid4().hex[:12]}@example.org"
    password = f"Kora-{uuid.uuid4().hex[:10]}-Baobab"
    full_name = "Aminata Traoré"

    # The home page opens in French, the academy's default language.
    page.goto(f"{base_url}/")
    expect(page.get_by_role("heading", level=1, name="Bienvenue sur ALGA Campus")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")

    # Switch to English.
    page.get_by_role("group", name="Langue de l'interface").get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1, name="Welcome to ALGA Campus")).to_be_visible()
    expect(page.get_by_role("heading", name="Executive Master in City Management")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # Register.
    nav = page.get_by_role("navigation", name="Main navigation")
    nav.get_by_role("link", name="Register").click()
    expect(page.get_by_role("heading", level=1, name="Create an account")).to_be_visible()
    form = page.get_by_role("main")
    form.get_by_label("Full name").fill(full_name)
    form.get_by_label("E-mail address").fill(email)
    form.get_by_label("Password").fill(password)
    # Waits until the countries have come from the API, then picks Senegal by its ISO code.
    form.get_by_label("Country").select_option("SN")
    form.get_by_label("Position (optional)").fill("Secretary-General")
    form.get_by_role("button", name="Create my account").click()

    # Log in with the new account: the login page already has the e-mail.
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    created = page.get_by_role("status").filter(has_text="Your account has been created")
    expect(created).to_be_visible()
    expect(form.get_by_label("E-mail address")).to_have_value(email)
    form.get_by_label("Password").fill(password)
    form.get_by_role("button", name="Log in").click()

    # My account shows who is signed in.
    expect(page.get_by_role("heading", level=1, name="My account")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/account$"))
    details = page.get_by_role("region", name="My details")
    expect(details.get_by_text(full_name, exact=True)).to_be_visible()
    expect(details.get_by_text(email, exact=True)).to_be_visible()
    expect(nav.get_by_role("link", name="My account")).to_be_visible()

    # Log out.
    nav.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status").filter(has_text="You are logged out.")).to_be_visible()
    expect(nav.get_by_role("link", name="Log in")).to_be_visible()
    expect(nav.get_by_role("link", name="My account")).to_have_count(0)

    # My account is no longer reachable: a fresh load is sent to the login page...
    page.goto(f"{base_url}/account")
    expect(page.get_by_role("heading", level=1, name="Log in")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/login\?redirect=%2Faccount$"))
    # ...the English choice was remembered across the reload...
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # ...and the API itself no longer knows the session (the cookies were cleared).
    assert page.request.get(f"{base_url}/api/identity/users/me").status == 401

    assert requested, "the browser made no request at all"
    assert _outside_requests(requested) == [], "the page loaded something from outside 127.0.0.1"
