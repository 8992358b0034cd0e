from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from common.db import DBSession
from common.statistics import LanguageQuery, OverviewViewer, PeriodQuery, ReportPart, ReportViewer, ThemeQuery
from publications.statistics import service
from publications.statistics.schemas import PublicationsOverview
from publications.vocabulary import RecordType

router = APIRouter(prefix="/statistics", tags=["statistics"])

TypeQuery = Annotated[RecordType | None, Query(description="A record type")]


def _filters(theme: str | None, language: str | None, type: RecordType | None) -> service.Filters:
    return service.Filters(
        theme=theme, language=language.lower() if language else None, type=type.value if type else None
    )


@router.get("/overview", response_model=PublicationsOverview, summary="The library in figures")
async def overview(
    session: DBSession,
    viewer: OverviewViewer,
    period: PeriodQuery,
    theme: ThemeQuery = None,
    language: LanguageQuery = None,
    type: TypeQuery = None,
) -> PublicationsOverview:
    """Coordinators and admins; integrators with `statistics:read`; a partner's focal point with
    `partner=` (the records it took part in). Issued: publication date in the period."""
    return await service.overview(session, viewer=viewer, period=period, filters=_filters(theme, language, type))


@router.get("/report", response_model=ReportPart, summary="The donor report's publications")
async def report(
    session: DBSession,
    viewer: ReportViewer,
    period: PeriodQuery,
    theme: ThemeQuery = None,
    language: LanguageQuery = None,
    type: TypeQuery = None,
) -> ReportPart:
    """Same readers as the overview. Publications issued by type, theme and language; downloads in
    the period by type and by publication."""
    return await service.report(session, viewer=viewer, period=period, filters=_filters(theme, language, type))
