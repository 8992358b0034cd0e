"""Every kind of message says its piece in French and in English, with dates, places and
deadlines written the way each language writes them, and nothing left unfilled or unescaped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from notifications.message.catalog import KINDS, LANGUAGES
from notifications.message.compose import (
    Draft,
    compose,
    email_html,
    email_text,
    format_dates,
    format_deadline,
    format_venue,
    in_app_text,
    language_of,
    localized,
)

from .conftest import SESSION_TITLE


def plain(text: str | None) -> str | None:
    """CLDR puts thin and narrow no-break spaces in dates and times; compare with plain ones."""
    return None if text is None else text.replace("\u2009", " ").replace("\u202f", " ").replace("\xa0", " ")


FULL = Draft(
    kind="application_accepted",
    path="/applications/a-1",
    session_title=SESSION_TITLE,
    starts_at=datetime(2027, 2, 1, 9, tzinfo=UTC),
    ends_at=datetime(2027, 2, 5, 17, tzinfo=UTC),
    timezone="Africa/Dakar",
    venue={"city": "Dakar", "country": "SN", "address": None, "online": False},
    deadline=datetime(2027, 1, 10, 9, tzinfo=UTC),
    message="Bienvenue",
    reason="Trop peu d'inscrits",
    position=3,
    code="ABCD-EFGH",
    listed=True,
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_in_every_language(kind: str, language: str) -> None:
    composed = compose(Draft(**{**FULL.__dict__, "kind": kind}), language)
    text = email_text(composed, name="Awa Diop", url="https://campus.example.org/x")
    for written in (composed.subject, text, in_app_text(composed)):
        assert "$" not in written and "{" not in written
    assert composed.language == language
    assert composed.subject and composed.paragraphs and composed.action


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_event_missing_every_field_still_gives_its_message(kind: str, language: str) -> None:
    composed = compose(Draft(kind=kind), language)
    assert "$" not in composed.subject + in_app_text(composed)
    assert composed.paragraphs


def test_accepted_in_french_and_english() -> None:
    fr = compose(FULL, "fr")
    assert fr.subject == "Candidature acceptée : Collège ALGA : Finances locales"
    body = plain(in_app_text(fr))
    assert body is not None
    assert "« Collège ALGA : Finances locales » (1\u20135 févr. 2027)" in body
    assert "avant le 10 janvier 2027, 09:00 UTC" in body
    assert "Message de l'équipe de l'académie : « Bienvenue »" in body

    en = compose(FULL, "en")
    assert en.subject == "Application accepted: ALGA College: Local finance"
    body = plain(in_app_text(en))
    assert body is not None
    assert "“ALGA College: Local finance” (Feb 1 \u2013 5, 2027)" in body
    assert "before January 10, 2027, 9:00 AM UTC" in body


def test_optional_sentences_disappear_without_their_value() -> None:
    bare = Draft(kind="application_accepted", session_title=SESSION_TITLE)
    body = in_app_text(compose(bare, "fr"))
    assert body == "Bonne nouvelle : votre candidature à la session « Collège ALGA : Finances locales » est acceptée."
    waitlisted = in_app_text(compose(Draft(kind="application_waitlisted", session_title="Atelier"), "en"))
    assert "number" not in waitlisted and "  " not in waitlisted


def test_the_greeting_the_link_and_the_signature_of_an_email() -> None:
    composed = compose(Draft(kind="application_received", path="/applications/a-1", session_title="X"), "fr")
    text = email_text(composed, name="Awa Diop", url="https://campus.example.org/applications/a-1")
    assert text.startswith("Bonjour Awa Diop,\n\n")
    assert "Suivre ma candidature : https://campus.example.org/applications/a-1" in text
    assert "\n-- \nCe message vous est envoyé par ALGA Campus" in text
    anonymous = email_text(composed, name=None, url=None)
    assert anonymous.startswith("Bonjour,\n\n") and "https://" not in anonymous


def test_html_escapes_what_people_wrote() -> None:
    draft = Draft(kind="application_rejected", session_title='<script>alert("x")</script>', message="a < b & c")
    composed = compose(draft, "en")
    html = email_html(composed, name="<b>Eve</b>", url='https://campus.example.org/a?x="1"')
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;Eve&lt;/b&gt;" in html and "a &lt; b &amp; c" in html
    assert 'href="https://campus.example.org/a?x=&quot;1&quot;"' in html
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html


def test_subjects_stay_on_one_line() -> None:
    composed = compose(Draft(kind="session_moved", session_title="Atelier\r\nBcc: evil@example.org"), "fr")
    assert "\n" not in composed.subject and "\r" not in composed.subject


def test_language_choice_falls_back_to_french() -> None:
    assert language_of("en") == "en"
    assert language_of("EN-gb") == "en"
    assert language_of("fr_SN") == "fr"
    assert language_of("pt", None, "") == "fr"
    assert language_of(None, "en") == "en"


def test_titles_in_the_language_or_another() -> None:
    assert localized(SESSION_TITLE, "en") == "ALGA College: Local finance"
    assert localized({"en": "Only English"}, "fr") == "Only English"
    assert localized({"fr": "  "}, "fr") is None
    assert localized("Plain", "en") == "Plain"
    assert compose(Draft(kind="session_cancelled"), "en").subject == "Session cancelled: your session"


def test_dates_per_locale_and_time_zone() -> None:
    starts, ends = datetime(2027, 2, 1, 9, tzinfo=UTC), datetime(2027, 3, 2, 17, tzinfo=UTC)
    assert plain(format_dates(starts, ends, "fr")) == "1 févr. \u2013 2 mars 2027"
    assert format_dates(starts, starts, "en") == "February 1, 2027"
    # 23:30 UTC on 31 January is already 1 February in Nairobi: the session's own calendar day counts.
    late = datetime(2027, 1, 31, 23, 30, tzinfo=UTC)
    assert format_dates(late, None, "fr", "Africa/Nairobi") == "1 février 2027"
    assert format_dates(late, None, "fr", "Not/AZone") == "31 janvier 2027"
    assert format_dates(None, None, "fr") is None
    assert plain(format_deadline(datetime(2027, 1, 10, 9, tzinfo=UTC), "fr")) == "10 janvier 2027, 09:00 UTC"


def test_venues() -> None:
    assert format_venue({"city": "Dakar", "country": "SN", "online": False}, "fr") == "Dakar, Sénégal"
    assert format_venue({"city": "Accra", "country": "GH", "online": False}, "en") == "Accra, Ghana"
    assert format_venue({"city": None, "country": None, "online": True}, "fr") == "en ligne"
    assert format_venue({"city": "Rabat", "country": "MA", "online": True}, "en") == "Rabat, Morocco, and online"
    assert format_venue(None, "en") == "to be announced"
