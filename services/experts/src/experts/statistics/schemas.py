from __future__ import annotations

from pydantic import BaseModel

from common.statistics import Breakdown, Cell, PeriodRead


class Mobilised(BaseModel):
    """Experts who taught or spoke at sessions starting in the period (cancelled ones left out)."""

    #: Each expert once, by country of residence.
    experts_by_country: Breakdown
    #: Each expert in each session once ("mobilisations"), by the session's theme and the role.
    engagements_by_theme: Breakdown
    engagements_by_role: Breakdown


class ExpertsOverview(BaseModel):
    period: PeriodRead
    partner: str | None
    filters: dict[str, str | None]
    #: Every profile (merged duplicates left out) by vetting status.
    experts_by_status: Breakdown
    #: Applications to join waiting for vetting (coordinators and admins only).
    to_vet: Cell | None
    mobilised: Mobilised
