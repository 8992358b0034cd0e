"""The 54 African countries (ISO 3166-1 alpha-2), named in the caller's language by pycountry."""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry

# The member states of the African Union plus Morocco: the 54 UN-recognised African countries.
AFRICAN_COUNTRY_CODES = (
    "DZ",
    "AO",
    "BJ",
    "BW",
    "BF",
    "BI",
    "CV",
    "CM",
    "CF",
    "TD",
    "KM",
    "CG",
    "CD",
    "CI",
    "DJ",
    "EG",
    "GQ",
    "ER",
    "SZ",
    "ET",
    "GA",
    "GM",
    "GH",
    "GN",
    "GW",
    "KE",
    "LS",
    "LR",
    "LY",
    "MG",
    "MW",
    "ML",
    "MR",
    "MU",
    "MA",
    "MZ",
    "NA",
    "NE",
    "NG",
    "RW",
    "ST",
    "SN",
    "SC",
    "SL",
    "SO",
    "ZA",
    "SS",
    "SD",
    "TZ",
    "TG",
    "TN",
    "UG",
    "ZM",
    "ZW",
)
SUPPORTED_LANGUAGES = ("fr", "en")


@cache
def _translator(language: str) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str, language: str = "en") -> str:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    # "Tanzania" reads better than "Tanzania, United Republic of" in a form.
    name = getattr(country, "common_name", None) or country.name
    if language != "en":
        name = _translator(language).gettext(country.name)
    return str(name)


@cache
def african_countries(language: str) -> list[dict[str, str]]:
    rows = [{"code": code, "name": country_name(code, language)} for code in AFRICAN_COUNTRY_CODES]
    return sorted(rows, key=lambda r: _sort_key(r["name"]))


def _sort_key(name: str) -> str:
    # Accent-blind order, so that "Égypte" sorts with the E's.
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))


def is_country_code(code: str) -> bool:
    """Any real ISO 3166-1 country (users abroad exist too), not only African ones."""
    return len(code) == 2 and pycountry.countries.get(alpha_2=code.upper()) is not None
