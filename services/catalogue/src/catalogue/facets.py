"""Facet counts (from the database) with readable labels in the asked language."""

from __future__ import annotations

from typing import Any

from catalogue.countries import country_name, language_name
from catalogue.schemas import FacetValue
from catalogue.vocabulary import LABELS
from common.i18n import Lang, pick


def labelled(
    counts: dict[str, list[tuple[str, int]]], lang: Lang, theme_titles: dict[str, dict[str, Any]]
) -> dict[str, list[FacetValue]]:
    names_in = lang.code if lang.code in ("fr", "en") else "en"
    out: dict[str, list[FacetValue]] = {}
    for facet, values in counts.items():
        items = []
        for value, count in values:
            if facet == "theme":
                name = pick(theme_titles.get(value), lang.code)
            elif facet == "country":
                name = country_name(value, names_in)
            elif facet == "language":
                name = language_name(value, names_in)
            elif value in LABELS:
                name = LABELS[value].get(names_in)
            else:
                name = None
            items.append(FacetValue(value=value, count=count, label=name))
        out[facet] = items
    return out
