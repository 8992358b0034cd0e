"""The SQL of the library search: filters, the page, the total and the facet counts.

Everything reads the narrow search row (`record_search`), never the wide record, and the matching
set is computed once per request: a materialized CTE `hits` holds the records that pass the text
match, the status and the author filter. From it the database groups

- by (type, language, year, "passes the theme filter"): at most a few hundred groups, from which
  the type, language and year facets and the total are summed, each facet leaving out its own
  filter;
- by (theme_mask, "passes the type/language/year filters"): the theme facet, each group's count
  added to every theme in its mask;
- by author (record_author), for records passing every filter but the author one: the 20 most
  frequent authors.

So a facet's counts apply every filter except its own (choosing a theme still shows how many
records the other themes have), all counting is done by the database, and the text index is
consulted once. The page itself is a second, small query: the keys in order, then those rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, case, func, literal, null, select, true, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from publications.record.models import Record, RecordAuthor, RecordPartner, RecordSearch
from publications.search import fulltext
from publications.search.text import fold
from publications.vocabulary import RecordStatus, theme_bit, themes_of_mask

FACETS = ("type", "theme", "language", "year", "author")
AUTHOR_FACET_SIZE = 20
S = RecordSearch


@dataclass
class RecordFilters:
    q: str | None = None
    type: list[str] = field(default_factory=list)
    theme: list[str] = field(default_factory=list)
    language: list[str] = field(default_factory=list)
    year: list[int] = field(default_factory=list)
    #: Author names (any case, any accents), expert ids or ORCID iDs.
    author: list[str] = field(default_factory=list)
    #: Default: published only. Staff may ask for drafts and withdrawn records.
    status: list[str] = field(default_factory=lambda: [RecordStatus.published.value])
    #: newest (the default), oldest, relevance (with `q`).
    sort: str | None = None
    #: Partner institutions (organisation ids): records any of them took part in.
    partner: list[str] = field(default_factory=list)

    @property
    def theme_mask(self) -> int:
        return sum(theme_bit(code) for code in self.theme)


def _base(filters: RecordFilters, dialect: str) -> list[ColumnElement[bool]]:
    base: list[ColumnElement[bool]] = [col(S.status).in_(filters.status)]
    text = fulltext.matches(dialect, col(S.key), filters.q)
    if text is not None:
        base.append(text)
    if filters.partner:
        base.append(
            col(S.key).in_(
                select(col(RecordPartner.record_key)).where(col(RecordPartner.organisation_id).in_(filters.partner))
            )
        )
    return base


def _author(filters: RecordFilters) -> ColumnElement[bool] | None:
    if not filters.author:
        return None
    keys = [fold(a) for a in filters.author]
    return col(S.key).in_(
        select(col(RecordAuthor.record_key)).where(
            col(RecordAuthor.author_key).in_(keys)
            | col(RecordAuthor.expert_id).in_(filters.author)
            | col(RecordAuthor.orcid).in_(filters.author)
        )
    )


def _fields(filters: RecordFilters, table: Any) -> dict[str, ColumnElement[bool]]:
    """The type, language, year and theme conditions, on `table` (the search row or the CTE)."""
    own: dict[str, ColumnElement[bool]] = {}
    for name in ("type", "language", "year"):
        values = getattr(filters, name)
        if values:
            own[name] = table.c[name].in_(values) if hasattr(table, "c") else getattr(table, name).in_(values)
    if filters.theme:
        mask_column = table.c.theme_mask if hasattr(table, "c") else col(S.theme_mask)
        own["theme"] = mask_column.op("&")(filters.theme_mask) != 0
    return own


def _ordered(query: Any, filters: RecordFilters, dialect: str) -> Any:
    sort = filters.sort or "newest"
    if sort == "relevance" and filters.q:
        ranking = fulltext.relevance(dialect, filters.q)
        if ranking is not None:
            joined, score = ranking
            if joined is not None:
                query = query.join(joined, joined.c.key == col(S.key))
            return query.order_by(score, col(S.published_on).desc(), col(S.key).desc())
    if sort == "oldest":
        return query.order_by(col(S.published_on).asc(), col(S.key).asc())
    return query.order_by(col(S.published_on).desc(), col(S.key).desc())


async def search(
    session: AsyncSession,
    filters: RecordFilters,
    *,
    limit: int,
    offset: int,
    with_facets: bool = True,
) -> tuple[list[Record], int, dict[str, list[tuple[str, int, str | None]]]]:
    """(records of the page, total, {facet: [(value, count, label or None)]}).

    Without facets the total is not counted (it is the number of rows returned plus `offset`)."""
    dialect = session.get_bind().dialect.name
    base = _base(filters, dialect)
    author = _author(filters)
    everything = [*base, *([author] if author is not None else []), *_fields(filters, S).values()]
    if filters.q and filters.q.strip() and (filters.sort or "newest") != "relevance":
        # Matches first, then their order: without this fence a planner may walk the date index
        # and test the text condition on most of the library (a rare word with a filter).
        matched = select(col(S.key), col(S.published_on)).where(*everything).cte("matched").prefix_with("MATERIALIZED")
        descending = (filters.sort or "newest") == "newest"
        keys_query = (
            select(matched.c.key)
            .order_by(
                matched.c.published_on.desc() if descending else matched.c.published_on.asc(),
                matched.c.key.desc() if descending else matched.c.key.asc(),
            )
            .limit(limit)
            .offset(offset)
        )
    else:
        keys_query = _ordered(select(col(S.key)).where(*everything), filters, dialect).limit(limit).offset(offset)
    keys = list((await session.execute(keys_query)).scalars())
    rows: list[Record] = []
    if keys:
        by_key = {r.key: r for r in (await session.execute(select(Record).where(col(Record.key).in_(keys)))).scalars()}
        rows = [by_key[k] for k in keys if k in by_key]
    if not with_facets:
        return rows, offset + len(rows), {}
    total, facets = await _facets(session, filters, base, author)
    return rows, total, facets


async def _facets(
    session: AsyncSession,
    filters: RecordFilters,
    base: list[ColumnElement[bool]],
    author: ColumnElement[bool] | None,
) -> tuple[int, dict[str, list[tuple[str, int, str | None]]]]:
    hits = (
        select(col(S.key), col(S.type), col(S.language), col(S.year), col(S.theme_mask))
        .where(*base, *([author] if author is not None else []))
        .cte("hits")
        .prefix_with("MATERIALIZED")
    )
    own = _fields(filters, hits)
    theme_ok = own.get("theme", true())
    fields_ok = and_(true(), *(c for name, c in own.items() if name != "theme"))
    # The pass/fail flags are computed in a subquery and grouped on from outside: PostgreSQL does not
    # see a CASE holding bound parameters in the select list and in GROUP BY as the same expression.
    flagged = select(
        hits.c.type,
        hits.c.language,
        hits.c.year,
        hits.c.theme_mask,
        case((theme_ok, 1), else_=0).label("theme_ok"),
        case((fields_ok, 1), else_=0).label("fields_ok"),
    ).subquery("flagged")
    by_fields = select(
        literal("f").label("part"),
        flagged.c.type.label("a"),
        flagged.c.language.label("b"),
        flagged.c.year.label("y"),
        null().label("mask"),
        flagged.c.theme_ok.label("ok"),
        func.count().label("n"),
    ).group_by(flagged.c.type, flagged.c.language, flagged.c.year, flagged.c.theme_ok)
    by_themes = select(
        literal("t").label("part"),
        null().label("a"),
        null().label("b"),
        null().label("y"),
        flagged.c.theme_mask.label("mask"),
        flagged.c.fields_ok.label("ok"),
        func.count().label("n"),
    ).group_by(flagged.c.theme_mask, flagged.c.fields_ok)
    # Authors: every filter but the author one. Without an author filter that is `hits` itself.
    if author is None:
        source: Any = hits
        where = and_(true(), *own.values())
    else:
        source = select(col(S.key)).where(*base, *_fields(filters, S).values()).subquery("unfiltered")
        where = true()
    # An author appears once per record, so rows are records. `IN`: the database walks the matching
    # keys and seeks each one's authors, instead of scanning every author row.
    n = func.count()
    top = (
        select(col(RecordAuthor.author_key).label("a"), func.min(col(RecordAuthor.name)).label("b"), n.label("n"))
        .where(col(RecordAuthor.record_key).in_(select(source.c.key).where(where)))
        .group_by(col(RecordAuthor.author_key))
        .order_by(n.desc(), col(RecordAuthor.author_key))
        .limit(AUTHOR_FACET_SIZE)
        .subquery("top_authors")
    )
    by_author = select(
        literal("a").label("part"),
        top.c.a,
        top.c.b,
        null().label("y"),
        null().label("mask"),
        literal(1).label("ok"),
        top.c.n,
    )
    rows = (await session.execute(union_all(by_fields, by_themes, by_author))).all()
    return _sum(filters, rows)


def _sum(filters: RecordFilters, rows: Sequence[Any]) -> tuple[int, dict[str, list[tuple[str, int, str | None]]]]:
    """Add the grouped counts up, each facet without its own filter (the groups carry the values)."""
    wanted: dict[str, set[Any]] = {
        "type": set(filters.type),
        "language": set(filters.language),
        "year": set(filters.year),
    }
    counters: dict[str, Counter[str]] = {name: Counter() for name in ("type", "language", "year", "theme")}
    total = 0
    authors: list[tuple[str, int, str | None]] = []
    for part, a, b, y, mask, ok, n in rows:
        n = int(n)
        if part == "f":
            group = {"type": a, "language": b, "year": y}
            passes = {name: not wanted[name] or group[name] in wanted[name] for name in wanted}
            if not ok:
                continue
            for name in wanted:
                if all(passes[other] for other in wanted if other != name) and group[name] is not None:
                    counters[name][str(group[name])] += n
            if all(passes.values()):
                total += n
        elif part == "t":
            if ok:
                for code in themes_of_mask(int(mask)):
                    counters["theme"][code] += n
        else:
            authors.append((str(a), n, str(b)))
    facets: dict[str, list[tuple[str, int, str | None]]] = {}
    for name, counter in counters.items():
        values: list[tuple[str, int, str | None]] = [(value, count, None) for value, count in counter.items()]
        if name == "year":
            values.sort(key=lambda item: item[0], reverse=True)
        else:
            values.sort(key=lambda item: (-item[1], item[0]))
        facets[name] = values
    facets["author"] = authors
    return total, {name: facets[name] for name in FACETS}
