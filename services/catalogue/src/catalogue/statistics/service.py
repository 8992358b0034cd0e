"""catalogue's figures, counted by the database (GROUP BY): programmes and sessions by status,
upcoming sessions by delivery mode, country, language and kind."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from catalogue.countries import country_name, language_name
from catalogue.programme.models import Programme
from catalogue.programme.partners import with_partners
from catalogue.session.models import CourseSession
from catalogue.statistics.schemas import CatalogueOverview, UpcomingSessions
from catalogue.timeutil import utcnow
from catalogue.vocabulary import LABELS, SessionStatus
from common.statistics import Breakdown, Filters, Period, Viewer, breakdown, counted

S = SessionStatus
#: Statuses of a session the public sees and that has not happened yet.
UPCOMING = (S.published.value, S.applications_open.value, S.applications_closed.value)
STATUS_LABELS = {
    "draft": {"fr": "Brouillons", "en": "Drafts"},
    "published": {"fr": "Publiés", "en": "Published"},
    "applications_open": {"fr": "Candidatures ouvertes", "en": "Applications open"},
    "applications_closed": {"fr": "Candidatures closes", "en": "Applications closed"},
    "cancelled": {"fr": "Annulés", "en": "Cancelled"},
    "completed": {"fr": "Terminés", "en": "Completed"},
    "archived": {"fr": "Archivés", "en": "Archived"},
}
NO_VENUE = {"fr": "En ligne, sans lieu", "en": "Online, no venue"}


def _label(code: str | None, language: str, names: dict[str, dict[str, str]]) -> str:
    if code is None:
        return NO_VENUE[language]
    return names.get(code, {}).get(language) or code


async def _grouped(session: AsyncSession, column: Any, where: list[ColumnElement[bool]], table: Any) -> list[Any]:
    return await counted(session, select(column, func.count()).select_from(table).where(*where).group_by(column))


def _session_conditions(filters: Filters, viewer: Viewer) -> list[ColumnElement[bool]]:
    T = CourseSession
    where: list[ColumnElement[bool]] = []
    if filters.programme:
        where.append(col(T.programme_id) == filters.programme)
    if filters.theme:
        where.append(col(T.theme_code) == filters.theme)
    if filters.country:
        where.append(col(T.venue_country) == filters.country)
    if filters.language:
        where.append(col(T.language) == filters.language)
    if viewer.partner:
        where.append(with_partners(col(T.programme_id), [viewer.partner]))
    return where


async def _by(
    session: AsyncSession, column: Any, where: list[ColumnElement[bool]], label: Any, table: Any = CourseSession
) -> Breakdown:
    # Sessions and programmes are not people: their counts are never suppressed.
    return breakdown((key, label(key), n) for key, n in await _grouped(session, column, where, table))


async def overview(
    session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters, now: datetime | None = None
) -> CatalogueOverview:
    now = now or utcnow()
    lang = viewer.language
    T = CourseSession
    where = _session_conditions(filters, viewer)
    in_period = [*where, *period.instants(col(T.starts_at))]
    upcoming = [*in_period, col(T.status).in_(UPCOMING), col(T.starts_at) >= now]

    programmes: list[ColumnElement[bool]] = []
    if filters.programme:
        programmes.append(col(Programme.id) == filters.programme)
    if filters.theme:
        programmes.append(col(Programme.theme_code) == filters.theme)
    if viewer.partner:
        programmes.append(with_partners(col(Programme.id), [viewer.partner]))

    def status(code: str | None) -> str:
        return _label(code, lang, STATUS_LABELS)

    def vocabulary(code: str | None) -> str:
        return _label(code, lang, LABELS)

    return CatalogueOverview(
        period=period.read(),
        partner=viewer.partner,
        filters=filters.echo(),
        programmes_by_status=await _by(session, col(Programme.status), programmes, status, Programme),
        sessions_by_status=await _by(session, col(T.status), in_period, status),
        upcoming=UpcomingSessions(
            by_mode=await _by(session, col(T.delivery_mode), upcoming, vocabulary),
            by_country=await _by(
                session, col(T.venue_country), upcoming, lambda c: country_name(c, lang) if c else NO_VENUE[lang]
            ),
            by_language=await _by(session, col(T.language), upcoming, lambda c: language_name(c, lang) if c else ""),
            by_kind=await _by(session, col(T.kind), upcoming, vocabulary),
        ),
    )
