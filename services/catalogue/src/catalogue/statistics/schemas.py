from __future__ import annotations

from pydantic import BaseModel

from common.statistics import Breakdown, PeriodRead


class UpcomingSessions(BaseModel):
    """Public sessions and events still to start (within the period, when one is given)."""

    by_mode: Breakdown
    #: Where they take place; `null`: online, no venue.
    by_country: Breakdown
    by_language: Breakdown
    by_kind: Breakdown


class CatalogueOverview(BaseModel):
    period: PeriodRead
    partner: str | None
    filters: dict[str, str | None]
    programmes_by_status: Breakdown
    #: Sessions and events starting in the period, by status (drafts included: they are work to do).
    sessions_by_status: Breakdown
    upcoming: UpcomingSessions
