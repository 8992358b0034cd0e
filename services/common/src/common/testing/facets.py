"""An oracle for faceted searches: which generated rows a set of filters keeps, and the counts a
facet should show, computed in plain Python to hold the API's answers against.

A row is a dict: `words` (its folded search document, split), one value per single-valued facet
and a list per multi-valued one (`multi`). Filters are {name: values}; `q` holds words, each a
prefix that must start one of the row's words; any other filter keeps a row having one of its
values. A facet's counts apply every filter but its own, as a faceted search page shows them.
Rows the caller may not see are left out before asking."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any

Filters = dict[str, list[str]]


def keeps(row: Mapping[str, Any], filters: Filters, *, multi: Collection[str], but: str | None = None) -> bool:
    """`row` passes every filter (except `but`'s)."""
    for name, values in filters.items():
        if name == but:
            continue
        if name == "q":
            if not all(any(word.startswith(term) for word in row["words"]) for term in values):
                return False
        elif name in multi:
            if not set(values) & set(row[name]):
                return False
        elif row[name] not in values:
            return False
    return True


def expected_facet_counts(
    rows: Iterable[Mapping[str, Any]], filters: Filters, facets: Sequence[str], *, multi: Collection[str]
) -> dict[str, dict[str, int]]:
    """{facet: {value: count}}: each facet over the rows passing every filter but its own (a row
    counts once for each of its values; no value, no count)."""
    rows = list(rows)
    counts: dict[str, dict[str, int]] = {}
    for facet in facets:
        counter: Counter[str] = Counter()
        for row in rows:
            if keeps(row, filters, multi=multi, but=facet):
                values = row[facet] if facet in multi else [row[facet]]
                counter.update(value for value in values if value is not None)
        counts[facet] = dict(counter)
    return counts


def filter_combinations(rng: random.Random, choices: Mapping[str, list[list[str]]], *, mixed: int) -> list[Filters]:
    """No filter, every choice alone, then `mixed` random combinations of 2 to 4 filters."""
    combos: list[Filters] = [{}]
    combos += [{name: values} for name, options in choices.items() for values in options]
    for _ in range(mixed):
        names = rng.sample(sorted(choices), rng.randint(2, 4))
        combos.append({name: rng.choice(choices[name]) for name in names})
    return combos
