"""Picking one language of a translatable value (`{"fr": …, "en": …}`) for a reader."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Query

LANGUAGES = ("fr", "en", "ar", "pt")
FALLBACK_ORDER = ("fr", "en", "ar", "pt")


def pick(variants: dict[str, Any] | None, language: str) -> str | None:
    """The variant in `language`, else French, else English, else any."""
    if not variants:
        return None
    if variants.get(language):
        return str(variants[language])
    for code in FALLBACK_ORDER:
        if variants.get(code):
            return str(variants[code])
    for value in variants.values():
        if value:
            return str(value)
    return None


def negotiate(lang: str | None, accept_language: str | None) -> str:
    if lang in LANGUAGES:
        return lang
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower().split("-")[0]
        if code in LANGUAGES:
            return code
    return "fr"


def _language(
    lang: Annotated[str | None, Query(pattern="^(fr|en|ar|pt)$", description="fr, en, ar or pt")] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> str:
    return negotiate(lang, accept_language)


#: The reader's language: `?lang=`, else Accept-Language, else French.
RequestLanguage = Annotated[str, Depends(_language)]
