"""Enrollment in the browser.

- The demo learner applies from a session page, a coordinator accepts through the API, the learner
  confirms the seat in My space and the bell's unread count goes up.
- The whole road to a certificate: a new learner applies, a coordinator accepts in the review
  queue, the learner confirms and reads their attendance code; the seminar takes place (its dates
  moved through catalogue's API); the coordinator records attendance on the roster, by the QR
  code's token typed in the field and by ticking a day, and applies the completion rule; the
  learner downloads the certificate's PDF; a visitor, logged out, verifies it.
- An endorser answers, once, through the single-use link that enrollment signs and notifications
  e-mails to them.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import email
import re
import uuid
from datetime import UTC, date, datetime, timedelta
from email import policy
from email.message import EmailMessage
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.journeys import log_in_in_browser, sign_in, until
from devstack.stack import Stack

pytestmark = pytest.mark.e2e

BELL = re.compile(r"^Notifications( : (\d+) non lues?)?$")


def _login(http: httpx.Client, email: str, password: str) -> tuple[dict[str, str], dict[str, Any]]:
    body = sign_in(http, email, password)
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


def test_a_learner_applies_is_accepted_confirms_and_is_notified(page: Page, base_url: str, live_stack: Stack) -> None:
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

    after = until(counted, what="a higher unread count on the bell")
    assert after > before
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name=BELL).click()
    expect(page.get_by_role("heading", level=1, name="Notifications")).to_be_visible()


# ------------------------------------------------------------------ to the certificate and back

PASSWORD = "une phrase de passe solide 2027"
ZONE = "Africa/Dakar"  # UTC+0 all year: the session's days are the UTC days
FRENCH_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def _french_date(day: date) -> str:
    return f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"


def _new_learner(http: httpx.Client, name: str) -> tuple[str, str, dict[str, str]]:
    """A fresh account (this journey's state must not depend on earlier runs): (email, id, headers)."""
    email = f"apprenant-{uuid.uuid4().hex[:8]}@example.org"
    registered = http.post(
        "/api/identity/auth/register",
        json={"email": email, "password": PASSWORD, "full_name": name, "country": "SN"},
    )
    assert registered.status_code == 201, registered.text
    headers, user = _login(http, email, PASSWORD)
    return email, user["id"], headers


def _new_seminar(http: httpx.Client, staff: dict[str, str]) -> dict[str, Any]:
    """A residential seminar of a published college, open for applications, as enrollment sees it."""
    programmes = http.get("/api/catalogue/programmes", params={"limit": 50}).json()["items"]
    programme = next(p for p in programmes if p.get("kind") == "college" and p.get("status") == "published")
    starts = (datetime.now(UTC) + timedelta(days=40)).replace(hour=9, minute=0, second=0, microsecond=0, tzinfo=None)
    created = http.post(
        "/api/catalogue/sessions",
        json={
            "programme_id": programme["id"],
            "delivery_mode": "residential_seminar",
            "language": "fr",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(days=1, hours=8)).isoformat(),
            "timezone": ZONE,
            "venue": {"city": "Dakar", "country": "SN"},
            "capacity": 20,
            "applications_close_at": (starts - timedelta(days=10)).isoformat(),
        },
        headers=staff,
    )
    assert created.status_code == 201, created.text
    session_id = created.json()["id"]
    for action in ("publish", "open_applications"):
        moved = http.post(f"/api/catalogue/sessions/{session_id}/transitions", json={"action": action}, headers=staff)
        assert moved.status_code == 200, moved.text

    def opened() -> dict[str, Any] | None:
        response = http.get(f"/api/enrollment/sessions/{session_id}", params={"lang": "fr"})
        return response.json() if response.status_code == 200 and response.json()["applications_open"] else None

    return until(opened, what="the new session open in enrollment")  # type: ignore[no-any-return]


