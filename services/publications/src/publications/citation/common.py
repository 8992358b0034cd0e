"""What every citation format needs from a record: its key, its title in the asked language, names."""

from __future__ import annotations

from common.i18n import pick
from common.text import fold
from publications.record.state import RecordState

# Title words that say nothing about the work (fr, en).
_SMALL_WORDS = frozenset(
    "a an and de des du en et for in la le les of on pour sur the to un une au aux dans par with l d".split()
)


def cite_key(state: RecordState) -> str:
    """`diallo2024finances_3f2a9c`: first author, year, first telling word of the French (else first)
    title, and the start of the record id, so that two records never share a key and a record
    keeps its key between exports."""
    author = state.authors[0] if state.authors else None
    if author is None:
        who = "alga"
    elif author.get("organisation"):
        who = fold(author["name"]).split()[0] if fold(author["name"]) else "alga"
    else:
        who = "".join(fold(author.get("family") or author["name"]).split())
    title = fold(pick(state.title, "fr") or "")
    word = next((w for w in title.split() if w not in _SMALL_WORDS and len(w) > 2), "")
    year = str(state.year) if state.year else "nd"
    return f"{who}{year}{word}_{state.id.replace('-', '')[:6]}"


def title_in(state: RecordState, language: str) -> str:
    return str(pick(state.title, language) or "")


def family_given(author: dict[str, str]) -> tuple[str, str | None]:
    return author.get("family") or author["name"], author.get("given")
