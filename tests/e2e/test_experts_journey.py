"""The Community of Experts in the browser: a user applies to join, a coordinator verifies them, a
visitor finds them in the directory by theme and country and opens their profile.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import json
import re
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.journeys import log_in_in_browser
from devstack.stack import Stack

pytestmark = pytest.mark.e2e

PASSWORD = "une phrase de passe solide 2027"
LOCAL = {"127.0.0.1", "localhost"}


def test_a_user_applies_a_coordinator_verifies_and_a_visitor_finds_them(
    page: Page, browser: Browser, base_url: str, live_stack: Stack
) -> None:
    word = uuid.uuid4().hex[:6]
    name = f"Adjoa Mensah-{word.upper()}"
    email = f"adjoa-{word}@example.org"
    requested: list[str] = []
    page.context.on("request", lambda request: requested.append(request.url))
    # The account itself comes from the API: registering in the browser is the account journey's.
    registered = httpx.post(
        f"{base_url}/api/identity/auth/register",
        json={"email": email, "password": PASSWORD, "full_name": name, "country": "BJ"},
    )
    assert registered.status_code == 201, registered.text

    # The applicant finds the way in from the directory.
    log_in_in_browser(page, base_url, email, PASSWORD)
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Experts").click()
    expect(page.get_by_role("heading", level=1, name="Experts")).to_be_visible()
    page.get_by_role("link", name="Vous êtes expert ? Rejoignez la communauté").click()
    expect(page.get_by_role("heading", level=1, name="Rejoindre la communauté")).to_be_visible()

    main = page.get_by_role("main")
    expect(main.get_by_label("Nom complet")).to_have_value(name)
    expect(main.get_by_label("Pays de résidence")).to_have_value("BJ")
    main.get_by_label("Fonction (facultatif)").fill("Chargée de la coopération décentralisée")
    main.get_by_label("Pays d'intervention (facultatif)").select_option(["TG", "NE"])
    themes = main.get_by_role("group", name="Thèmes d'expertise")
    themes.get_by_role("checkbox", name="Coopération transfrontalière").check()
    themes.get_by_role("checkbox", name="Finances locales").check()
    languages = main.get_by_role("group", name="Langues de travail")
    languages.get_by_label("Français").select_option("native")
    languages.get_by_label("Anglais").select_option("professional")
    main.get_by_label("Présentation (Français)").fill("Quinze ans de coopération entre communes frontalières.")
    main.get_by_label("Téléphone (facultatif)").fill("+229 21 30 00 00")
    main.get_by_role("checkbox", name=re.compile("annuaire public")).check()
    # A mistyped ORCID iD first: the API's error shows next to the field, which takes the focus.
    orcid = main.get_by_label("ORCID iD (facultatif)")
    orcid.fill("0000-0002-1825-0098")
    main.get_by_role("button", name="Envoyer ma candidature").click()
    expect(orcid).to_have_attribute("aria-invalid", "true")
    expect(orcid).to_be_focused()
    expect(main.get_by_role("alert").first).to_contain_text("Veuillez corriger les champs signalés.")
    orcid.fill("https://orcid.org/0000-0002-1825-0097")
    main.get_by_role("button", name="Envoyer ma candidature").click()

    expect(page.get_by_role("heading", level=1, name="Mon profil d'expert")).to_be_visible()
    expect(page).to_have_url(f"{base_url}/me/expert")
    status = page.get_by_role("region", name="Ma candidature")
    expect(status).to_contain_text("En attente de validation")

    # A coordinator (another browser) verifies the application from the vetting queue.
    staff = browser.new_context(locale="fr-FR")
    try:
        coordinator = staff.new_page()
        log_in_in_browser(coordinator, base_url, "coordinator@example.org", live_stack.demo_password or "")
        nav = coordinator.get_by_role("navigation", name="Navigation principale")
        nav.get_by_role("link", name="Valider les experts").click()
        expect(coordinator.get_by_role("heading", level=1, name="Valider les experts")).to_be_visible()
        application = coordinator.get_by_role("article", name=name)
        expect(application).to_contain_text(email)
        expect(application).to_contain_text("+229 21 30 00 00")
        application.get_by_label("Note pour le candidat").fill("Bienvenue dans la communauté.")
        application.get_by_role("button", name="Valider").click()
        expect(coordinator.get_by_role("status").filter(has_text="est validé")).to_have_text(
            f"Le profil de {name} est validé."
        )
        expect(application).to_have_count(0)
    finally:
        staff.close()

    # The applicant sees the decision and the coordinator's note.
    page.reload()
    expect(status).to_contain_text("Validé")
    expect(status).to_contain_text("Bienvenue dans la communauté.")

    # A visitor (no session) finds them by theme and country; each option says how many it gives.
    visitor = browser.new_context(locale="fr-FR")
    try:
        other = visitor.new_page()
        other.on("request", lambda request: requested.append(request.url))
        other.goto(f"{base_url}/experts")
        results = other.get_by_role("region", name="Experts")
        expect(results.get_by_role("status")).to_contain_text("trouvé")
        other.get_by_role("group", name="Thème").get_by_role(
            "checkbox", name=re.compile(r"^Coopération transfrontalière \(\d+\)$")
        ).check()
        expect(other).to_have_url(re.compile(r"[?&]theme=cross_border_cooperation"))
        other.get_by_role("group", name="Pays").get_by_role("checkbox", name=re.compile(r"^Bénin \(\d+\)$")).check()
        expect(other).to_have_url(re.compile(r"[?&]country=BJ"))
        assert parse_qs(urlsplit(other.url).query) == {"theme": ["cross_border_cooperation"], "country": ["BJ"]}
        expect(results).not_to_have_attribute("aria-busy", "true")
        card = results.get_by_role("article", name=name)
        expect(card).to_contain_text("Bénin")
        expect(card).to_contain_text("Coopération transfrontalière")
        card.get_by_role("link", name=name).click()

        expect(other.get_by_role("heading", level=1, name=name)).to_be_visible()
        expect(other).to_have_url(re.compile(r"/experts/[0-9a-f-]{36}$"))
        facts = other.get_by_role("complementary", name="En bref")
        expect(facts).to_contain_text("Togo")
        expect(facts).to_contain_text("0000-0002-1825-0097")
        # The page carries the expert's schema.org Person; nothing private is on it.
        json_ld = other.locator('script[type="application/ld+json"]')
        expect(json_ld).to_have_count(1)
        person = json.loads(json_ld.text_content() or "{}")
        assert person["@type"] == "Person" and person["name"] == name
        content = other.content()
        assert email not in content and "21 30 00 00" not in content and "Bienvenue" not in content
    finally:
        visitor.close()
    assert [url for url in requested if urlsplit(url).hostname not in LOCAL] == []