def _hold_seminar_now(http: httpx.Client, staff: dict[str, str], session_id: str) -> list[str]:
    """The seminar takes place: yesterday and today at the venue (so the QR code's default day,
    today, is one of its days and completion is allowed). Catalogue's update reaches enrollment."""
    today = datetime.now(UTC).date()
    yesterday = today - timedelta(days=1)
    starts = datetime.combine(yesterday, datetime.min.time()).replace(hour=9)
    moved = http.patch(
        f"/api/catalogue/sessions/{session_id}",
        json={
            "applications_open_at": (starts - timedelta(days=5)).isoformat(),
            "applications_close_at": (starts - timedelta(days=2)).isoformat(),
            "starts_at": starts.isoformat(),
            "ends_at": datetime.combine(today, datetime.min.time()).replace(hour=17).isoformat(),
        },
        headers=staff,
    )
    assert moved.status_code == 200, moved.text
    days = [yesterday.isoformat(), today.isoformat()]

    def held() -> bool:
        return bool(http.get(f"/api/enrollment/sessions/{session_id}").json()["days"] == days)

    until(held, what="the seminar's new days in enrollment")
    return days


def test_a_learner_attends_receives_a_certificate_that_a_visitor_verifies(
    page: Page, browser: Browser, base_url: str, live_stack: Stack
) -> None:
    name = "Mariam Ouédraogo"
    with httpx.Client(base_url=base_url, timeout=15) as http:
        staff, _ = _login(http, "coordinator@example.org", live_stack.demo_password or "")
        session = _new_seminar(http, staff)
        email, _, _ = _new_learner(http, name)

        # The learner applies from the session's page.
        log_in_in_browser(page, base_url, email, PASSWORD)
        page.goto(f"{base_url}/sessions/{session['id']}")
        page.get_by_role("link", name="Candidater").click()
        main = page.get_by_role("main")
        main.get_by_label("Motivation").fill("Améliorer la collecte des recettes de ma commune.")
        main.get_by_role("button", name="Envoyer ma candidature").click()
        expect(main.get_by_text("Votre candidature a été envoyée.")).to_be_visible()

        coordinator_context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        coordinator_context.set_default_timeout(15_000)
        try:
            coordinator = coordinator_context.new_page()
            log_in_in_browser(coordinator, base_url, "coordinator@example.org", live_stack.demo_password or "")

            # The coordinator accepts it in the review queue.
            coordinator.goto(f"{base_url}/manage/applications?session={session['id']}")
            queue = coordinator.get_by_role("table", name="Candidatures à examiner")
            queue.get_by_role("button", name=f"Accepter {name}").click()
            expect(coordinator.get_by_text("1 candidature mise à jour.")).to_be_visible()
            expect(queue.get_by_text("Acceptée", exact=True)).to_be_visible()

            # The learner confirms the seat, and finds the attendance code under its QR code.
            page.goto(f"{base_url}/me/applications")
            card = page.get_by_role("article", name=session["title"])
            card.get_by_role("button", name="Confirmer ma place").click()
            expect(card.get_by_text("Place confirmée", exact=True).first).to_be_visible()
            card.get_by_text("Mon code de présence").click()
            qr_code = card.get_by_role("img", name="QR code de présence")
            expect(qr_code).to_be_visible()
            # Drawn, not only its text alternative: the SVG loaded with the session's cookie.
            page.wait_for_function("image => image.complete && image.naturalWidth > 0", arg=qr_code.element_handle())
            attendance_code = card.locator("figcaption code").inner_text().strip()
            assert len(attendance_code) >= 16

            # The seminar takes place; the coordinator records attendance on the roster.
            yesterday, today = _hold_seminar_now(http, staff, session["id"])
            coordinator.goto(f"{base_url}/manage/sessions/{session['id']}/roster")
            expect(coordinator.get_by_role("heading", level=1, name="Liste des participant·e·s")).to_be_visible()
            roster = coordinator.get_by_role("table", name="Liste des participant·e·s")
            expect(roster.get_by_role("row", name=re.compile(name))).to_contain_text("0/2")
            expect(coordinator.get_by_label("Jour")).to_have_value(today)
            # Today: the code from the QR code, as a scanner acting as a keyboard types it.
            scanner = coordinator.get_by_role("form", name="Scanner un QR code")
            scanner.get_by_label("Code du QR code").fill(attendance_code)
            scanner.get_by_label("Code du QR code").press("Enter")
            marked = f"{name} est marqué·e présent·e le {_french_date(date.fromisoformat(today))}."
            expect(scanner.get_by_text(marked)).to_be_visible()
            expect(roster.get_by_role("row", name=re.compile(name))).to_contain_text("1/2")
            # Yesterday: ticked by hand.
            coordinator.get_by_label("Jour").select_option(yesterday)
            present = coordinator.get_by_role("group", name="Présent·e·s ce jour")
            expect(present.get_by_role("checkbox", name=name)).not_to_be_checked()
            present.get_by_role("checkbox", name=name).check()
            coordinator.get_by_role("button", name="Enregistrer la présence").click()
            expect(coordinator.get_by_text("Présence enregistrée.")).to_be_visible()
            expect(roster.get_by_role("row", name=re.compile(name))).to_contain_text("2/2 (100 %)")

            # 2 days of 2 meet the rule: completed, and a certificate issued.
            completion = coordinator.get_by_role("region", name="Fin de session et certificats")
            completion.get_by_role("button", name="Appliquer la règle et délivrer les certificats").click()
            done = "1 participant·e a terminé la session : son certificat est délivré."
            expect(completion.get_by_text(done)).to_be_visible()
            row = roster.get_by_role("row", name=re.compile(name))
            expect(row.get_by_text("Formation terminée", exact=True)).to_be_visible()
            certificate_link = row.get_by_role("link", name=re.compile(r"^Certificat "))
            expect(certificate_link).to_be_visible()
            code = certificate_link.inner_text().strip()
        finally:
            coordinator_context.close()

    # The learner downloads the certificate from My space: a PDF.
    page.goto(f"{base_url}/me/applications")
    certificates = page.get_by_role("region", name="Mes certificats")
    expect(certificates).to_contain_text(code)
    with page.expect_download() as downloading:
        certificates.get_by_role("link", name="Télécharger le PDF").click()
    download = downloading.value
    assert download.suggested_filename == f"certificate-{code}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    expect(certificates.get_by_role("link", name="Page de vérification")).to_have_attribute("href", f"/verify/{code}")

    # A visitor, logged out, verifies it where the certificate's QR code points.
    visitor_context = browser.new_context(locale="fr-FR")
    try:
        visitor = visitor_context.new_page()
        visitor.goto(f"{base_url}/verify/{code}")
        result = visitor.get_by_role("region", name="Certificat valide")
        expect(result).to_be_visible()
        expect(result).to_contain_text(name)
        expect(result).to_contain_text(session["programme_title"])
        expect(result).to_contain_text(session["title"])
        expect(result).to_contain_text(_french_date(datetime.now(UTC).date()))
        expect(result).to_contain_text(code)
        expect(result).not_to_contain_text(email)
    finally:
        visitor_context.close()


