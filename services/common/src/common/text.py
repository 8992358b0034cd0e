"""Text folding for search: one normal form for stored documents, queries and names.

"Économie", "ECONOMIE" and "économie" (or "Aïssatou" and "AISSATOU") must find each other on
SQLite and PostgreSQL alike, so the services fold text themselves (accents off, case folded,
punctuation to spaces) instead of relying on each database's collations and extensions
(unaccent is not installed everywhere). Every service folds with this one function: a document
indexed by one and a query folded by another meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

# Letters that canonical decomposition leaves whole (ß is case-folded to "ss" already).
_LETTERS = str.maketrans(
    {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d"}
)
_NOT_WORD = re.compile(r"[\W_]+")

#: A query keeps at most this many words, each cut to this length (bounded work per request).
MAX_QUERY_TERMS = 8
MAX_TERM_LENGTH = 40


def fold(text: str) -> str:
    """`"L'Économie locale — ÉTÉ 2024"` → `"l economie locale ete 2024"`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def _strings(value: Any) -> Iterator[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _strings(item)


def search_document(*parts: Any) -> str:
    """Every string in `parts` (strings, translatable dicts, lists of either, None), folded, each
    word once: repeats add nothing to a boolean match and make the index bigger."""
    seen: dict[str, None] = {}
    for text in _strings(parts):
        for word in fold(text).split():
            seen.setdefault(word, None)
    return " ".join(seen)


def query_terms(q: str) -> list[str]:
    """The folded words of a query; one-letter words are dropped when longer ones are present
    ("l'habitat" → ["habitat"])."""
    terms = [t[:MAX_TERM_LENGTH] for t in fold(q).split()]
    longer = [t for t in terms if len(t) > 1]
    return list(dict.fromkeys(longer or terms))[:MAX_QUERY_TERMS]
