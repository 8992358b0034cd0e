"""The library's fixed vocabularies: their codes are part of the public API, the OAI sets and the events.

Theme codes are the catalogue's (the 18 themes of the ALGA Colleges, from the framework agreement):
publications keeps its own copy (themes.json) because it must not ask catalogue on a reader's
request (docs/decisions/0001); a new theme reaches both services in the same release.
"""

from __future__ import annotations

import gettext
import json
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

import pycountry


class RecordType(StrEnum):
    book = "book"
    report = "report"
    policy_brief = "policy_brief"
    article = "article"
    proceedings = "proceedings"
    toolkit = "toolkit"
    presentation = "presentation"
    video = "video"


class RecordStatus(StrEnum):
    draft = "draft"
    published = "published"
    withdrawn = "withdrawn"


TYPE_LABELS: dict[str, dict[str, str]] = {
    "book": {"fr": "Ouvrage", "en": "Book"},
    "report": {"fr": "Rapport", "en": "Report"},
    "policy_brief": {"fr": "Note d'orientation", "en": "Policy brief"},
    "article": {"fr": "Article", "en": "Article"},
    "proceedings": {"fr": "Actes", "en": "Proceedings"},
    "toolkit": {"fr": "Boîte à outils", "en": "Toolkit"},
    "presentation": {"fr": "Présentation", "en": "Presentation"},
    "video": {"fr": "Vidéo (lien)", "en": "Video (link)"},
}


@dataclass(frozen=True)
class Licence:
    id: str
    url: str | None
    label: dict[str, str]


#: SPDX identifiers (plus `all-rights-reserved`, which SPDX has no id for).
LICENCES: dict[str, Licence] = {
    licence.id: licence
    for licence in (
        Licence("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", {"fr": "CC BY 4.0", "en": "CC BY 4.0"}),
        Licence(
            "CC-BY-SA-4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/",
            {"fr": "CC BY-SA 4.0", "en": "CC BY-SA 4.0"},
        ),
        Licence(
            "CC-BY-NC-4.0",
            "https://creativecommons.org/licenses/by-nc/4.0/",
            {"fr": "CC BY-NC 4.0", "en": "CC BY-NC 4.0"},
        ),
        Licence(
            "CC-BY-NC-SA-4.0",
            "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            {"fr": "CC BY-NC-SA 4.0", "en": "CC BY-NC-SA 4.0"},
        ),
        Licence(
            "CC-BY-ND-4.0",
            "https://creativecommons.org/licenses/by-nd/4.0/",
            {"fr": "CC BY-ND 4.0", "en": "CC BY-ND 4.0"},
        ),
        Licence(
            "CC-BY-NC-ND-4.0",
            "https://creativecommons.org/licenses/by-nc-nd/4.0/",
            {"fr": "CC BY-NC-ND 4.0", "en": "CC BY-NC-ND 4.0"},
        ),
        Licence(
            "CC0-1.0",
            "https://creativecommons.org/publicdomain/zero/1.0/",
            {"fr": "CC0 1.0 (domaine public)", "en": "CC0 1.0 (public domain)"},
        ),
        Licence("all-rights-reserved", None, {"fr": "Tous droits réservés", "en": "All rights reserved"}),
    )
}


class LicenceId(StrEnum):
    """The licences a record may carry (keys of LICENCES)."""

    cc_by = "CC-BY-4.0"
    cc_by_sa = "CC-BY-SA-4.0"
    cc_by_nc = "CC-BY-NC-4.0"
    cc_by_nc_sa = "CC-BY-NC-SA-4.0"
    cc_by_nd = "CC-BY-ND-4.0"
    cc_by_nc_nd = "CC-BY-NC-ND-4.0"
    cc0 = "CC0-1.0"
    all_rights_reserved = "all-rights-reserved"


@cache
def themes() -> dict[str, dict[str, str]]:
    """Theme code → {"fr": title, "en": title}, in the agreement's order."""
    raw = resources.files("publications.vocabulary").joinpath("themes.json").read_text(encoding="utf-8")
    return {item["code"]: item["title"] for item in json.loads(raw)}


def theme_bit(code: str) -> int:
    """The theme's bit in `record_search.theme_mask`: its position in themes.json, which is therefore
    append-only (a new theme goes at the end; none is ever removed or moved)."""
    return 1 << list(themes()).index(code)


def themes_of_mask(mask: int) -> list[str]:
    return [code for i, code in enumerate(themes()) if mask >> i & 1]


def is_theme(code: str) -> bool:
    return code in themes()


def _name_language(language: str) -> str:
    return language if language in ("fr", "en") else "en"


def type_label(code: str, language: str) -> str:
    return TYPE_LABELS.get(code, {}).get(_name_language(language), code)


def theme_label(code: str, language: str) -> str:
    return themes().get(code, {}).get(_name_language(language), code)


def licence_label(code: str, language: str) -> str:
    licence = LICENCES.get(code)
    return licence.label[_name_language(language)] if licence else code


def is_language(code: str) -> bool:
    """An ISO 639-1 code (the documents' language: `fr`, `en`, `ar`, `pt`, `sw`…)."""
    return len(code) == 2 and pycountry.languages.get(alpha_2=code) is not None


@cache
def language_label(code: str, language: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    if found is None:
        return code
    name = str(found.name).removesuffix(" (macrolanguage)")
    if _name_language(language) == "fr":
        name = gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=["fr"], fallback=True).gettext(
            str(found.name)
        )
        name = name.split(" (")[0].lower()
    return name
