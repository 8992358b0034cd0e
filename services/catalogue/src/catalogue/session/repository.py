"""The SQL of session search: filters, the page, the total and the facet counts.

Facet counts are GROUP BY queries, all sent with the total as one UNION ALL statement. A facet's
counts apply every filter except its own (choosing a theme still shows how many sessions the
other themes have), which is what a faceted search page needs to show its alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, false, func, literal_column, or_, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from catalogue import search
from catalogue.programme.partners import with_partners
from catalogue.session.models import CourseSession, SessionAudience
from catalogue.session.service import PUBLIC_STATUSES
from catalogue.vocabulary import SessionStatus

FACETS = ("theme", "kind", "event_kind", "mode", "language", "country", "audience", "open")
T = CourseSession

_COLUMNS: dict[str, Any] = {
    "theme": col(T.theme_code),
    "kind": col(T.kind),
    "event_kind": col(T.event_kind),
    "mode": col(T.delivery_mode),
    "language": col(T.language),
    "country": col(T.venue_country),
}


@dataclass
class SessionFilters:
    q: str | None = None
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    event_kind: list[str] = field(default_factory=list)
    mode: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    programme: str | None = None
    module: str | None = None
    starts_from: datetime | None = None
    starts_to: datetime | None = None
    open: bool | None = None
    status: list[str] = field(default_factory=list)
    #: Staff may ask for drafts (status=draft); everyone else never sees one.
    staff: bool = False
    #: Partner institutions (organisation ids): sessions of the programmes they take part in.
    partner: list[str] = field(default_factory=list)


def open_condition(now: datetime) -> ColumnElement[bool]:
    """Applications can be sent now: open, and the window (where set) holds `now`."""
    return and_(
        col(T.status) == SessionStatus.applications_open,
        or_(col(T.applications_open_at).is_(None), col(T.applications_open_at) <= now),
        or_(col(T.applications_close_at).is_(None), col(T.applications_close_at) > now),
    )


def _conditions(
    filters: SessionFilters, dialect: str, now: datetime
) -> tuple[list[ColumnElement[bool]], dict[str, ColumnElement[bool]]]:
    """(conditions every query applies, {facet: that facet's own condition})."""
    base: list[ColumnElement[bool]] = []
    # Everyone gets the public catalogue by default; staff see drafts when they ask for them.
    visible = set(PUBLIC_STATUSES) | ({SessionStatus.draft.value} if filters.staff else set())
    statuses = visible & set(filters.status) if filters.status else set(PUBLIC_STATUSES)
    base.append(col(T.status).in_(sorted(statuses)) if statuses else false())
    text = search.match(dialect, "session", col(T.id), filters.q)
    if text is not None:
        base.append(text)
    if filters.programme:
        base.append(col(T.programme_id) == filters.programme)
    if filters.partner:
        base.append(with_partners(col(T.programme_id), filters.partner))
    if filters.module:
        base.append(col(T.module_id) == filters.module)
    # A session is in a date range when it overlaps it.
    if filters.starts_from is not None:
        base.append(col(T.ends_at) >= filters.starts_from)
    if filters.starts_to is not None:
        base.append(col(T.starts_at) <= filters.starts_to)

    own: dict[str, ColumnElement[bool]] = {}
    for name, column in _COLUMNS.items():
        values = getattr(filters, name)
        if values:
            own[name] = column.in_(values)
    if filters.audience:
        own["audience"] = col(T.id).in_(
            select(col(SessionAudience.session_id)).where(col(SessionAudience.audience).in_(filters.audience))
        )
    if filters.open is not None:
        own["open"] = open_condition(now) if filters.open else ~open_condition(now)
    return base, own


def _where(base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]], but: str | None = None) -> Any:
    return and_(true(), *base, *(c for name, c in own.items() if name != but))


async def search_sessions(
    session: AsyncSession,
    filters: SessionFilters,
    *,
    limit: int,
    offset: int,
    now: datetime,
    with_facets: bool = True,
    with_total: bool = True,
) -> tuple[list[CourseSession], int, dict[str, list[tuple[str, int]]]]:
    """One page (earliest first), the total and the facet counts: two statements in all."""
    dialect = session.get_bind().dialect.name
    base, own = _conditions(filters, dialect, now)
    where = _where(base, own)
    page = select(T).where(where).order_by(col(T.starts_at), col(T.id)).limit(limit).offset(offset)
    rows = list((await session.execute(page)).scalars().all())
    total = 0
    facets: dict[str, list[tuple[str, int]]] = {}
    if with_facets:
        total, facets = await _counts(session, base, own, now)
    elif with_total:
        total = int((await session.execute(select(func.count()).select_from(T).where(where))).scalar_one())
    return rows, total, facets


def _arm(name: str, value: Any) -> tuple[Any, Any, Any]:
    return literal_column(f"'{name}'").label("facet"), value.label("value"), func.count().label("n")


async def _counts(
    session: AsyncSession, base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]], now: datetime
) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """The total and every facet's counts, in one UNION ALL of GROUP BY queries.

    The sessions matching every filter are selected once, as a CTE of their facet columns (both
    databases materialise a CTE used several times); the total and each facet without a filter
    of its own are counted from it. A facet the caller filters on is counted over the other
    filters only, with a query of its own."""
    is_open = case((open_condition(now), literal_column("'true'")), else_=literal_column("'false'"))
    matched = (
        select(col(T.id), *(c.label(name) for name, c in _COLUMNS.items()), is_open.label("open"))
        .where(_where(base, own))
        .cte("matched_sessions")
    )
    total: tuple[Any, ...] = (
        literal_column("'total'").label("facet"),
        literal_column("''").label("value"),
        func.count().label("n"),
    )
    parts: list[Any] = [select(*total).select_from(matched)]
    for name, column in _COLUMNS.items():
        if name in own:
            parts.append(
                select(*_arm(name, column)).where(_where(base, own, but=name), column.is_not(None)).group_by(column)
            )
        else:
            parts.append(
                select(*_arm(name, matched.c[name])).where(matched.c[name].is_not(None)).group_by(matched.c[name])
            )
    audience = col(SessionAudience.audience)
    if "audience" in own:
        parts.append(
            select(*_arm("audience", audience))
            .select_from(SessionAudience)
            .join(T, col(T.id) == col(SessionAudience.session_id))
            .where(_where(base, own, but="audience"))
            .group_by(audience)
        )
    else:
        parts.append(
            select(*_arm("audience", audience))
            .select_from(SessionAudience)
            .join(matched, matched.c.id == col(SessionAudience.session_id))
            .group_by(audience)
        )
    if "open" in own:
        # Grouped in an outer query: PostgreSQL would not see the CASE (which holds a bound `now`)
        # in the select list and in GROUP BY as the same expression.
        flags = select(is_open.label("value")).where(_where(base, own, but="open")).subquery()
        parts.append(select(*_arm("open", flags.c.value)).group_by(flags.c.value))
    else:
        parts.append(select(*_arm("open", matched.c.open)).group_by(matched.c.open))
    count = 0
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for facet, value, n in (await session.execute(union_all(*parts))).all():
        if facet == "total":
            count = int(n)
        else:
            counts[facet].append((str(value), int(n)))
    for values in counts.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return count, counts
