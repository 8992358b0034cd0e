from __future__ import annotations

from fastapi import APIRouter, Response

from catalogue.theme import service
from catalogue.theme.schemas import ThemeRead
from common.db import DBSession
from common.i18n import RequestLanguage
from common.pagination import Page, Pagination

router = APIRouter(prefix="/themes", tags=["themes"])


@router.get("", response_model=Page[ThemeRead], summary="The themes of the ALGA Colleges")
async def list_themes(
    session: DBSession, page: Pagination, lang: RequestLanguage, response: Response
) -> Page[ThemeRead]:
    """Public: the 18 themes, in the seed document's order, with their number of published programmes."""
    themes = await service.list_themes(session)
    counts = await service.programme_counts(session)
    items = [service.to_read(t, lang, counts.get(t.code, 0)) for t in themes]
    response.headers["Content-Language"] = lang.code
    return Page(
        items=items[page.offset : page.offset + page.limit], total=len(items), limit=page.limit, offset=page.offset
    )


@router.get("/{code}", response_model=ThemeRead, summary="One theme")
async def read_theme(code: str, session: DBSession, lang: RequestLanguage, response: Response) -> ThemeRead:
    """Public."""
    theme = await service.get(session, code)
    counts = await service.programme_counts(session)
    response.headers["Content-Language"] = lang.code
    return service.to_read(theme, lang, counts.get(theme.code, 0))
