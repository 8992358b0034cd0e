"""The SQL of session search: filters, the page, the total and the facet counts.

A faceted search is two statements: one finds the sessions once and answers the page's ids, the
total and every facet's counts (GROUP BY queries in one UNION ALL over that set); the other reads
the page's rows by id. A facet's counts apply every filter except its own (choosing a theme still
shows how many sessions the other themes have), which is what a faceted search page needs to show
its alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, and_, case, false, func, literal, literal_column, or_, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from catalogue import search
from catalogue.programme.partners import with_partners
from catalogue.session.models import CourseSession
from catalogue.session.service import PUBLIC_STATUSES
from catalogue.vocabulary import AUDIENCE_BITS, SessionStatus, audience_bits

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


def _conditions(filters: SessionFilters, dialect: str) -> list[ColumnElement[bool]]:
    """The conditions no facet is about: visibility and status, the words, programme, partner,
    module and date range. A session the page lists and every facet counts meets them all."""
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
    return base


def _has_any(mask: Any, bits: int) -> ColumnElement[bool]:
    """`mask` has at least one of `bits`: a session is for at least one of the audiences."""
    return mask.op("&")(literal(bits, Integer)) != 0


def _audience_condition(audiences: list[str]) -> ColumnElement[bool]:
    # The session's own column (kept by triggers on session_audience, ADR 0006): no join.
    return _has_any(col(T.audience_mask), audience_bits(audiences))


def _own_conditions(filters: SessionFilters, now: datetime) -> dict[str, ColumnElement[bool]]:
    """{facet: the condition of that facet's own filter} on the session table."""
    own: dict[str, ColumnElement[bool]] = {}
    for name, column in _COLUMNS.items():
        values = getattr(filters, name)
        if values:
            own[name] = column.in_(values)
    if filters.audience:
        own["audience"] = _audience_condition(filters.audience)
    if filters.open is not None:
        own["open"] = open_condition(now) if filters.open else ~open_condition(now)
    return own


def _where(base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]]) -> Any:
    return and_(true(), *base, *own.values())


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
    if with_facets:
        ids, total, facets = await faceted_search(session, filters, limit=limit, offset=offset, now=now)
        rows: list[CourseSession] = []
        if ids:
            page = select(T).where(col(T.id).in_(ids)).order_by(col(T.starts_at), col(T.id))
            rows = list((await session.execute(page)).scalars().all())
        return rows, total, facets
    dialect = session.get_bind().dialect.name
    base = _conditions(filters, dialect)
    where = _where(base, _own_conditions(filters, now))
    page = select(T).where(where).order_by(col(T.starts_at), col(T.id)).limit(limit).offset(offset)
    rows = list((await session.execute(page)).scalars().all())
    total = 0
    if with_total:
        total = int((await session.execute(select(func.count()).select_from(T).where(where))).scalar_one())
    return rows, total, {}


async def faceted_search(
    session: AsyncSession, filters: SessionFilters, *, limit: int, offset: int, now: datetime
) -> tuple[list[str], int, dict[str, list[tuple[str, int]]]]:
    """The ids of one page (earliest first), the total and every facet's counts, in one statement
    (the page's rows are read by id after: `service.read_page`)."""
    dialect = session.get_bind().dialect.name
    base = _conditions(filters, dialect)
    return await _page_and_counts(session, dialect, filters, base, limit=limit, offset=offset, now=now)


def _arm(name: str, value: Any) -> tuple[Any, Any, Any]:
    return literal_column(f"'{name}'").label("facet"), value.label("value"), func.count().label("n")


async def _page_and_counts(
    session: AsyncSession,
    dialect: str,
    filters: SessionFilters,
    base: list[ColumnElement[bool]],
    *,
    limit: int,
    offset: int,
    now: datetime,
) -> tuple[list[str], int, dict[str, list[tuple[str, int]]]]:
    """The ids of the page, the total and every facet's counts, in one statement that matches once.

    The sessions meeting the conditions no facet is about (status, words, programme, dates…) are
    selected once, as a CTE of their facet columns (less those failing two facet filters or more,
    which nothing counts), with a flag for the audience filter. Everything else is computed from
    that set: the total and the page apply every facet filter; a facet's counts apply every facet
    filter but its own, so the page keeps showing the alternatives (choosing a theme still shows
    how many sessions the other themes have). So the full-text match, and the reading of the
    matched rows, happen once whatever the number of facets and filters (ADR 0006)."""
    is_open = case((open_condition(now), literal_column("'true'")), else_=literal_column("'false'"))
    columns: list[Any] = [col(T.id), col(T.starts_at), *(c.label(name) for name, c in _COLUMNS.items())]
    columns.append(is_open.label("open"))
    columns.append(col(T.audience_mask).label("audiences"))
    where = [*base]
    own_filters = _own_conditions(filters, now)
    if len(own_filters) > 1:
        # Only sessions failing at most one facet filter count anywhere (the others are neither
        # listed nor counted by any facet): said so, the database can use the filters' indexes.
        where.append(
            or_(*(and_(*(cond for facet, cond in own_filters.items() if facet != name)) for name in own_filters))
        )
    candidates = select(*columns).where(and_(true(), *where)).cte("candidate_sessions")
    c = candidates.c

    own: dict[str, ColumnElement[bool]] = {}
    for name in _COLUMNS:
        values = getattr(filters, name)
        if values:
            own[name] = c[name].in_(values)
    if filters.audience:
        own["audience"] = _has_any(c.audiences, audience_bits(filters.audience))
    if filters.open is not None:
        own["open"] = c.open == ("true" if filters.open else "false")

    def but(name: str | None) -> Any:
        return and_(true(), *(cond for facet, cond in own.items() if facet != name))

    page = select(c.id).where(but(None)).order_by(c.starts_at, c.id).limit(limit).offset(offset).subquery("page")
    parts: list[Any] = [
        select(literal_column("'page'").label("facet"), page.c.id.label("value"), literal_column("0").label("n")),
        select(literal_column("'total'"), literal_column("''"), func.count()).select_from(candidates).where(but(None)),
    ]
    for name in (*_COLUMNS, "open"):
        parts.append(select(*_arm(name, c[name])).where(but(name), c[name].is_not(None)).group_by(c[name]))
    # The audience facet from the candidates' own masks: each is tested against every audience's
    # bit (a constant table of a few rows), no audience row is read.
    bits = union_all(
        *(
            select(literal_column(f"'{audience}'").label("audience"), literal_column(str(bit)).label("bit"))
            for audience, bit in AUDIENCE_BITS.items()
        )
    ).cte("audience_bits")
    parts.append(
        select(*_arm("audience", bits.c.audience))
        .select_from(candidates)
        .join(bits, c.audiences.op("&")(bits.c.bit) != 0)
        .where(but("audience"))
        .group_by(bits.c.audience)
    )
    ids: list[str] = []
    count = 0
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for facet, value, n in (await session.execute(union_all(*parts))).all():
        if facet == "page":
            ids.append(str(value))
        elif facet == "total":
            count = int(n)
        else:
            counts[facet].append((str(value), int(n)))
    for values in counts.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return ids, count, counts
