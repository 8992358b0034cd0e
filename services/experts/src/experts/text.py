"""Keys that compare people's names: the platform's one text folding (common.text), then the
order of the words set aside or kept."""

from __future__ import annotations

from common.text import fold


def name_key(full_name: str) -> str:
    """The key two names of one person share: folded, words sorted.

    Sorted because the same person is often written surname first ("DIALLO Aïssatou") in one
    form and last in another."""
    return " ".join(sorted(fold(full_name).split()))


def sort_key(full_name: str) -> str:
    """Accent-blind order for lists of people."""
    return fold(full_name)[:200]
