from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.ext.asyncio import AsyncSession

from catalogue.calendar.service import MEDIA_TYPE, build
from catalogue.dependencies import IsStaff, SessionQuery, Settings
from catalogue.programme import service as programmes
from catalogue.session import service as sessions
from catalogue.session import views
from catalogue.session.repository import SessionFilters, search_sessions
from catalogue.settings import CatalogueSettings
from catalogue.theme import service as themes
from catalogue.timeutil import utcnow
from common.db import DBSession
from common.i18n import Lang, RequestLanguage, pick

router = APIRouter(tags=["calendar"])

ICAL_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/calendar": {"schema": {"type": "string"}}}, "description": "An iCalendar (RFC 5545) file"}
}


async def feed(
    session: AsyncSession,
    filters: SessionFilters,
    *,
    lang: Lang,
    settings: CatalogueSettings,
    name: str,
    filename: str,
    staff: bool,
) -> Response:
    now = utcnow()
    if filters.starts_from is None:
        filters.starts_from = now - timedelta(days=settings.calendar_past_days)
    rows, _ = await search_sessions(
        session, filters, limit=settings.calendar_max_events, offset=0, now=now, with_total=False
    )
    related = await sessions.related(session, rows)
    items = [(r, views.to_read(r, related, lang, staff=False, public_url=settings.public_url, now=now)) for r in rows]
    body = build(items, name=name, language=lang.code)
    return Response(
        body,
        media_type=MEDIA_TYPE,
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Content-Language": lang.code,
            "Cache-Control": "private, max-age=60" if staff else "public, max-age=300",
        },
    )


def _feed_name(lang: Lang, what: str | None) -> str:
    base = "ALGA — sessions et événements" if lang.code == "fr" else "ALGA — sessions and events"
    return f"{base} : {what}" if what and lang.code == "fr" else (f"{base}: {what}" if what else base)


@router.get("/calendar.ics", response_class=Response, responses=ICAL_RESPONSE, summary="Calendar feed of the sessions")
async def calendar(
    session: DBSession, filters: SessionQuery, lang: RequestLanguage, settings: Settings, staff: IsStaff
) -> Response:
    """Public. The sessions `GET /sessions` would find with the same filters, as iCalendar; unless
    `from` is given, sessions that ended more than a few weeks ago are left out."""
    return await feed(
        session,
        filters,
        lang=lang,
        settings=settings,
        name=_feed_name(lang, None),
        filename="alga-sessions.ics",
        staff=staff,
    )


@router.get(
    "/programmes/{programme_id}/calendar.ics",
    response_class=Response,
    responses=ICAL_RESPONSE,
    summary="Calendar feed of a programme's sessions",
)
async def programme_calendar(
    programme_id: str,
    session: DBSession,
    filters: SessionQuery,
    lang: RequestLanguage,
    settings: Settings,
    staff: IsStaff,
) -> Response:
    """Public (a draft programme is not found). The same filters as `GET /calendar.ics` apply."""
    programme = await programmes.get_by_id_or_code(session, programme_id, staff=staff)
    filters.programme = programme.id
    return await feed(
        session,
        filters,
        lang=lang,
        settings=settings,
        name=_feed_name(lang, pick(programme.title, lang.code)),
        filename=f"alga-{programme.code}.ics",
        staff=staff,
    )


@router.get(
    "/themes/{code}/calendar.ics",
    response_class=Response,
    responses=ICAL_RESPONSE,
    summary="Calendar feed of a theme's sessions",
)
async def theme_calendar(
    code: str, session: DBSession, filters: SessionQuery, lang: RequestLanguage, settings: Settings, staff: IsStaff
) -> Response:
    """Public. The same filters as `GET /calendar.ics` apply."""
    theme = await themes.get(session, code)
    filters.theme = [theme.code]
    return await feed(
        session,
        filters,
        lang=lang,
        settings=settings,
        name=_feed_name(lang, pick(theme.title, lang.code)),
        filename=f"alga-{theme.code}.ics",
        staff=staff,
    )


@router.get(
    "/sessions/{session_id}/calendar.ics",
    response_class=Response,
    responses=ICAL_RESPONSE,
    summary="One session as an iCalendar file (add to calendar)",
)
async def session_calendar(
    session_id: str, session: DBSession, lang: RequestLanguage, settings: Settings, staff: IsStaff
) -> Response:
    """Public (a draft is not found)."""
    run = await sessions.get(session, session_id, staff=staff)
    related = await sessions.related(session, [run])
    read = views.to_read(run, related, lang, staff=False, public_url=settings.public_url)
    body = build([(run, read)], name=read.title, language=lang.code)
    return Response(
        body,
        media_type=MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="alga-session-{run.id}.ics"',
            "Content-Language": lang.code,
        },
    )
