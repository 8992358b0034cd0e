"""The catalogue in the browser: a visitor filters, opens a College and one of its sessions and
takes its calendar file; a coordinator creates and publishes a session that a visitor then finds.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, Page, expect

from devstack.stack import Stack

pytestmark = pytest.mark.e2e

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


@pytest.fixture
def requested(page: Page) -> Iterator[list[str]]:
    """Every URL the page's browser context asks for; none may leave the machine."""
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    yield urls
    outside = [
        url
        for url in urls
        if urlsplit(url).scheme not in {"data", "blob", "about"} and urlsplit(url).hostname not in LOOPBACK_HOSTS
    ]
    assert outside == [], "the page loaded something from outside 127.0.0.1"


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_visitor_filters_opens_a_college_and_a_session_and_adds_it_to_a_calendar(
    page: Page, base_url: str, requested: list[str]
) -> None:
    page.goto(f"{base_url}/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Catalogue").click()
    expect(page.get_by_role("heading", level=1, name="Catalogue")).to_be_visible()
    results = page.get_by_role("region", name="Sessions")
    expect(results.get_by_role("status")).to_contain_text("sessions trouvées")

    # Filter by theme, then by teaching language: each option says how many sessions it gives.
    theme = page.get_by_role("group", name="Thème").get_by_role(
        "checkbox", name=re.compile(r"^Finances locales \(\d+\)$")
    )
    theme.check()
    expect(page).to_have_url(re.compile(r"[?&]theme=local_finance"))
    language = page.get_by_role("group", name="Langue d'enseignement").get_by_role(
        "checkbox", name=re.compile(r"^Français \(\d+\)$")
    )
    language.check()
    expect(page).to_have_url(re.compile(r"[?&]language=fr"))
    assert _query(page) == {"theme": ["local_finance"], "language": ["fr"]}
    # The previous results stay on screen (marked busy) until the filtered ones arrive.
    expect(results).not_to_have_attribute("aria-busy", "true")
    expect(results.get_by_role("article").first).to_be_visible()
    for article in results.get_by_role("article").all():
        expect(article).to_contain_text("Français")

    # Back and forward walk through the filters; a reload keeps them (they live in the address).
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"language="))
    expect(language).not_to_be_checked()
    expect(theme).to_be_checked()
    page.go_forward()
    expect(language).to_be_checked()
    page.reload()
    expect(page.get_by_role("checkbox", name=re.compile(r"^Français \("))).to_be_checked()

    # The theme's College is offered above the sessions: open it.
    programmes = page.get_by_role("region", name="Programmes correspondants")
    programmes.get_by_role("link", name="Collège ALGA : Finances locales").click()
    expect(page.get_by_role("heading", level=1, name="Collège ALGA : Finances locales")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/programmes/[0-9a-f-]{36}$"))
    expect(page.get_by_role("complementary", name="En bref")).to_contain_text("Université Cadi Ayyad")
    subscribe = page.get_by_role("link", name="S'abonner au calendrier du programme")
    feed = page.request.get(f"{base_url}{subscribe.get_attribute('href')}")
    assert feed.ok and feed.headers["content-type"].startswith("text/calendar")

    # Open one of its sessions.
    upcoming = page.get_by_role("region", name="Prochaines sessions")
    first = upcoming.get_by_role("article").first
    first.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
    session_id = urlsplit(page.url).path.rsplit("/", 1)[1]
    title = page.get_by_role("heading", level=1).inner_text()
    facts = page.get_by_role("region", name="Informations pratiques")
    expect(facts).to_contain_text("Français")
    expect(facts).to_contain_text("places")

    # The page carries the session's schema.org description for search engines.
    json_ld = page.locator('script[type="application/ld+json"]')
    expect(json_ld).to_have_count(1)
    assert '"CourseInstance"' in (json_ld.text_content() or "")

    # "Add to my calendar" is a real iCalendar document of this session.
    add = page.get_by_role("link", name="Ajouter à mon agenda")
    href = add.get_attribute("href")
    assert href and href.startswith(f"/api/catalogue/sessions/{session_id}/calendar.ics")
    response = page.request.get(f"{base_url}{href}")
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    (event,) = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert session_id in str(event["UID"])

    # Applying needs an account: a visitor is asked to log in first, and comes back after.
    apply = page.get_by_role("link", name="Candidater")
    if apply.count():
        apply.click()
        expect(page.get_by_role("heading", level=1, name="Se connecter")).to_be_visible()
        assert _query(page)["redirect"] == [f"/sessions/{session_id}/apply"]


def test_coordinator_publishes_a_session_that_a_visitor_then_finds(
    page: Page, browser: Browser, base_url: str, live_stack: Stack, requested: list[str]
) -> None:
    word = f"baobab{uuid.uuid4().hex[:8]}"
    title = f"Atelier {word} : fiscalité locale"
    starts = datetime.now(UTC).date() + timedelta(days=120)

    # A coordinator logs in and finds the management area in the navigation.
    page.goto(f"{base_url}/login")
    main = page.get_by_role("main")
    main.get_by_label("Adresse e-mail").fill("coordinator@example.org")
    main.get_by_label("Mot de passe").fill(live_stack.demo_password or "")
    main.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1, name="Mon compte")).to_be_visible()
    nav = page.get_by_role("navigation", name="Navigation principale")
    nav.get_by_role("link", name="Gérer le catalogue").click()
    expect(page.get_by_role("heading", level=1, name="Gérer le catalogue")).to_be_visible()
    page.get_by_role("region", name="Sessions").get_by_role("link", name="Nouvelle session").click()

    # A session of the local finance College, in Dakar.
    expect(page.get_by_role("heading", level=1, name="Nouvelle session")).to_be_visible()
    main.get_by_label("Programme", exact=True).select_option(label="Collège ALGA : Finances locales")
    main.get_by_label("Titre (Français)").fill(title)
    main.get_by_label("Titre (Anglais)").fill(f"Workshop {word}: local taxation")
    main.get_by_label("Modalité").select_option("residential_seminar")
    main.get_by_label("Début").fill(f"{starts.isoformat()}T09:00")
    main.get_by_label("Fin").fill(f"{(starts + timedelta(days=2)).isoformat()}T17:00")
    main.get_by_label("Fuseau horaire").fill("Africa/Dakar")
    main.get_by_label("Ville").fill("Dakar")
    # A wrong country code first: the API's error shows next to the field.
    main.get_by_label("Pays").fill("XX")
    main.get_by_label("Nombre de places").fill("24")
    # A trainer found by name in the experts directory (a seeded, verified expert).
    trainers = main.get_by_role("group", name="Formateurs et intervenants")
    trainers.get_by_label("Chercher un expert par son nom").fill("Mariam Touré")
    trainers.get_by_role("button", name="Ajouter Dr Mariam Touré Diagne").click()
    expect(trainers.get_by_role("list", name="Experts choisis")).to_contain_text("Dr Mariam Touré Diagne")
    main.get_by_role("button", name="Créer la session").click()
    country = main.get_by_label("Pays")
    expect(country).to_have_attribute("aria-invalid", "true")
    expect(main.get_by_text("Not an ISO 3166-1 alpha-2 country code.")).to_be_visible()
    country.fill("SN")
    main.get_by_role("button", name="Créer la session").click()

    # Created as a draft, then published.
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/manage/sessions/[0-9a-f-]{36}$"))
    # catalogue accepted the verified expert; the form names them again from the directory.
    named = page.get_by_role("group", name="Formateurs et intervenants").get_by_role("list", name="Experts choisis")
    expect(named).to_contain_text("Dr Mariam Touré Diagne")
    lifecycle = page.get_by_role("region", name="Statut et publication")
    expect(lifecycle).to_contain_text("Brouillon")
    lifecycle.get_by_role("button", name="Publier").click()
    expect(lifecycle.get_by_role("status")).to_have_text("La session est publiée.")
    expect(lifecycle.get_by_role("button", name="Ouvrir les candidatures")).to_be_visible()

    # A visitor (another browser, no session) finds it by a word of its title.
    visitor = browser.new_context(locale="fr-FR")
    try:
        other = visitor.new_page()
        other.goto(f"{base_url}/catalogue")
        search = other.get_by_role("search", name="Recherche dans le catalogue")
        search.get_by_role("searchbox", name="Mots-clés").fill(word)
        search.get_by_role("button", name="Rechercher").click()
        expect(other).to_have_url(re.compile(rf"\?q={word}$"))
        results = other.get_by_role("region", name="Sessions")
        expect(results.get_by_role("status")).to_have_text("1 session trouvée")
        card = results.get_by_role("article")
        expect(card).to_contain_text("Dakar, Sénégal")
        expect(card).to_contain_text("24 places")
        card.get_by_role("link", name=title).click()
        expect(other.get_by_role("heading", level=1, name=title)).to_be_visible()
        facts = other.get_by_role("region", name="Informations pratiques")
        expect(facts).to_contain_text("Africa/Dakar")
        # The trainer by name, leading to their public profile in the Community of Experts.
        trainer = facts.get_by_role("link", name=re.compile("Mariam Touré Diagne"))
        expect(trainer).to_have_attribute("href", re.compile(r"^/experts/[0-9a-f-]{36}$"))
        trainer.click()
        expect(other.get_by_role("heading", level=1, name=re.compile("Mariam Touré Diagne"))).to_be_visible()
    finally:
        visitor.close()
