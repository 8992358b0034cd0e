"""Identifiers experts are described with: ORCID iDs and BCP 47 language tags.

Both are validated here, once, and stored in their canonical form, so that equality in the
database (duplicate detection, facets) is equality of the identifiers.
"""

from __future__ import annotations

import re

import pycountry

ORCID_URL = "https://orcid.org/"
# "ORCID:", "ORCID iD " before the number; then the URL forms (http/https, www, orcid.org/).
_ORCID_LABEL = re.compile(r"^orcid(?:\s*id)?\s*(?::\s*|\s+)", re.IGNORECASE)
_ORCID_URL = re.compile(r"^(?:https?://)?(?:www\.)?orcid\.org/", re.IGNORECASE)


class InvalidIdentifier(ValueError):
    """A value that is not a valid identifier; the message says why (safe to show)."""


def orcid_check_digit(base_digits: str) -> str:
    """ISO 7064 MOD 11-2 check character of the 15 base digits of an ORCID iD."""
    total = 0
    for digit in base_digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def normalise_orcid(value: str) -> str:
    """`0000-0002-1825-0097` from any usual way of writing it: with or without the hyphens or
    spaces, as an orcid.org URL (http or https, www or not), prefixed by "ORCID:", with a lower-case
    x. Raises InvalidIdentifier when it is not 16 characters or its check digit is wrong."""
    text = value.strip()
    text = _ORCID_LABEL.sub("", text, count=1)
    text = _ORCID_URL.sub("", text, count=1).strip().rstrip("/")
    compact = re.sub(r"[\s\-\u2010-\u2015]", "", text).upper()
    if not re.fullmatch(r"\d{15}[\dX]", compact):
        raise InvalidIdentifier(
            "An ORCID iD has 16 characters: 15 digits and a check digit or X (0000-0002-1825-0097)."
        )
    if orcid_check_digit(compact[:15]) != compact[15]:
        raise InvalidIdentifier("This ORCID iD's check digit is wrong: look for a mistyped digit.")
    return "-".join(compact[i : i + 4] for i in range(0, 16, 4))


def orcid_url(orcid: str) -> str:
    return ORCID_URL + orcid


# UN M.49 areas BCP 47 allows as regions (es-419); countries use their ISO 3166 letters instead.
_M49_AREAS = {
    "001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030",
    "034", "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419",
}  # fmt: skip


def normalise_language_tag(value: str) -> str:
    """A BCP 47 tag in its canonical form: `language[-Script][-REGION]`.

    The language is ISO 639 (the two-letter code where one exists, as BCP 47 requires: `fra` →
    `fr`), the script ISO 15924 (`Latn`, `Arab`, `Tfng`), the region ISO 3166-1 alpha-2 or a UN
    M.49 area (`fr-SN`, `ar-015`). Variants, extensions and private-use subtags are refused: an
    expert's working languages do not need them, and they cannot be checked without the IANA
    registry."""
    parts = [p for p in re.split(r"[-_]", value.strip()) if p]
    if not parts or len(parts) > 3:
        raise InvalidIdentifier("Use a language tag such as fr, en-GB, ar-MA or ff-Latn-SN.")
    language_part = parts[0].lower()
    language = None
    if re.fullmatch(r"[a-z]{2}", language_part):
        language = pycountry.languages.get(alpha_2=language_part)
    elif re.fullmatch(r"[a-z]{3}", language_part):
        language = pycountry.languages.get(alpha_3=language_part)
    if language is None:
        raise InvalidIdentifier(f"{parts[0]!r} is not an ISO 639 language code (fr, en, ar, sw, wo, ha…).")
    out = [getattr(language, "alpha_2", None) or language.alpha_3]
    rest = parts[1:]
    if rest and re.fullmatch(r"[A-Za-z]{4}", rest[0]):
        script = rest.pop(0).title()
        if pycountry.scripts.get(alpha_4=script) is None:
            raise InvalidIdentifier(f"{script!r} is not an ISO 15924 script code (Latn, Arab, Tfng…).")
        out.append(script)
    if rest:
        region = rest.pop(0)
        if re.fullmatch(r"[A-Za-z]{2}", region) and pycountry.countries.get(alpha_2=region.upper()) is not None:
            out.append(region.upper())
        elif region in _M49_AREAS:
            out.append(region)
        else:
            raise InvalidIdentifier(f"{region!r} is not an ISO 3166-1 country code or a UN M.49 area.")
    if rest:
        raise InvalidIdentifier("Use a language, optionally with a script and a region (fr, fr-SN, ar-Latn-MA).")
    return "-".join(out)


def primary_language(tag: str) -> str:
    return tag.split("-", 1)[0]


def is_country_code(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and pycountry.countries.get(alpha_2=code.upper()) is not None
