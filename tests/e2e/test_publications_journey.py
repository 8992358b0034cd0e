"""The library in the browser: a coordinator creates a policy brief, uploads its PDF and publishes
it; a visitor finds it by theme, downloads it and copies its citation.

Runs against the real stack (`live_stack` from tests/conftest.py, through the `base_url` fixture)
in the system Chromium, with accessible locators only. The SPA must be built first
(`cd frontend && npm ci && npm run build`).
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import bibtexparser
import pytest
from playwright.sync_api import Browser, Page, expect

from devstack.stack import Stack
from publications.seed_pdf import one_page_pdf

pytestmark = pytest.mark.e2e

LOCAL = {"127.0.0.1", "localhost"}


def test_a_coordinator_uploads_a_policy_brief_that_a_visitor_finds_downloads_and_cites(
    page: Page, browser: Browser, base_url: str, live_stack: Stack
) -> None:
    word = f"karite{uuid.uuid4().hex[:8]}"
    title = f"Note {word} : financer les services de base"
    pdf = one_page_pdf(title, ["Académie Africaine des Collectivités Territoriales"])
    requested: list[str] = []

    # A coordinator creates the record from the library management area.
    staff = browser.new_context(locale="fr-FR")
    try:
        coordinator = staff.new_page()
        coordinator.on("request", lambda request: requested.append(request.url))
        coordinator.goto(f"{base_url}/login")
        main = coordinator.get_by_role("main")
        main.get_by_label("Adresse e-mail").fill("coordinator@example.org")
        main.get_by_label("Mot de passe").fill(live_stack.demo_password or "")
        main.get_by_role("button", name="Se connecter").click()
        expect(coordinator.get_by_role("heading", level=1, name="Mon compte")).to_be_visible()
        nav = coordinator.get_by_role("navigation", name="Navigation principale")
        nav.get_by_role("link", name="Gérer la bibliothèque").click()
        expect(coordinator.get_by_role("heading", level=1, name="Gérer la bibliothèque")).to_be_visible()
        coordinator.get_by_role("link", name="Nouveau document").click()

        expect(coordinator.get_by_role("heading", level=1, name="Nouveau document")).to_be_visible()
        main.get_by_label("Type de document").select_option(label="Note d'orientation")
        main.get_by_label("Titre (Français)").fill(title)
        main.get_by_label("Titre (Anglais)").fill(f"Brief {word}: financing basic services")
        main.get_by_label("Résumé (Français)").fill("Comment les communes financent l'eau et l'assainissement.")
        main.get_by_label("Mots-clés (Français)").fill(f"eau, assainissement, {word}")
        main.get_by_role("group", name="Auteur 1").get_by_label("Nom", exact=True).fill("Kaboré, Issa")
        main.get_by_role("button", name="Ajouter un auteur").click()
        second = main.get_by_role("group", name="Auteur 2")
        second.get_by_label("Nom", exact=True).fill("CGLU Afrique")
        second.get_by_role("checkbox", name="Organisation (citée telle quelle)").check()
        themes = main.get_by_role("group", name="Thèmes")
        themes.get_by_role("checkbox", name="Stratégies d'accès aux équipements et services de base").check()
        themes.get_by_role("checkbox", name="Finances locales").check()
        main.get_by_label("Licence").select_option("CC-BY-4.0")
        main.get_by_label("Date de publication").fill("2026-11-15")
        main.get_by_label("Éditeur").fill("CGLU Afrique")
        main.get_by_role("button", name="Créer le document").click()

        # Created as a draft; its page in the management area takes the files.
        expect(coordinator.get_by_role("heading", level=1, name=title)).to_be_visible()
        expect(coordinator).to_have_url(re.compile(r"/manage/library/[0-9a-f-]{36}$"))
        lifecycle = coordinator.get_by_role("region", name="Statut et publication")
        expect(lifecycle).to_contain_text("Brouillon")
        files = coordinator.get_by_role("region", name="Fichiers")
        # A text file dressed up as a PDF is refused, and the page says so next to the field.
        file_input = files.get_by_label("Fichier", exact=True)
        file_input.set_input_files(
            files=[{"name": "note.pdf", "mimeType": "application/pdf", "buffer": b"plain text, not a PDF"}]
        )
        files.get_by_role("button", name="Téléverser").click()
        expect(files.get_by_role("alert")).to_contain_text("Ce type de fichier n'est pas accepté")
        expect(file_input).to_have_attribute("aria-invalid", "true")
        file_input.set_input_files(files=[{"name": f"{word}.pdf", "mimeType": "application/pdf", "buffer": pdf}])
        files.get_by_label("Libellé (facultatif)").fill("Version française")
        files.get_by_role("button", name="Téléverser").click()
        expect(files.get_by_role("status")).to_have_text(f"Le fichier « {word}.pdf » est ajouté.")
        expect(files.get_by_role("link", name="Version française")).to_be_visible()

        lifecycle.get_by_role("button", name="Publier").click()
        expect(lifecycle.get_by_role("status")).to_have_text("Le document est publié.")
        expect(lifecycle.get_by_role("button", name="Retirer…")).to_be_visible()
    finally:
        staff.close()

    # A visitor finds it by theme.
    page.context.on("request", lambda request: requested.append(request.url))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page.goto(f"{base_url}/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Bibliothèque").click()
    expect(page.get_by_role("heading", level=1, name="Bibliothèque")).to_be_visible()
    results = page.get_by_role("region", name="Documents")
    expect(results.get_by_role("status")).to_contain_text("trouvé")
    page.get_by_role("group", name="Thème").get_by_role(
        "checkbox", name=re.compile(r"^Stratégies d'accès aux équipements et services de base \(\d+\)$")
    ).check()
    expect(page).to_have_url(re.compile(r"\?theme=basic_services_access$"))
    expect(results).not_to_have_attribute("aria-busy", "true")
    card = results.get_by_role("article", name=title)
    expect(card).to_contain_text("Note d'orientation · 2026")
    expect(card).to_contain_text("Issa Kaboré, CGLU Afrique")
    card.get_by_role("link", name=title).click()

    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/library/[0-9a-f-]{36}$"))
    record_id = urlsplit(page.url).path.rsplit("/", 1)[1]
    json_ld = page.locator('script[type="application/ld+json"]')
    expect(json_ld).to_have_count(1)
    assert json.loads(json_ld.text_content() or "{}")["@type"] == "Report"

    # The download is the very PDF uploaded.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger « Version française »").click()
    download = download_info.value
    assert download.suggested_filename == f"{word}.pdf"
    assert Path(download.path()).read_bytes() == pdf

    # "Cite": the BibTeX shown is copied to the clipboard, and a real parser reads it back.
    cite = page.get_by_role("region", name="Citer")
    expect(cite.get_by_label("Citation", exact=True)).to_contain_text(word)
    cite.get_by_role("button", name="Copier la citation").click()
    expect(cite.get_by_role("status")).to_have_text("La citation est copiée dans le presse-papiers.")
    copied = page.evaluate("navigator.clipboard.readText()")
    (entry,) = bibtexparser.parse_string(copied).entries
    fields = {f.key: f.value for f in entry.fields}
    assert word in fields["title"] and fields["year"] == "2026"
    assert "Kaboré" in fields["author"]
    # The other formats are one click away, with a file to download.
    cite.get_by_role("radio", name="RIS").check()
    expect(cite.get_by_label("Citation", exact=True)).to_contain_text(re.compile(r"TY\s+- RPRT"))
    link = cite.get_by_role("link", name="Télécharger le fichier de citation")
    expect(link).to_have_attribute("href", f"/api/publications/records/{record_id}/citation?format=ris&lang=fr")

    assert [url for url in requested if urlsplit(url).hostname not in LOCAL] == []
