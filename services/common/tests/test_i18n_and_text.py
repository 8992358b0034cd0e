"""The one language negotiation and text folding every service uses (common.i18n, common.text)."""

from __future__ import annotations

import pytest

from common.i18n import names_language, negotiate, pick
from common.text import fold, query_terms, search_document


@pytest.mark.parametrize(
    ("lang", "accept_language", "expected"),
    [
        ("en", "fr-FR,fr;q=0.9", "en"),  # ?lang= wins
        (None, None, "fr"),  # nothing asked: French
        (None, "en-GB,en;q=0.9,fr;q=0.8", "en"),
        (None, "de-DE, pt-BR;q=0.5, en;q=0.7", "en"),  # unsupported skipped, highest q wins
        (None, "en;q=0, fr;q=0.1", "fr"),  # q=0 means "not this one"
        (None, "ar, en", "ar"),  # equal q: the order given
        (None, "en;q=bogus, pt", "pt"),  # an unreadable q counts as 0
        ("xx", "en", "en"),  # an unsupported ?lang= is not a language
    ],
)
def test_negotiate(lang: str | None, accept_language: str | None, expected: str) -> None:
    assert negotiate(lang, accept_language) == expected


def test_pick_falls_back_to_french_then_english_then_any() -> None:
    assert pick({"fr": "Finances", "en": "Finance"}, "en") == "Finance"
    assert pick({"fr": "Finances", "en": "Finance"}, "pt") == "Finances"
    assert pick({"fr": "", "en": "Finance"}, "fr") == "Finance"
    assert pick({"sw": "Fedha"}, "fr") == "Fedha"
    assert pick({}, "fr") is None and pick(None, "fr") is None
    assert names_language("ar") == "en" and names_language("fr") == "fr"


def test_fold_finds_words_whatever_their_accents_case_and_punctuation() -> None:
    assert fold("L'Économie locale — ÉTÉ 2024") == "l economie locale ete 2024"
    assert fold("AÏSSATOU") == fold("aïssatou") == "aissatou"
    assert fold("Cœur, Ærø, Łódź, Đakovo, Straße") == "coeur aero lodz dakovo strasse"
    assert fold("snake_case__words") == "snake case words"


def test_documents_and_queries_meet() -> None:
    document = search_document({"fr": "Finances locales", "en": "Local finance"}, ["Fiscalité"], None, "finances")
    assert document == "finances locales local finance fiscalite"
    assert query_terms("l'Habitat d'urgence") == ["habitat", "urgence"]
    assert query_terms("a") == ["a"]
    assert len(query_terms(" ".join(f"w{i}" for i in range(20)))) == 8
    assert query_terms("x" * 100) == ["x" * 40]
