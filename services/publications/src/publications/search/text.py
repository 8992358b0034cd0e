"""One normal form for indexed documents and for queries: accents off, case folded, words only.

"Économie", "ECONOMIE" and "économie" must find each other on SQLite and PostgreSQL alike. The
service folds texts itself rather than relying on each database's collations or extensions
(unaccent is not installed everywhere), so both backends index exactly the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

# Letters that canonical decomposition leaves whole.
_SPECIAL = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "ł": "l"}
)
_SEPARATORS = re.compile(r"[\W_]+")

#: A query keeps at most this many words, each cut to this length (bounded work per request).
QUERY_WORDS = 8
WORD_LENGTH = 40
#: `record_author.author_key` holds at most this many characters.
AUTHOR_KEY_LENGTH = 300


def fold(text: str) -> str:
    """`"L'Économie locale — ÉTÉ 2024"` → `"l economie locale ete 2024"`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()


def author_key(name: str) -> str:
    """What the author facet and filter compare: `"Aminata DIALLO"` → `"aminata diallo"`."""
    return fold(name)[:AUTHOR_KEY_LENGTH]


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


def document(*parts: Any) -> str:
    """Every string in `parts` (strings, {lang: text} dicts, lists of either), folded; each word once
    (a boolean match needs no repeats, and the index stays smaller)."""
    seen: dict[str, None] = {}
    for text in _strings(parts):
        for word in fold(text).split():
            seen.setdefault(word, None)
    return " ".join(seen)


def terms(query: str) -> list[str]:
    """The words of a query, folded. Single letters ("l'", "d'") are dropped when longer words exist."""
    words = [word[:WORD_LENGTH] for word in fold(query).split()]
    meaningful = [word for word in words if len(word) > 1] or words
    return list(dict.fromkeys(meaningful))[:QUERY_WORDS]
