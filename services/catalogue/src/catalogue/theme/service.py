from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from catalogue.programme.models import Programme
from catalogue.theme.models import Theme
from catalogue.theme.schemas import ThemeRead
from catalogue.vocabulary import ProgrammeStatus
from common.errors import NotFound
from common.i18n import Lang, pick


async def list_themes(session: AsyncSession) -> list[Theme]:
    return list((await session.execute(select(Theme).order_by(col(Theme.position), col(Theme.code)))).scalars())


async def get(session: AsyncSession, code: str) -> Theme:
    theme = await session.get(Theme, code)
    if theme is None:
        raise NotFound(f"No theme with the code {code!r}.")
    return theme


async def titles(session: AsyncSession) -> dict[str, dict[str, str]]:
    """Every theme's title variants, by code (18 rows: read whole)."""
    return {code: title for code, title in (await session.execute(select(col(Theme.code), col(Theme.title)))).all()}


async def unknown_codes(session: AsyncSession, codes: Iterable[str]) -> list[str]:
    wanted = set(codes)
    if not wanted:
        return []
    found = set((await session.execute(select(col(Theme.code)).where(col(Theme.code).in_(wanted)))).scalars())
    return sorted(wanted - found)


async def programme_counts(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(col(Programme.theme_code), func.count())
        .where(col(Programme.status) == ProgrammeStatus.published, col(Programme.theme_code).is_not(None))
        .group_by(col(Programme.theme_code))
    )
    return {str(code): int(n) for code, n in rows.all()}


def to_read(theme: Theme, lang: Lang, programme_count: int) -> ThemeRead:
    return ThemeRead(
        code=theme.code,
        position=theme.position,
        title=pick(theme.title, lang.code),
        summary=pick(theme.summary, lang.code),
        programme_count=programme_count,
        lang=lang.code,
        available_languages=sorted(theme.title),
        translations={"title": theme.title, "summary": theme.summary} if lang.all_variants else None,
    )
