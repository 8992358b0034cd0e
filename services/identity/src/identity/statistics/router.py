from __future__ import annotations

from fastapi import APIRouter

from common.db import DBSession
from common.statistics import CountryQuery, OverviewViewer, PeriodQuery
from identity.statistics import service
from identity.statistics.schemas import IdentityOverview

router = APIRouter(prefix="/statistics", tags=["statistics"])


@router.get("/overview", response_model=IdentityOverview, summary="Accounts and partners in figures")
async def overview(
    session: DBSession, viewer: OverviewViewer, period: PeriodQuery, country: CountryQuery = None
) -> IdentityOverview:
    """Coordinators and admins (exact figures); integrators with `statistics:read` and a partner's
    focal point (`partner=`, the partner's members): small counts suppressed."""
    return await service.overview(session, viewer=viewer, period=period, country=country)
