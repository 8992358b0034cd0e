"""The coordinators' dashboard in the browser: two new learners apply (through the API), a
coordinator opens the dashboard, filters it by one learner's country (the address and the figures
change), follows the "applications to review" link into the review queue, filtered, and accepts
that application there; the learner, in their own browser, finds the notification in their list.
Then, with the library's service stopped, the dashboard still shows the rest and names what is
missing.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.journeys import bearer, log_in_in_browser, until
from devstack.stack import Stack

pytestmark = pytest.mark.e2e

PASSWORD = "une phrase de passe solide 2027"
#: Two countries the seed gives no learner, so that the filter's effect is ours to predict.
COUNTRY, OTHER_COUNTRY = "ST", "KM"
REVIEW_LINK = re.compile(r"Candidatures à examiner")


def _new_learner(http: httpx.Client, name: str, country: str) -> tuple[str, dict[str, str]]:
    email = f"dash-{uuid.uuid4().hex[:10]}@example.org"
    registered = http.post(
        "/api/identity/auth/register",
        json={"email": email, "password": PASSWORD, "full_name": name, "country": country},
    )
    assert registered.status_code == 201, registered.text
    return email, bearer(http, email, PASSWORD)


def _open_session(http: httpx.Client) -> dict[str, Any]:
    """A seeded session open for applications, without questions or endorsement."""
    sessions = http.get("/api/catalogue/sessions", params={"open": "true", "limit": 50}).json()["items"]
    for session in sessions:
        detail = http.get(f"/api/enrollment/sessions/{session['id']}")
        if detail.status_code != 200:
            continue
        body = detail.json()
        if body["applications_open"] and not body["questions"] and not body.get("requires_endorsement"):
            return session  # type: ignore[no-any-return]
    raise AssertionError("no seeded session open for applications without questions or endorsement")


def _queue_count(page: Page) -> int:
    link = page.get_by_role("link", name=REVIEW_LINK)
    expect(link).to_be_visible()
    match = re.match(r"\s*(\d+)", link.inner_text())
    assert match, link.inner_text()
    return int(match.group(1))


def test_a_coordinator_filters_the_dashboard_and_accepts_from_its_queue(
    page: Page, browser: Browser, base_url: str, live_stack: Stack
) -> None:
    with httpx.Client(base_url=base_url, timeout=15) as http:
        staff = bearer(http, "coordinator@example.org", live_stack.demo_password or "")
        session = _open_session(http)
        email, learner = _new_learner(http, "Maria da Graça Neves", COUNTRY)
        _, other = _new_learner(http, "Said Ahmed Mohamed", OTHER_COUNTRY)
        for who in (learner, other):
            applied = http.post(
                "/api/enrollment/applications",
                json={"session_id": session["id"], "motivation": "Piloter le budget participatif de ma commune."},
                headers={**who, "Idempotency-Key": str(uuid.uuid4())},
            )
            assert applied.status_code == 201, applied.text
            assert applied.json()["status"] == "submitted"

        # Enrollment learns the learners' countries from identity's events: wait until it knows ours.
        def counted(country: str) -> int:
            overview = http.get("/api/dashboard/overview", params={"country": country}, headers=staff)
            assert overview.status_code == 200, overview.text
            return int(overview.json()["parts"]["enrollment"]["data"]["queue"]["to_review"]["value"])

        until(lambda: counted(COUNTRY) == 1 and counted(OTHER_COUNTRY) == 1, what="both applications by country")

    # The coordinator opens the dashboard: every application to review, ours and the other one.
    log_in_in_browser(page, base_url, "coordinator@example.org", live_stack.demo_password or "")
    nav = page.get_by_role("navigation", name="Navigation principale")
    nav.get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", level=1, name="Tableau de bord")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/manage/dashboard$"))
    everyone = _queue_count(page)
    assert everyone >= 2
    expect(page.get_by_role("table", name="Candidatures de la période, par statut")).to_be_attached()

    # Filtered by the learner's country: the address says so, and the figures narrow.
    filters = page.get_by_role("search", name="Filtres du tableau de bord")
    filters.get_by_label("Pays").select_option(COUNTRY)
    filters.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(rf"/manage/dashboard\?country={COUNTRY}$"))
    expect(page.get_by_role("link", name=REVIEW_LINK)).to_have_text(re.compile(r"^\s*1(?!\d)"))
    assert _queue_count(page) == 1 < everyone
    # The filter survives a reload: it lives in the address.
    page.reload()
    expect(page.get_by_role("search", name="Filtres du tableau de bord").get_by_label("Pays")).to_have_value(COUNTRY)
    expect(page.get_by_role("link", name=REVIEW_LINK)).to_have_text(re.compile(r"^\s*1(?!\d)"))

    # Its queue link leads into the review queue with the pending statuses and the country.
    page.get_by_role("link", name=REVIEW_LINK).click()
    expect(page.get_by_role("heading", level=1, name="Candidatures à examiner")).to_be_visible()
    query = parse_qs(urlparse(page.url).query)
    assert query == {"status": ["submitted", "endorsed", "under_review"], "country": [COUNTRY]}
    queue = page.get_by_role("table", name="Candidatures à examiner")
    expect(queue.get_by_role("row")).to_have_count(2)  # the header and our learner only
    expect(queue).to_contain_text("Maria da Graça Neves")
    expect(queue).not_to_contain_text("Said Ahmed Mohamed")
    queue.get_by_role("button", name="Accepter Maria da Graça Neves").click()
    expect(page.get_by_text("1 candidature mise à jour.")).to_be_visible()

    # The learner, in their own browser, finds the notification of the decision in their list.
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    learner_page = context.new_page()
    try:
        log_in_in_browser(learner_page, base_url, email, PASSWORD)
        accepted = re.compile(rf"Candidature acceptée : {re.escape(session['title'])}")

        def notified() -> bool:
            learner_page.goto(f"{base_url}/me/notifications")
            expect(learner_page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()
            return learner_page.get_by_role("heading", level=2, name=accepted).count() > 0

        until(notified, what="the acceptance in the learner's notification list")
        expect(learner_page.get_by_role("heading", level=2, name=accepted)).to_be_visible()
    finally:
        context.close()


def test_the_dashboard_names_a_missing_part_and_shows_the_rest(page: Page, base_url: str, live_stack: Stack) -> None:
    log_in_in_browser(page, base_url, "coordinator@example.org", live_stack.demo_password or "")
    live_stack.stop_one("publications")
    try:
        page.goto(f"{base_url}/manage/dashboard")
        expect(page.get_by_role("heading", level=1, name="Tableau de bord")).to_be_visible()
        alert = page.get_by_role("alert").filter(has_text="Une partie des chiffres manque.")
        expect(alert).to_contain_text("Bibliothèque (publications) : le service est indisponible")
        # The rest is there; the library's own section says its figures are missing.
        expect(page.get_by_role("table", name="Candidatures de la période, par statut")).to_be_attached()
        expect(page.get_by_role("link", name=REVIEW_LINK)).to_be_visible()
        library = page.get_by_role("region", name="Publications")
        expect(library).to_contain_text("Ces chiffres manquent : Bibliothèque (publications)")
    finally:
        live_stack.start_one("publications")
    page.reload()
    expect(page.get_by_role("table", name="Candidatures de la période, par statut")).to_be_attached()
    expect(page.get_by_text("Une partie des chiffres manque.")).to_have_count(0)
    expect(page.get_by_role("region", name="Publications")).not_to_contain_text("Ces chiffres manquent")
