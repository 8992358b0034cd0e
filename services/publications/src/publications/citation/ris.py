"""RIS (Research Information Systems), read by Zotero, EndNote, Mendeley: `TAG  - value` lines, CRLF."""

from __future__ import annotations

from collections.abc import Iterable

from common.i18n import pick
from publications.citation.common import cite_key, family_given, title_in
from publications.record.state import RecordState

_TYPES = {
    "book": "BOOK",
    "report": "RPRT",
    "policy_brief": "RPRT",
    "toolkit": "RPRT",
    "article": "JOUR",
    "proceedings": "CONF",
    "presentation": "SLIDE",
    "video": "VIDEO",
}


def _line(tag: str, value: str) -> str:
    # One line per value: RIS has no continuation lines.
    return f"{tag}  - {' '.join(value.split())}"


def entry(state: RecordState, language: str, page_url: str) -> list[str]:
    lines = [_line("TY", _TYPES.get(state.type, "GEN")), _line("ID", cite_key(state))]
    lines.append(_line("TI", title_in(state, language)))
    for author in state.authors:
        if author.get("organisation"):
            lines.append(_line("AU", author["name"]))
        else:
            family, given = family_given(author)
            lines.append(_line("AU", f"{family}, {given}" if given else family))
    if state.container_title:
        lines.append(_line("T2", state.container_title))
    if state.series:
        lines.append(_line("T3", state.series))
    if state.published_on:
        lines.append(_line("PY", str(state.published_on.year)))
        lines.append(_line("DA", state.published_on.strftime("%Y/%m/%d")))
    if state.publisher:
        lines.append(_line("PB", state.publisher))
    if state.place:
        lines.append(_line("CY", state.place))
    if state.isbn:
        lines.append(_line("SN", state.isbn))
    if state.doi:
        lines.append(_line("DO", state.doi))
    lines.append(_line("UR", state.url if state.type == "video" and state.url else page_url))
    abstract = pick(state.abstract, language)
    if abstract:
        lines.append(_line("AB", abstract))
    lines.extend(_line("KW", keyword) for keyword in pick(state.keywords, language) or [])
    lines.append(_line("LA", state.language))
    lines.append("ER  - ")
    return lines


def render(states: Iterable[tuple[RecordState, str]], language: str) -> str:
    lines: list[str] = []
    for state, url in states:
        lines.extend(entry(state, language, url))
        lines.append("")
    return "\r\n".join(lines)
