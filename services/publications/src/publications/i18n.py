"""Texts with one variant per language, and the language a response is written in.

A translatable value is stored once as `{"fr": …, "en": …}`. A response is written in `?lang=`, else
the best supported language of Accept-Language, else French (the academy's first language); a
text missing in that language falls back to French, then English, then whatever variant exists.
`?lang=all` (coordinators and admins, who edit the variants) adds every stored variant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Header, Query

from common.errors import Forbidden
from common.security import OptionalPrincipal

LANGUAGES = ("fr", "en", "ar", "pt")
DEFAULT = "fr"
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


def _weighted(accept_language: str) -> list[tuple[float, int, str]]:
    ranked = []
    for position, item in enumerate(accept_language.split(",")):
        tag, *params = (p.strip() for p in item.split(";"))
        primary = tag.lower().split("-", 1)[0]
        weight = 1.0
        for param in params:
            key, _, raw = param.partition("=")
            if key.strip() == "q":
                try:
                    weight = float(raw)
                except ValueError:
                    weight = 0.0
        if primary in LANGUAGES and weight > 0:
            ranked.append((-weight, position, primary))
    return sorted(ranked)


def negotiate(lang: str | None, accept_language: str | None) -> str:
    if lang in LANGUAGES:
        return lang
    ranked = _weighted(accept_language or "")
    return ranked[0][2] if ranked else DEFAULT


@dataclass(frozen=True)
class Lang:
    code: str
    #: Every stored variant is added to the response (`?lang=all`, staff only).
    all_variants: bool = False


async def _language(
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


RequestLanguage = Annotated[Lang, Depends(_language)]
