from __future__ import annotations

import gettext
from functools import cache

import pycountry


def is_country_code(code: str) -> bool:
    """Any real ISO 3166-1 alpha-2 country (learners abroad exist too)."""
    return len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code.upper()) is not None


def normalise_country(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().upper()
    if not value:
        return None
    if not is_country_code(value):
        raise ValueError("Not an ISO 3166-1 alpha-2 country code (SN, MA, CM…).")
    return value


@cache
def country_name(code: str, language: str = "en") -> str:
    """The country's name in French or English (pycountry's translations), for reports."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language != "fr":
        return str(getattr(country, "common_name", None) or country.name)
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    return str(french.gettext(country.name))
