"""BibTeX. Values are braced; LaTeX's special characters are escaped so the file compiles and parses.

Braces in the text are written \\textbraceleft{}/\\textbraceright{}: BibTeX counts every brace, even
an escaped one, so `\\{` would unbalance the field. Titles get a second pair of braces so that
styles do not lower-case their capitals (names of places and institutions). Text stays UTF-8
(biber and BibTeX 8-bit read it).
"""

from __future__ import annotations

from collections.abc import Iterable

from common.i18n import pick
from publications.citation.common import cite_key, family_given, title_in
from publications.record.state import RecordState
from publications.vocabulary import TYPE_LABELS

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ENTRY_TYPES = {
    "book": "book",
    "report": "techreport",
    "policy_brief": "techreport",
    "toolkit": "techreport",
    "article": "article",
    "proceedings": "proceedings",
    "presentation": "misc",
    "video": "misc",
}
ACADEMY = "African Local Governments Academy (ALGA)"


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(ch, ch) for ch in " ".join(text.split()))


def _name(author: dict[str, str]) -> str:
    if author.get("organisation"):
        return "{" + escape(author["name"]) + "}"
    family, given = family_given(author)
    # A family name with a space ("Elong Mbassi") must stay one name, not become a middle name.
    family_part = "{" + escape(family) + "}" if " " in family else escape(family)
    return f"{family_part}, {escape(given)}" if given else family_part


def entry(state: RecordState, language: str, page_url: str) -> str:
    kind = _ENTRY_TYPES.get(state.type, "misc")
    fields: list[tuple[str, str]] = []
    names = " and ".join(_name(a) for a in state.authors)
    if names:
        fields.append(("editor" if kind == "proceedings" else "author", "{" + names + "}"))
    fields.append(("title", "{{" + escape(title_in(state, language)) + "}}"))
    if kind == "article" and state.container_title:
        fields.append(("journal", "{" + escape(state.container_title) + "}"))
    elif state.container_title:
        fields.append(("booktitle", "{" + escape(state.container_title) + "}"))
    if kind == "techreport":
        fields.append(("institution", "{" + escape(state.publisher or ACADEMY) + "}"))
        fields.append(("type", "{" + escape(TYPE_LABELS[state.type]["en"]) + "}"))
    elif state.publisher:
        fields.append(("publisher", "{" + escape(state.publisher) + "}"))
    if state.place:
        fields.append(("address", "{" + escape(state.place) + "}"))
    if state.series:
        fields.append(("series", "{" + escape(state.series) + "}"))
    if state.published_on:
        fields.append(("year", "{" + str(state.published_on.year) + "}"))
        fields.append(("month", _MONTHS[state.published_on.month - 1]))
    if kind == "misc":
        fields.append(("howpublished", "{" + escape(TYPE_LABELS[state.type]["en"]) + "}"))
    if state.doi:
        fields.append(("doi", "{" + escape(state.doi) + "}"))
    if state.isbn:
        fields.append(("isbn", "{" + state.isbn + "}"))
    fields.append(("url", "{" + escape(state.url if state.type == "video" and state.url else page_url) + "}"))
    fields.append(("language", "{" + state.language + "}"))
    keywords = pick(state.keywords, language)
    if keywords:
        fields.append(("keywords", "{" + escape(", ".join(keywords)) + "}"))
    abstract = pick(state.abstract, language)
    if abstract:
        fields.append(("abstract", "{" + escape(abstract) + "}"))
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{cite_key(state)},\n{body}\n}}\n"


def render(states: Iterable[tuple[RecordState, str]], language: str) -> str:
    """(state, page URL) pairs → one .bib file."""
    return "\n".join(entry(state, language, url) for state, url in states)
