"""The author facet's and filter's key: the platform's folding (common.text), bounded to the column."""

from __future__ import annotations

from common.text import fold

#: `record_author.author_key` holds at most this many characters.
AUTHOR_KEY_LENGTH = 300


def author_key(name: str) -> str:
    """What the author facet and filter compare: `"Aminata DIALLO"` → `"aminata diallo"`."""
    return fold(name)[:AUTHOR_KEY_LENGTH]
