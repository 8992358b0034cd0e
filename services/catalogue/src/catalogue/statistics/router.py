from __future__ import annotations

from fastapi import APIRouter

from catalogue.statistics import service
from catalogue.statistics.schemas import CatalogueOverview
from common.db import DBSession
from common.statistics import FiltersQuery, OverviewViewer, PeriodQuery

router = APIRouter(prefix="/statistics", tags=["statistics"])


@router.get("/overview", response_model=CatalogueOverview, summary="Programmes and sessions in figures")
async def overview(
    session: DBSession,
    viewer: OverviewViewer,
    period: PeriodQuery,
    filters: FiltersQuery,
) -> CatalogueOverview:
    """Coordinators and admins; integrators with `statistics:read`; a partner's focal point with
    `partner=` (its programmes). Sessions start in the period; `country` is the venue's."""
    return await service.overview(session, viewer=viewer, period=period, filters=filters)
