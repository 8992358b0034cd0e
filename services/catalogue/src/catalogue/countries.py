"""ISO 3166-1 countries named in the reader's language (pycountry's translations).

identity has the same lookups in identity/organisation/countries.py: a candidate for common."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry


@cache
def _translator(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


@cache
def country_name(code: str, language: str = "en") -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language == "en":
        return str(getattr(country, "common_name", None) or country.name)
    return str(_translator(language).gettext(country.name))


def is_country_code(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code.upper()) is not None


def is_currency_code(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and pycountry.currencies.get(alpha_3=code.upper()) is not None


@cache
def language_name(code: str, language: str = "en") -> str:
    lang = pycountry.languages.get(alpha_2=code)
    if lang is None:
        return code
    if language == "en":
        return str(lang.name)
    translator = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[language], fallback=True)
    return str(translator.gettext(lang.name))
