from __future__ import annotations

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
