"""Translatable content (bios): stored once, one variant per language, served in the language asked.

As in the catalogue: a translatable value is a JSON object keyed by language code
(`{"fr": "…", "en": "…"}`). Reading picks the asked language, else French (the academy's default),
else English, else whatever variant exists, so a bio written in one language is shown to everyone.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query

#: Content languages: French and English today; Arabic and Portuguese are accepted already.
LANGUAGES: tuple[str, ...] = ("fr", "en", "ar", "pt")
DEFAULT_LANGUAGE = "fr"
FALLBACK_ORDER: tuple[str, ...] = ("fr", "en", "ar", "pt")

LanguageCode = Literal["fr", "en", "ar", "pt"]


def pick(variants: dict[str, Any] | None, language: str) -> Any:
    """The variant in `language`, else the first one present in the fallback order."""
    if not variants:
        return None
    value = variants.get(language)
    if value:
        return value
    for code in FALLBACK_ORDER:
        if variants.get(code):
            return variants[code]
    for value in variants.values():
        if value:
            return value
    return None


def negotiate(lang: str | None, accept_language: str | None) -> str:
    """`?lang=` wins; else the best supported language of Accept-Language; else French."""
    if lang:
        return lang
    best: tuple[float, int, str] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        if code not in LANGUAGES:
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        candidate = (-quality, position, code)
        if best is None or candidate < best:
            best = candidate
    return best[2] if best else DEFAULT_LANGUAGE


def names_language(code: str) -> str:
    """Country, language and theme names exist in French and English; others read English."""
    return code if code in ("fr", "en") else "en"


async def _request_language(
    lang: Annotated[
        LanguageCode | None, Query(description="Language of the texts (default: Accept-Language, else fr)")
    ] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> str:
    return negotiate(lang, accept_language)


#: The language a response is written in (a code of LANGUAGES).
RequestLanguage = Annotated[str, Depends(_request_language)]
