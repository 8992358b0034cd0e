"""Text folding: one normal form for search documents, queries and duplicate detection.

The same folding as the catalogue's (accents off, case folded, punctuation to spaces), so that
"Aïssatou", "AISSATOU" and "aissatou" find each other on SQLite and PostgreSQL alike without
relying on either database's collations or extensions.
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


def name_key(full_name: str) -> str:
    """The key two names of one person share: folded, words sorted.

    Sorted because the same person is often written surname first ("DIALLO Aïssatou") in one
    form and last in another."""
    return " ".join(sorted(fold(full_name).split()))


def sort_key(full_name: str) -> str:
    """Accent-blind order for lists of people."""
    return fold(full_name)[:200]


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
