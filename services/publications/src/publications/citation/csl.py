"""CSL-JSON (Citation Style Language), what citeproc, Zotero and Pandoc read: a JSON array of items."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from common.i18n import pick
from publications.citation.common import cite_key, family_given, title_in
from publications.record.state import RecordState
from publications.vocabulary import TYPE_LABELS

_TYPES = {
    "book": "book",
    "report": "report",
    "policy_brief": "report",
    "toolkit": "report",
    "article": "article-journal",
    "proceedings": "book",
    "presentation": "speech",
    "video": "motion_picture",
}


def _name(author: dict[str, str]) -> dict[str, str]:
    if author.get("organisation"):
        return {"literal": author["name"]}
    family, given = family_given(author)
    return {"family": family, "given": given} if given else {"family": family}


def item(state: RecordState, language: str, page_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": cite_key(state),
        "type": _TYPES.get(state.type, "document"),
        "genre": TYPE_LABELS[state.type]["en"],
        "title": title_in(state, language),
        "language": state.language,
        "URL": state.url if state.type == "video" and state.url else page_url,
    }
    if state.authors:
        data["editor" if state.type == "proceedings" else "author"] = [_name(a) for a in state.authors]
    if state.published_on:
        day = state.published_on
        data["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    optional = {
        "publisher": state.publisher,
        "publisher-place": state.place,
        "container-title": state.container_title,
        "collection-title": state.series,
        "DOI": state.doi,
        "ISBN": state.isbn,
        "abstract": pick(state.abstract, language),
    }
    data.update({name: value for name, value in optional.items() if value})
    keywords = pick(state.keywords, language)
    if keywords:
        data["keyword"] = ", ".join(keywords)
    return data


def render(states: Iterable[tuple[RecordState, str]], language: str) -> str:
    return json.dumps([item(state, language, url) for state, url in states], ensure_ascii=False, indent=2) + "\n"
