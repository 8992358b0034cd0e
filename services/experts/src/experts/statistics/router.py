from __future__ import annotations

from fastapi import APIRouter

from common.db import DBSession
from common.statistics import FiltersQuery, OverviewViewer, PeriodQuery, ReportPart, ReportViewer
from experts.statistics import service
from experts.statistics.schemas import ExpertsOverview

router = APIRouter(prefix="/statistics", tags=["statistics"])


@router.get("/overview", response_model=ExpertsOverview, summary="The Community of Experts in figures")
async def overview(
    session: DBSession,
    viewer: OverviewViewer,
    period: PeriodQuery,
    filters: FiltersQuery,
) -> ExpertsOverview:
    """Coordinators and admins (exact figures, and the vetting queue); integrators with
    `statistics:read` and a partner's focal point (`partner=`: the experts of its sessions): small
    counts suppressed. `country` is the expert's country of residence."""
    return await service.overview(session, viewer=viewer, period=period, filters=filters)


@router.get("/report", response_model=ReportPart, summary="The donor report's experts mobilised")
async def report(
    session: DBSession,
    viewer: ReportViewer,
    period: PeriodQuery,
    filters: FiltersQuery,
) -> ReportPart:
    """Same readers as the overview. Experts mobilised by country, mobilisations by theme and role:
    aggregates only, no names, small counts suppressed for everyone."""
    return await service.report(session, viewer=viewer, period=period, filters=filters)