# ------------------------------------------------------------------ the endorser's link


def _endorsement_link(stack: Stack, address: str) -> str:
    """The link in the e-mail notifications sent the endorser (an .eml file under var/mail here)."""

    def sent() -> str | None:
        for path in sorted((stack.var_dir / "mail").glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            assert isinstance(message, EmailMessage)
            if address in str(message["To"]) and message["X-ALGA-Notification"] == "endorsement_requested":
                body = message.get_body(preferencelist=("plain",))
                assert body is not None
                found = re.search(r"https?://\S+/endorse/\S+", str(body.get_content()))
                assert found, body.get_content()
                return found.group(0)
        return None

    return until(sent, what=f"the endorsement request e-mail to {address}")  # type: ignore[no-any-return]


def test_an_endorser_answers_once_through_the_signed_link(
    page: Page, browser: Browser, base_url: str, live_stack: Stack
) -> None:
    name = "Kwame Asante"
    endorser = f"sg-{uuid.uuid4().hex[:6]}@ville-de-thies.sn"
    with httpx.Client(base_url=base_url, timeout=15) as http:
        staff, _ = _login(http, "coordinator@example.org", live_stack.demo_password or "")
        session = _new_seminar(http, staff)
        configured = http.patch(
            f"/api/enrollment/sessions/{session['id']}/settings", json={"requires_endorsement": True}, headers=staff
        )
        assert configured.status_code == 200, configured.text
        email, learner_id, _ = _new_learner(http, name)

        # The learner applies in the browser and names who endorses the application.
        log_in_in_browser(page, base_url, email, PASSWORD)
        page.goto(f"{base_url}/sessions/{session['id']}/apply")
        main = page.get_by_role("main")
        main.get_by_label("Motivation").fill("Former les agents de ma commune à la fiscalité locale.")
        who = main.get_by_role("group", name="Qui appuie votre candidature ?")
        who.get_by_label("Nom de la personne").fill("Awa Ndiaye")
        who.get_by_label("Son adresse e-mail").fill(endorser)
        who.get_by_label("Son organisation").fill("Ville de Thiès")
        main.get_by_role("button", name="Envoyer ma candidature").click()
        expect(main.get_by_text("Votre candidature a été envoyée.")).to_be_visible()

        # The endorser receives the link by e-mail and follows it, with no account.
        path = urlsplit(_endorsement_link(live_stack, endorser)).path
        assert path.startswith("/endorse/")
        endorser_context = browser.new_context(locale="fr-FR")
        endorser_context.set_default_timeout(15_000)
        try:
            endorser_page = endorser_context.new_page()
            endorser_page.goto(f"{base_url}{path}")
            # The one application, nothing else.
            expect(endorser_page.get_by_role("heading", level=1, name="Appuyer une candidature")).to_be_visible()
            expect(endorser_page.get_by_text("Bonjour Awa Ndiaye,")).to_be_visible()
            shown = endorser_page.get_by_role("region", name="La candidature")
            expect(shown).to_contain_text(name)
            expect(shown).to_contain_text(session["title"])
            expect(shown).to_contain_text("Former les agents de ma commune à la fiscalité locale.")
            expect(endorser_page.get_by_role("main")).not_to_contain_text(email)
            endorser_page.get_by_role("radio", name="J'appuie cette candidature").check()
            endorser_page.get_by_label("Commentaire (facultatif)").fill("La mairie soutient cette candidature.")
            endorser_page.get_by_role("button", name="Envoyer ma réponse").click()
            expect(endorser_page.get_by_role("status").filter(has_text="Merci")).to_contain_text(
                f"Merci : votre appui à la candidature de {name} est enregistré."
            )

            # The link works once.
            endorser_page.reload()
            expect(endorser_page.get_by_role("alert").filter(has_text="Ce lien n'est plus valable.")).to_be_visible()
            expect(endorser_page.get_by_role("radio")).to_have_count(0)
        finally:
            endorser_context.close()

        # The learner sees who endorsed, and so do coordinators.
        page.goto(f"{base_url}/me/applications")
        card = page.get_by_role("article", name=session["title"])
        expect(card).to_contain_text("Appui demandé à Awa Ndiaye (Ville de Thiès) : candidature appuyée")
        expect(card).to_contain_text("La mairie soutient cette candidature.")
        listed = http.get(
            "/api/enrollment/applications",
            params={"session_id": session["id"], "learner_id": learner_id},
            headers=staff,
        ).json()["items"]
        (seen,) = listed
        assert seen["status"] == "endorsed"
        assert seen["endorsement"]["status"] == "endorsed"
        assert seen["endorsement"]["comment"] == "La mairie soutient cette candidature."
