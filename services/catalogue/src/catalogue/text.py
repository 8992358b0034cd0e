"""Text folding for search: one normal form for the stored documents and for the queries.

"Économie", "ECONOMIE" and "économie" must find each other on SQLite and PostgreSQL alike, so the
service folds text itself (accents off, case folded, punctuation to spaces) instead of relying on
each database's collations and extensions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

# Letters NFKD does not decompose.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l"})
_NOT_WORD = re.compile(r"[^\w]+|_+")

MAX_QUERY_TERMS = 8
MAX_TERM_LENGTH = 40


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", bare).split())


def search_document(*parts: Any) -> str:
    """Fold every string found in `parts` (strings, translatable dicts, lists, None) into one text."""
    words: list[str] = []

    def walk(value: Any) -> None:
        if value is None:
            return
        if isinstance(value, str):
            folded = fold(value)
            if folded:
                words.append(folded)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, Iterable):
            for item in value:
                walk(item)

    for part in parts:
        walk(part)
    # Repeated words add nothing to a boolean match and make the index bigger.
    return " ".join(dict.fromkeys(" ".join(words).split()))


def query_terms(q: str) -> list[str]:
    """The folded words of a query; one-letter words are dropped when longer ones are present
    ("l'habitat" → ["habitat"])."""
    terms = [t[:MAX_TERM_LENGTH] for t in fold(q).split()]
    longer = [t for t in terms if len(t) > 1]
    return list(dict.fromkeys(longer or terms))[:MAX_QUERY_TERMS]
