"""The SQL of the library search: filters, the page, the total and the facet counts.

Everything reads the narrow search row (`record_search`), never the wide record, and the text is
matched once per request: a materialized CTE `hits` holds the records that pass the text match,
the status and the author filter, and one statement answers from it

- the keys of the page (newest first by default), when there are words to match;
- the total and the type, language and year facets, summed over `hits` grouped by (type,
  language, year, "passes the theme filter"): a few hundred groups at most, each facet leaving
  out its own filter;
- the theme facet: `hits` grouped by theme_mask (the record's set of themes), each group's count
  added to every theme in its mask by a join with the themes' bits;
- the author facet: the 20 most frequent authors of the records passing every filter but the
  author one, counted from the author keys each search row carries (`author_keys`: unnest on
  PostgreSQL, json_each on SQLite), so no join with `record_author` whatever the number of
  matches; only the 20 winners look up a label there.

So a facet's counts apply every filter except its own (choosing a theme still shows how many
records the other themes have), all counting and summing is done by the database, which answers
a few dozen rows, and the text index is consulted once (twice with an author filter: the author
facet leaves that filter out). The page's rows are a second, small query by key. Without words
(the newest records, a listing) or ranked by relevance, the page keys come from their own query,
which walks the date index or the ranking instead.

The cost grows with the number of matches, not with the library: a word found in a third of
100,000 records is ~36,000 rows read once from the text index's bitmap and counted four times
from the materialised CTE (see docs/decisions/0009-library-search-at-scale.md for the figures).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement, TextClause
from sqlmodel import col

from publications.record.models import Record, RecordAuthor, RecordPartner, RecordSearch
from publications.search import fulltext
from publications.search.text import author_key
from publications.vocabulary import RecordStatus, theme_bit, themes

FACETS = ("type", "theme", "language", "year", "author")
AUTHOR_FACET_SIZE = 20
S = RecordSearch
#: The search row's columns by name (what `_fields` reads, like a CTE's `.c`).
SEARCH_COLUMNS = RecordSearch.__table__.c  # type: ignore[attr-defined]  # SQLModel declares no __table__


def postgres_settings(words: bool) -> TextClause:
    """Settings for the rest of the request's transaction on PostgreSQL (set_config(…, true) is
    SET LOCAL):

    - work_mem: the matches of a broad word (a third of 100,000 records, ~100 bytes each) are
      materialised once and read four times; with the default 4 MB they went to a temporary file;
    - no parallel workers: on a small, shared machine starting two workers for a 20 ms scan costs
      more than it saves, and takes the cores other requests are waiting for;
    - no JIT: compiling costs tens of milliseconds, more than any of these statements runs (it
      starts above a cost estimate, which a misjudged match count can reach);
    - with words, no sequential scan: the text is matched through the GIN index on its vector
      (search/fulltext.py), whose bitmap needs no recheck, but the planner charges the vector's
      computation to every row either way, so for a word in nearly every record ("de", "the") it
      would rather scan the table and compute 100,000 vectors (1.8 s instead of ~0.1 s). Nothing
      else such a request reads needs a sequential scan either (keys, authors, partners: by index).
    """
    settings = [
        "set_config('work_mem', '32MB', true)",
        "set_config('max_parallel_workers_per_gather', '0', true)",
        "set_config('jit', 'off', true)",
    ]
    if words:
        settings.append("set_config('enable_seqscan', 'off', true)")
    return text("SELECT " + ", ".join(settings))


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
    keys = [author_key(a) for a in filters.author]
    return col(S.key).in_(
        select(col(RecordAuthor.record_key)).where(
            col(RecordAuthor.author_key).in_(keys)
            | col(RecordAuthor.expert_id).in_(filters.author)
            | col(RecordAuthor.orcid).in_(filters.author)
        )
    )


def _fields(filters: RecordFilters, columns: Any) -> dict[str, ColumnElement[bool]]:
    """The type, language, year and theme conditions, on `columns` (of the search row or the CTE)."""
    own: dict[str, ColumnElement[bool]] = {}
    for name in ("type", "language", "year"):
        values = getattr(filters, name)
        if values:
            own[name] = columns[name].in_(values)
    if filters.theme:
        own["theme"] = columns["theme_mask"].op("&")(filters.theme_mask) != 0
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
    words = bool(filters.q and filters.q.strip())
    if dialect == "postgresql":
        await session.execute(postgres_settings(words))
    base = _base(filters, dialect)
    author = _author(filters)
    sort = filters.sort or "newest"
    keys: list[int]
    if with_facets and words and sort != "relevance":
        # The page comes out of the facets' statement: the text is matched once per request.
        keys, total, facets = await _facets(
            session, dialect, filters, base, author, page=(limit, offset, sort == "newest")
        )
    else:
        everything = [*base, *([author] if author is not None else []), *_fields(filters, SEARCH_COLUMNS).values()]
        if words and sort != "relevance":
            # Matches first, then their order: without this fence a planner may walk the date index
            # and test the text condition on most of the library (a rare word with a filter).
            matched = (
                select(col(S.key), col(S.published_on)).where(*everything).cte("matched").prefix_with("MATERIALIZED")
            )
            descending = sort == "newest"
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
        total, facets = offset + len(keys), {}
        if with_facets:
            _, total, facets = await _facets(session, dialect, filters, base, author, page=None)
    rows: list[Record] = []
    if keys:
        by_key = {r.key: r for r in (await session.execute(select(Record).where(col(Record.key).in_(keys)))).scalars()}
        rows = [by_key[k] for k in keys if k in by_key]
    if not with_facets:
        return rows, offset + len(rows), {}
    return rows, total, facets


@cache
def _theme_bits() -> Any:
    """(bit, code) of every theme, as rows the database can join to (built once: the vocabulary
    is fixed while the service runs)."""
    return union_all(
        *(select(literal(theme_bit(code)).label("bit"), literal(code).label("code")) for code in themes())
    ).cte("theme_bits")


async def _facets(
    session: AsyncSession,
    dialect: str,
    filters: RecordFilters,
    base: list[ColumnElement[bool]],
    author: ColumnElement[bool] | None,
    *,
    page: tuple[int, int, bool] | None,
) -> tuple[list[int], int, dict[str, list[tuple[str, int, str | None]]]]:
    """(keys of the page if `page` = (limit, offset, newest first) is given, total, facets), in one
    statement whose rows are the page's keys and the final counts, all summed by the database."""
    hits = (
        select(
            col(S.key),
            col(S.type),
            col(S.language),
            col(S.year),
            col(S.theme_mask),
            col(S.published_on),
            col(S.author_keys),
        )
        .where(*base, *([author] if author is not None else []))
        .cte("hits")
        .prefix_with("MATERIALIZED")
    )
    own = _fields(filters, hits.c)

    def but(name: str | None) -> Any:
        return and_(true(), *(c for facet, c in own.items() if facet != name))

    def row(part: str, a: Any = None, b: Any = None, num: Any = None, n: Any = None) -> list[Any]:
        # Typed NULLs: PostgreSQL settles a UNION's column types arm by arm.
        return [
            literal(part).label("part"),
            (cast(null(), String) if a is None else a).label("a"),
            (cast(null(), String) if b is None else b).label("b"),
            (cast(null(), BigInteger) if num is None else num).label("num"),
            (literal(0) if n is None else n).label("n"),
        ]

    n = func.count()
    # The matches grouped by (type, language, year, "passes the theme filter"): a few hundred
    # groups at most. The total and the type, language and year facets are sums over them.
    theme_ok = own.get("theme")
    flagged = select(
        hits.c.type,
        hits.c.language,
        hits.c.year,
        (case((theme_ok, 1), else_=0) if theme_ok is not None else literal_column("1")).label("theme_ok"),
    ).subquery("flagged")
    # Grouped outside the subquery: PostgreSQL does not see a CASE holding bound parameters in the
    # select list and in GROUP BY as the same expression.
    groups = (
        select(flagged.c.type, flagged.c.language, flagged.c.year, flagged.c.theme_ok, n.label("n"))
        .group_by(flagged.c.type, flagged.c.language, flagged.c.year, flagged.c.theme_ok)
        .cte("hit_groups")
    )
    grouped: dict[str, ColumnElement[bool]] = {
        name: groups.c[name].in_(getattr(filters, name))
        for name in ("type", "language", "year")
        if getattr(filters, name)
    }
    if theme_ok is not None:
        grouped["theme"] = groups.c.theme_ok == 1

    def but_grouped(name: str | None) -> Any:
        return and_(true(), *(c for facet, c in grouped.items() if facet != name))

    parts: list[Any] = [select(*row("total", n=func.coalesce(func.sum(groups.c.n), 0))).where(but_grouped(None))]
    for name in ("type", "language", "year"):
        column = groups.c[name]
        value = {"num": column} if name == "year" else {"a": column}
        parts.append(
            select(*row(name, **value, n=func.sum(groups.c.n)))
            .where(but_grouped(name), column.is_not(None))
            .group_by(column)
        )
    if page is not None:
        limit, offset, newest = page
        order = (
            [hits.c.published_on.desc(), hits.c.key.desc()] if newest else [hits.c.published_on.asc(), hits.c.key.asc()]
        )
        first = select(hits.c.key, hits.c.published_on).where(but(None)).order_by(*order).limit(limit).offset(offset)
        keys = first.subquery("page")
        # Numbered in the database's own order (where NULL dates go is the database's choice).
        rank = func.row_number().over(
            order_by=[keys.c.published_on.desc(), keys.c.key.desc()]
            if newest
            else [keys.c.published_on.asc(), keys.c.key.asc()]
        )
        parts.append(select(*row("page", num=keys.c.key, n=rank)))
    # Themes: records grouped by their set of themes (a few hundred sets at most), each set's
    # count then added to every theme in it.
    sets = (
        select(hits.c.theme_mask, n.label("n")).where(but("theme")).group_by(hits.c.theme_mask).subquery("theme_sets")
    )
    bits = _theme_bits()
    parts.append(
        select(*row("theme", a=bits.c.code, n=func.sum(sets.c.n)))
        .select_from(sets)
        .join(bits, sets.c.theme_mask.op("&")(bits.c.bit) != 0)
        .group_by(bits.c.code)
    )
    # Authors: every filter but the author one. Without an author filter that is `hits` itself.
    # Each search row lists its authors' keys (record_search.author_keys, in the order of
    # record_author): the counting reads those, linear in the matches, and joins no table. Only
    # the 20 winners get a label: the first of the names the author has in the records the caller
    # may list (by the index on (author_key, name, record_key), stopping at the first such record;
    # a draft's spelling is never shown to the public).
    if author is None:
        source: Any = select(hits.c.author_keys).where(but(None))
    else:
        source = select(col(S.author_keys)).where(*base, *_fields(filters, SEARCH_COLUMNS).values())
    counted = source.subquery("counted_records")
    if dialect == "sqlite":
        each = func.json_each(counted.c.author_keys).table_valued("value").alias("each_author")
        listed: Any = select(each.c.value.label("a")).select_from(counted).join(each, true())
    else:
        listed = select(func.unnest(counted.c.author_keys).label("a"))
    listed = listed.subquery("listed_authors")
    top = (
        select(listed.c.a, n.label("n"))
        .group_by(listed.c.a)
        .order_by(n.desc(), listed.c.a)
        .limit(AUTHOR_FACET_SIZE)
        .subquery("top_authors")
    )
    label = (
        select(col(RecordAuthor.name))
        .join(S, col(S.key) == col(RecordAuthor.record_key))
        .where(col(RecordAuthor.author_key) == top.c.a, col(S.status).in_(filters.status))
        .order_by(col(RecordAuthor.name))
        .limit(1)
        .scalar_subquery()
    )
    rank = func.row_number().over(order_by=[top.c.n.desc(), top.c.a])
    parts.append(select(*row("author", a=top.c.a, b=label, num=rank, n=top.c.n)))

    keys_in_order: list[tuple[int, int]] = []
    total = 0
    counters: dict[str, list[tuple[str, int, str | None]]] = {name: [] for name in FACETS}
    authors: list[tuple[int, str, int, str]] = []
    for part, a, b, num, count in (await session.execute(union_all(*parts))).all():
        if part == "total":
            total = int(count)
        elif part == "page":
            keys_in_order.append((int(count), int(num)))
        elif part == "author":
            authors.append((int(num), str(a), int(count), str(b)))
        elif part == "year":
            counters["year"].append((str(num), int(count), None))
        else:
            counters[part].append((str(a), int(count), None))
    for name, values in counters.items():
        if name == "year":
            values.sort(key=lambda item: item[0], reverse=True)
        else:
            values.sort(key=lambda item: (-item[1], item[0]))
    counters["author"] = [(key, count, name) for _, key, count, name in sorted(authors)]
    return [key for _, key in sorted(keys_in_order)], total, counters
