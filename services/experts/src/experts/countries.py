"""Countries (ISO 3166-1) and languages (ISO 639) named in the reader's language, from pycountry's
translations (the catalogue does the same in catalogue/countries.py)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry


@cache
def _translator(domain: str, language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True)


@cache
def country_name(code: str, language: str = "en") -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language == "en":
        return str(getattr(country, "common_name", None) or country.name)
    return str(_translator("iso3166-1", language).gettext(country.name))


@cache
def language_name(code: str, language: str = "en") -> str:
    """The name of an ISO 639 language (`fr`, `wo`, `fuc`) in French or English."""
    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if found is None:
        return code
    return str(_translator("iso639-3", language).gettext(found.name))


@cache
def tag_name(tag: str, language: str = "en") -> str:
    """`fr-SN` → "French (Senegal)" / "français (Sénégal)"."""
    parts = tag.split("-")
    name = language_name(parts[0], language)
    regions = [p for p in parts[1:] if len(p) == 2]
    if regions:
        name = f"{name} ({country_name(regions[0], language)})"
    return name
