"""The statistics kit: small-count suppression that no subtraction undoes."""

from __future__ import annotations

import itertools
import random

import pytest

from common.statistics import Breakdown, breakdown, cell

SERVICES = ("identity", "catalogue", "enrollment", "experts", "publications")


def _shown(result: Breakdown) -> list[str]:
    return [row.count.display for row in result.rows]


def test_cells_under_the_threshold_are_suppressed() -> None:
    assert cell(0, 5).display == "0" and cell(0, 5).value == 0
    assert cell(3, 5).model_dump() == {"value": None, "suppressed": True, "display": "< 5"}
    assert cell(5, 5).model_dump() == {"value": 5, "suppressed": False, "display": "5"}
    assert cell(3).value == 3


def test_exact_breakdowns_drop_empty_rows_and_keep_the_order() -> None:
    result = breakdown([("SN", "Sénégal", 3), ("MA", "Maroc", 0), (None, "Not stated", 1)])
    assert [(r.key, r.count.value) for r in result.rows] == [("SN", 3), (None, 1)]
    assert result.total.value == 4 and not result.withheld


@pytest.mark.parametrize(
    ("values", "shown", "withheld"),
    [
        ([12, 8, 7], ["12", "8", "7"], False),  # nothing small
        ([12, 8, 3], ["12", "≥ 5", "< 5"], False),  # 3 alone would be 23 - 20: the smallest other goes too
        ([12, 3, 2], ["12", "< 5", "< 5"], False),  # 3 + 2 = 5 leaves each several values
        ([4, 1], ["< 5", "< 5"], False),
        ([20, 5, 1], ["≥ 5", "≥ 5", "< 5"], False),  # 5 + 1 = 6 would make them 5 and 1
        ([1, 1, 1, 1, 1], [], True),  # five ones: nothing can be shown by country
        ([2, 2], [], True),  # the total itself is small
    ],
)
def test_suppression_rule(values: list[int], shown: list[str], withheld: bool) -> None:
    result = breakdown([(str(i), str(i), n) for i, n in enumerate(values)], 5)
    assert _shown(result) == shown
    assert result.withheld is withheld
    total = sum(values)
    assert result.total.display == (str(total) if total >= 5 else "< 5")


def _possible_values(result: Breakdown, total: int, threshold: int) -> list[set[int]]:
    """What a reader can infer for each suppressed cell from the total and the cells shown."""
    hidden = [r for r in result.rows if r.count.suppressed]
    rest = total - sum(r.count.value or 0 for r in result.rows)
    ranges = [range(1, threshold) if r.count.display.startswith("<") else range(threshold, total + 1) for r in hidden]
    possible: list[set[int]] = [set() for _ in hidden]
    for combination in itertools.product(*ranges):
        if sum(combination) == rest:
            for i, value in enumerate(combination):
                possible[i].add(value)
    return possible


def test_no_suppressed_cell_can_be_worked_out_by_subtraction() -> None:
    rng = random.Random(7)
    for _ in range(400):
        threshold = rng.choice([3, 5])
        values = [rng.choice([1, 1, 2, 3, 4, 5, 6, 8, 12]) for _ in range(rng.randint(1, 5))]
        result = breakdown([(str(i), str(i), n) for i, n in enumerate(values)], threshold)
        total = sum(values)
        if result.withheld:
            assert result.rows == []
            continue
        assert total >= threshold or not any(v < threshold for v in values)
        for value, row in zip(values, result.rows, strict=True):
            assert row.count.value in (None, value)
            assert row.count.suppressed or value >= threshold
        for options in _possible_values(result, total, threshold):
            assert len(options) >= 2, (values, _shown(result))
