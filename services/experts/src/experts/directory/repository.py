"""The SQL of the public directory: filters, the page, the total and the facet counts.

Only verified profiles whose expert consented to public listing are ever selected. Facet counts
are GROUP BY queries sent as one UNION ALL statement; a facet's counts apply every filter except
its own (as the catalogue's session search does), and count people, not rows: an expert who
lives in Senegal and works there counts once under SN.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, literal_column, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from experts import search
from experts.profile.models import ExpertCountry, ExpertLanguage, ExpertProfile, ExpertTheme
from experts.vocabulary import ProfileStatus

FACETS = ("theme", "country", "language", "availability")
P = ExpertProfile


@dataclass
class DirectoryFilters:
    q: str | None = None
    theme: list[str] = field(default_factory=list)
    country: list[str] = field(default_factory=list)
    #: ISO 639 language subtags (fr, en, wo): a profile matches through any of its tags.
    language: list[str] = field(default_factory=list)
    availability: list[str] = field(default_factory=list)


def listed() -> ColumnElement[bool]:
    """In the public directory: verified, and the expert consented."""
    return and_(col(P.status) == ProfileStatus.verified.value, col(P.public_listing_consent).is_(True))


# (child table, its value column) per multi-valued facet.
_CHILD: dict[str, tuple[Any, Any]] = {
    "theme": (ExpertTheme, col(ExpertTheme.theme)),
    "country": (ExpertCountry, col(ExpertCountry.country)),
    "language": (ExpertLanguage, col(ExpertLanguage.language)),
}


def _conditions(
    filters: DirectoryFilters, dialect: str
) -> tuple[list[ColumnElement[bool]], dict[str, ColumnElement[bool]]]:
    """(conditions every query applies, {facet: that facet's own condition})."""
    base: list[ColumnElement[bool]] = [listed()]
    text = search.match(dialect, "expert_profile", col(P.id), filters.q)
    if text is not None:
        base.append(text)
    own: dict[str, ColumnElement[bool]] = {}
    for name, (table, column) in _CHILD.items():
        values = getattr(filters, name)
        if values:
            own[name] = col(P.id).in_(select(col(table.profile_id)).where(column.in_(values)))
    if filters.availability:
        own["availability"] = col(P.availability).in_(filters.availability)
    return base, own


def _where(base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]], but: str | None = None) -> Any:
    return and_(true(), *base, *(c for name, c in own.items() if name != but))


async def search_directory(
    session: AsyncSession, filters: DirectoryFilters, *, limit: int, offset: int, with_facets: bool = True
) -> tuple[list[ExpertProfile], int, dict[str, list[tuple[str, int]]]]:
    dialect = session.get_bind().dialect.name
    base, own = _conditions(filters, dialect)
    where = _where(base, own)
    rows = (
        (
            await session.execute(
                select(P).where(where).order_by(col(P.sort_name), col(P.id)).limit(limit).offset(offset)
            )
        )
        .scalars()
        .all()
    )
    total = int((await session.execute(select(func.count()).select_from(P).where(where))).scalar_one())
    facets = await _facets(session, base, own) if with_facets else {}
    return list(rows), total, facets


async def _facets(
    session: AsyncSession, base: list[ColumnElement[bool]], own: dict[str, ColumnElement[bool]]
) -> dict[str, list[tuple[str, int]]]:
    parts: list[Any] = []
    for name, (table, column) in _CHILD.items():
        parts.append(
            select(
                literal_column(f"'{name}'").label("facet"),
                column.label("value"),
                func.count(func.distinct(col(table.profile_id))).label("n"),
            )
            .select_from(table)
            .join(P, col(P.id) == col(table.profile_id))
            .where(_where(base, own, but=name))
            .group_by(column)
        )
    parts.append(
        select(
            literal_column("'availability'").label("facet"),
            col(P.availability).label("value"),
            func.count().label("n"),
        )
        .where(_where(base, own, but="availability"))
        .group_by(col(P.availability))
    )
    counts: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for facet, value, n in (await session.execute(union_all(*parts))).all():
        counts[facet].append((str(value), int(n)))
    for values in counts.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    return counts


async def listed_rows(session: AsyncSession, filters: DirectoryFilters, *, max_rows: int) -> list[ExpertProfile]:
    rows, _, _ = await search_directory(session, filters, limit=max_rows, offset=0, with_facets=False)
    return rows
