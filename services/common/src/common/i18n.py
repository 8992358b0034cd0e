"""Translatable content and the language a response is written in, the same in every service.

A translatable value is stored once as a JSON object keyed by language code: `{"fr": "…", "en":
"…"}` (a list of strings per language for lists such as objectives). A response is written in
`?lang=`, else the best supported language of Accept-Language (q-values honoured), else French,
the academy's first language. A text missing in that language falls back to French, then English,
then whatever variant exists, so a text written in one language only is still shown to everyone.
`?lang=all` (coordinators and admins, who edit the variants) adds every stored variant where a
service offers it (`RequestLanguage`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query

from common.errors import Forbidden
from common.security import OptionalPrincipal

#: Content languages: French and English today; Arabic and Portuguese are accepted already.
LANGUAGES: tuple[str, ...] = ("fr", "en", "ar", "pt")
DEFAULT_LANGUAGE = "fr"
LanguageCode = Literal["fr", "en", "ar", "pt"]


def pick(variants: dict[str, Any] | None, language: str) -> Any:
    """The variant in `language`, else fr, en, ar, pt in that order, else any non-empty one."""
    if not variants:
        return None
    for code in (language, *LANGUAGES, *variants):
        value = variants.get(code)
        if value:
            return value
    return None


def negotiate(lang: str | None, accept_language: str | None) -> str:
    """`lang` when it is a supported code; else the best supported language of Accept-Language
    (highest q first, then the order given; `q=0` means "not this one"); else French."""
    if lang in LANGUAGES:
        return lang
    best: tuple[float, int, str] | None = None
    for position, part in enumerate((accept_language or "").split(",")):
        tag, *params = (p.strip() for p in part.split(";"))
        code = tag.lower().split("-", 1)[0]
        if code not in LANGUAGES:
            continue
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
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
    """Country, language and theme names exist in French and English; other languages read English."""
    return code if code in ("fr", "en") else "en"


@dataclass(frozen=True)
class Lang:
    """The language a response is written in; `all_variants` adds every stored variant."""

    code: str
    all_variants: bool = False


async def _request_language(
    principal: OptionalPrincipal,
    lang: Annotated[
        Literal["fr", "en", "ar", "pt", "all"] | None,
        Query(
            description="Language of the texts (default: Accept-Language, else fr); `all` (staff) adds every variant"
        ),
    ] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> Lang:
    if lang != "all":
        return Lang(negotiate(lang, accept_language))
    if principal is None or not principal.is_staff:
        raise Forbidden("Only coordinators and admins can ask for every language variant (lang=all).")
    return Lang(negotiate(None, accept_language), all_variants=True)


async def _reader_language(
    lang: Annotated[
        LanguageCode | None, Query(description="Language of the texts (default: Accept-Language, else fr)")
    ] = None,
    accept_language: Annotated[str | None, Header()] = None,
) -> str:
    return negotiate(lang, accept_language)


#: For responses whose texts coordinators edit: `?lang=` may also be `all` (staff only).
RequestLanguage = Annotated[Lang, Depends(_request_language)]
#: For responses in one language only: the code (one of LANGUAGES).
ReaderLanguage = Annotated[str, Depends(_reader_language)]
