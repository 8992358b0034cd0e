from __future__ import annotations

from pydantic import BaseModel

from common.statistics import Breakdown, Cell, PeriodRead


class UserFigures(BaseModel):
    """Accounts counted three ways; each breakdown adds up to the same people."""

    #: By the highest role each account holds (admin, coordinator, expert, learner).
    by_role: Breakdown
    by_country: Breakdown
    #: Self-declared and optional: `null` is "not stated".
    by_gender: Breakdown


class IdentityOverview(BaseModel):
    period: PeriodRead
    #: The partner institution the figures are limited to (its members).
    partner: str | None
    filters: dict[str, str | None]
    #: Active accounts now.
    users: UserFigures
    #: Accounts created in the period.
    registrations: UserFigures
    #: Partner institutions, and how many of them have no focal point yet.
    partners: Cell
    partners_without_focal_point: Cell
