from __future__ import annotations

from fastapi import APIRouter

from common.db import DBSession
from common.statistics import FiltersQuery, OverviewViewer, PeriodQuery, ReportPart, ReportViewer
from enrollment.statistics import service
from enrollment.statistics.schemas import EnrollmentOverview

router = APIRouter(prefix="/statistics", tags=["statistics"])


@router.get("/overview", response_model=EnrollmentOverview, summary="Applications, seats and training in figures")
async def overview(
    session: DBSession,
    viewer: OverviewViewer,
    period: PeriodQuery,
    filters: FiltersQuery,
) -> EnrollmentOverview:
    """Coordinators and admins (exact figures, and the review queue); integrators with
    `statistics:read` and a partner's focal point (`partner=`): small counts suppressed.
    `country` is the learner's for people, the venue's for sessions."""
    return await service.overview(session, viewer=viewer, period=period, filters=filters)


@router.get("/report", response_model=ReportPart, summary="The donor report's training figures")
async def report(
    session: DBSession,
    viewer: ReportViewer,
    period: PeriodQuery,
    filters: FiltersQuery,
) -> ReportPart:
    """Same readers as the overview. People trained by country, gender, position and programme,
    sessions held by mode and country: aggregates only, small counts of people suppressed for everyone."""
    return await service.report(session, viewer=viewer, period=period, filters=filters)
