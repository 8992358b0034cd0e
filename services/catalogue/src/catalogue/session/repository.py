"""The SQL of session search: filters, the page, the total and the facet counts.

A faceted search is two statements: one finds the sessions once and answers the page's ids, the
total and every facet's counts (GROUP BY queries in one UNION ALL over that set); the other reads
the page's rows by id (`service.read_page`). A facet's counts apply every filter except its own
(choosing a theme still shows how many sessions the other themes have), which is what a faceted
search page needs to show its alternatives.

The statements depend only on which filters are given (their `_Shape`), never on the values,
which are bound parameters: each shape's statement is built once per process and reused, so a
request neither builds the dozens of SQLAlchemy objects of a faceted statement again nor computes
its cache key (about 1.5 ms of CPU a request, as much as the database's own work on a small
search). The values go with each execution (`_params`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    String,
    and_,
    bindparam,
    case,
    false,
    func,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
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


def _now() -> Any:
    return bindparam("now", type_=DateTime(timezone=True))


def open_condition() -> ColumnElement[bool]:
    """Applications can be sent now (the `now` parameter): open, and the window (where set)
    holds it."""
    return and_(
        col(T.status) == SessionStatus.applications_open,
        or_(col(T.applications_open_at).is_(None), col(T.applications_open_at) <= _now()),
        or_(col(T.applications_close_at).is_(None), col(T.applications_close_at) > _now()),
    )


@dataclass(frozen=True)
class _Shape:
    """Which filters a search has (not their values): what its statements depend on."""

    dialect: str
    #: False: the statuses asked leave nothing visible.
    statuses: bool
    #: None: no words; False: words that fold to nothing (nothing matches); True: a match.
    text: bool | None
    programme: bool
    partner: bool
    module: bool
    starts_from: bool
    starts_to: bool
    #: The facets filtered on by value (theme… country, audience), in FACETS order.
    facets: tuple[str, ...]
    open: bool | None


def _statuses(filters: SessionFilters) -> list[str]:
    # Everyone gets the public catalogue by default; staff see drafts when they ask for them.
    visible = set(PUBLIC_STATUSES) | ({SessionStatus.draft.value} if filters.staff else set())
    return sorted(visible & set(filters.status) if filters.status else set(PUBLIC_STATUSES))


def _shape(filters: SessionFilters, dialect: str) -> _Shape:
    expression = search.match_expression(dialect, filters.q)
    return _Shape(
        dialect=dialect,
        statuses=bool(_statuses(filters)),
        text=None if expression is None else expression is not False,
        programme=bool(filters.programme),
        partner=bool(filters.partner),
        module=bool(filters.module),
        starts_from=filters.starts_from is not None,
        starts_to=filters.starts_to is not None,
        facets=tuple(name for name in (*_COLUMNS, "audience") if getattr(filters, name)),
        open=filters.open,
    )


def _params(filters: SessionFilters, dialect: str, *, now: datetime, limit: int, offset: int) -> dict[str, Any]:
    """The values of the parameters of the statements of `_shape(filters, dialect)`."""
    params: dict[str, Any] = {
        "statuses": _statuses(filters),
        "now": now,
        "limit": limit,
        "offset": offset,
        "match": search.match_expression(dialect, filters.q),
        "programme": filters.programme,
        "partners": filters.partner,
        "module": filters.module,
        "starts_from": filters.starts_from,
        "starts_to": filters.starts_to,
        "audiences": audience_bits(filters.audience),
    }
    for name in _COLUMNS:
        params[f"{name}_values"] = getattr(filters, name)
    return params


def _conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    """The conditions no facet is about: visibility and status, the words, programme, partner,
    module and date range. A session the page lists and every facet counts meets them all."""
    base: list[ColumnElement[bool]] = [
        col(T.status).in_(bindparam("statuses", expanding=True)) if shape.statuses else false()
    ]
    if shape.text is not None:
        match = bindparam("match", type_=String)
        base.append(search.match_condition(shape.dialect, "session", col(T.id), match) if shape.text else false())
    if shape.programme:
        base.append(col(T.programme_id) == bindparam("programme"))
    if shape.partner:
        base.append(with_partners(col(T.programme_id), bindparam("partners", expanding=True)))
    if shape.module:
        base.append(col(T.module_id) == bindparam("module"))
    # A session is in a date range when it overlaps it.
    if shape.starts_from:
        base.append(col(T.ends_at) >= bindparam("starts_from", type_=DateTime(timezone=True)))
    if shape.starts_to:
        base.append(col(T.starts_at) <= bindparam("starts_to", type_=DateTime(timezone=True)))
    return base


def _has_any(mask: Any, bits: Any) -> ColumnElement[bool]:
    """`mask` has at least one of `bits`: a session is for at least one of the audiences."""
    return mask.op("&")(bits) != literal_column("0")


def _audiences() -> Any:
    # The session's own column (kept by triggers on session_audience, ADR 0006): no join.
    return bindparam("audiences", type_=Integer)


def _own_conditions(
    shape: _Shape, columns: Mapping[str, Any], audiences: Any, is_open: Callable[[bool], ColumnElement[bool]]
) -> dict[str, ColumnElement[bool]]:
    """{facet: the condition of that facet's own filter}, on the session table or on the
    candidates' CTE: `columns` by facet name, the audience mask, and "is (not) open"."""
    own: dict[str, ColumnElement[bool]] = {}
    for name in _COLUMNS:
        if name in shape.facets:
            own[name] = columns[name].in_(bindparam(f"{name}_values", expanding=True))
    if "audience" in shape.facets:
        own["audience"] = _has_any(audiences, _audiences())
    if shape.open is not None:
        own["open"] = is_open(shape.open)
    return own


def _own_on_sessions(shape: _Shape) -> dict[str, ColumnElement[bool]]:
    """`_own_conditions` on the session table."""
    return _own_conditions(
        shape, _COLUMNS, col(T.audience_mask), lambda wanted: open_condition() if wanted else ~open_condition()
    )


@lru_cache(maxsize=256)
def _list_statements(shape: _Shape) -> tuple[Any, Any]:
    """(one page of sessions, their total): a listing without facets (calendars, a programme's
    next sessions)."""
    where = and_(true(), *_conditions(shape), *_own_on_sessions(shape).values())
    page = (
        select(T)
        .where(where)
        .order_by(col(T.starts_at), col(T.id))
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )
    return page, select(func.count()).select_from(T).where(where)


async def search_sessions(
    session: AsyncSession,
    filters: SessionFilters,
    *,
    limit: int,
    offset: int,
    now: datetime,
    with_total: bool = True,
) -> tuple[list[CourseSession], int]:
    """One page (earliest first) and, unless told not to, the total: no facets (see
    `faceted_search` for a search page)."""
    dialect = session.get_bind().dialect.name
    page, count = _list_statements(_shape(filters, dialect))
    params = _params(filters, dialect, now=now, limit=limit, offset=offset)
    rows = list((await session.execute(page, params)).scalars().all())
    total = int((await session.execute(count, params)).scalar_one()) if with_total else 0
    return rows, total


async def faceted_search(
    session: AsyncSession, filters: SessionFilters, *, limit: int, offset: int, now: datetime
) -> tuple[list[str], int, dict[str, list[tuple[str, int]]]]:
    """The ids of one page (earliest first), the total and every facet's counts, in one statement
    (the page's rows are read by id after: `service.read_page`)."""
    dialect = session.get_bind().dialect.name
    statement = _faceted_statement(_shape(filters, dialect))
    params = _params(filters, dialect, now=now, limit=limit, offset=offset)
    ids: list[str] = []
    count = 0
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for facet, value, n in (await session.execute(statement, params)).all():
        if facet == "page":
            ids.append(str(value))
        elif facet == "total":
            count = int(n)
        elif n:  # the audiences are counted each, zeros included; no other facet has one
            counts[facet].append((str(value), int(n)))
    for values in counts.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return ids, count, counts


def _arm(name: str, value: Any) -> tuple[Any, Any, Any]:
    return literal_column(f"'{name}'").label("facet"), value.label("value"), func.count().label("n")


@lru_cache(maxsize=256)
def _faceted_statement(shape: _Shape) -> Any:
    """The ids of the page, the total and every facet's counts, in one statement that matches once.

    The sessions meeting the conditions no facet is about (status, words, programme, dates…) are
    selected once, as a CTE of their facet columns (less those failing two facet filters or more,
    which nothing counts). Everything else is computed from that set: the total and the page
    apply every facet filter; a facet's counts apply every facet filter but its own, so the page
    keeps showing the alternatives (choosing a theme still shows how many sessions the other
    themes have). So the full-text match, and the reading of the matched rows, happen once
    whatever the number of facets and filters (ADR 0006)."""
    is_open = case((open_condition(), literal_column("'true'")), else_=literal_column("'false'"))
    columns: list[Any] = [col(T.id), col(T.starts_at), *(c.label(name) for name, c in _COLUMNS.items())]
    columns.append(is_open.label("open"))
    columns.append(col(T.audience_mask).label("audiences"))
    where = _conditions(shape)
    own_filters = _own_on_sessions(shape)
    if len(own_filters) > 1:
        # Only sessions failing at most one facet filter count anywhere (the others are neither
        # listed nor counted by any facet): said so, the database can use the filters' indexes.
        where.append(
            or_(*(and_(*(cond for facet, cond in own_filters.items() if facet != name)) for name in own_filters))
        )
    candidates = select(*columns).where(and_(true(), *where)).cte("candidate_sessions")
    c = candidates.c

    own = _own_conditions(
        shape,
        {name: c[name] for name in _COLUMNS},
        c.audiences,
        lambda wanted: c.open == ("true" if wanted else "false"),
    )

    def but(name: str | None) -> Any:
        return and_(true(), *(cond for facet, cond in own.items() if facet != name))

    page = (
        select(c.id)
        .where(but(None))
        .order_by(c.starts_at, c.id)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery("page")
    )
    parts: list[Any] = [
        select(literal_column("'page'").label("facet"), page.c.id.label("value"), literal_column("0").label("n")),
        select(literal_column("'total'"), literal_column("''"), func.count()).select_from(candidates).where(but(None)),
    ]
    for name in (*_COLUMNS, "open"):
        parts.append(select(*_arm(name, c[name])).where(but(name), c[name].is_not(None)).group_by(c[name]))
    # The audience facet from the candidates' own masks, in one pass: a count per audience's bit
    # (a row of sums), then one row per audience. No audience row is read.
    one: Any = literal_column("1")
    zero: Any = literal_column("0")
    sums = (
        select(
            *(
                func.sum(case((_has_any(c.audiences, literal_column(str(bit))), one), else_=zero)).label(audience)
                for audience, bit in AUDIENCE_BITS.items()
            )
        )
        .where(but("audience"))
        .cte("audience_counts")
    )
    for audience in AUDIENCE_BITS:
        parts.append(select(literal_column("'audience'"), literal_column(f"'{audience}'"), sums.c[audience]))
    return union_all(*parts)
