"""The SQL of programme search: filters, page, total and facet counts (GROUP BY, one UNION ALL)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, false, func, literal_column, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from catalogue import search
from catalogue.programme.models import Programme, ProgrammeAudience
from catalogue.programme.partners import with_partners
from catalogue.theme.models import Theme
from catalogue.vocabulary import ProgrammeKind, ProgrammeStatus

FACETS = ("theme", "kind", "audience")
P = Programme
_COLUMNS: dict[str, Any] = {"theme": col(P.theme_code), "kind": col(P.kind)}
PUBLIC_STATUSES = frozenset({ProgrammeStatus.published.value, ProgrammeStatus.archived.value})


@dataclass
class ProgrammeFilters:
    q: str | None = None
    theme: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    audience: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    staff: bool = False
    #: Partner institutions (organisation ids): programmes any of them takes part in.
    partner: list[str] = field(default_factory=list)


def _conditions(
    filters: ProgrammeFilters, dialect: str
) -> tuple[list[ColumnElement[bool]], dict[str, ColumnElement[bool]]]:
    visible = set(PUBLIC_STATUSES) | ({ProgrammeStatus.draft.value} if filters.staff else set())
    statuses = visible & set(filters.status) if filters.status else {ProgrammeStatus.published.value}
    base: list[ColumnElement[bool]] = [col(P.status).in_(sorted(statuses)) if statuses else false()]
    text = search.match(dialect, "programme", col(P.id), filters.q)
    if text is not None:
        base.append(text)
    if filters.partner:
        base.append(with_partners(col(P.id), filters.partner))
    own: dict[str, ColumnElement[bool]] = {}
    for name, column in _COLUMNS.items():
        if getattr(filters, name):
            own[name] = column.in_(getattr(filters, name))
    if filters.audience:
        own["audience"] = col(P.id).in_(
            select(col(ProgrammeAudience.programme_id)).where(col(ProgrammeAudience.audience).in_(filters.audience))
        )
    return base, own


def _where(base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]], but: str | None = None) -> Any:
    return and_(true(), *base, *(c for name, c in own.items() if name != but))


def _order() -> list[Any]:
    # The Master first, then the Colleges in the seed's order of themes, then event series.
    kind_rank = case(
        (col(P.kind) == ProgrammeKind.executive_master, 0), (col(P.kind) == ProgrammeKind.college, 1), else_=2
    )
    return [kind_rank, func.coalesce(col(Theme.position), 10_000), col(P.code), col(P.id)]


async def search_programmes(
    session: AsyncSession, filters: ProgrammeFilters, *, limit: int, offset: int
) -> tuple[list[Programme], int, dict[str, list[tuple[str, int]]]]:
    base, own = _conditions(filters, session.get_bind().dialect.name)
    where = _where(base, own)
    page = (
        select(P)
        .outerjoin(Theme, col(Theme.code) == col(P.theme_code))
        .where(where)
        .order_by(*_order())
        .limit(limit)
        .offset(offset)
    )
    rows = (await session.execute(page)).scalars()
    programmes = list(rows)
    total = int((await session.execute(select(func.count()).select_from(P).where(where))).scalar_one())
    parts = [
        select(literal_column(f"'{name}'").label("facet"), column.label("value"), func.count().label("n"))
        .where(_where(base, own, but=name), column.is_not(None))
        .group_by(column)
        for name, column in _COLUMNS.items()
    ]
    parts.append(
        select(
            literal_column("'audience'").label("facet"),
            col(ProgrammeAudience.audience).label("value"),
            func.count().label("n"),
        )
        .select_from(ProgrammeAudience)
        .join(P, col(P.id) == col(ProgrammeAudience.programme_id))
        .where(_where(base, own, but="audience"))
        .group_by(col(ProgrammeAudience.audience))
    )
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for facet, value, n in (await session.execute(union_all(*parts))).all():
        facets[facet].append((str(value), int(n)))
    for values in facets.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return programmes, total, facets
