"""publications' figures, counted by the database: records by status, publications issued by
type, theme and language, downloads (since counting began, and by day for a period)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from common.i18n import pick
from common.statistics import (
    Breakdown,
    Period,
    ReportPart,
    ReportSection,
    Row,
    Viewer,
    breakdown,
    cell,
    counted,
    dimension,
    report_part,
)
from publications.file.models import RecordFile
from publications.record.models import DownloadDay, Record, RecordPartner, RecordSearch
from publications.statistics.schemas import Downloads, Issued, PublicationsOverview, RecentRecord
from publications.vocabulary import RecordStatus, language_label, theme_bit, theme_label, themes, type_label

S = RecordSearch
RECENT = 10
#: Records listed one by one in the report's downloads; the others make one row.
TOP_RECORDS = 10
STATUS_LABELS = {
    "draft": {"fr": "Brouillons", "en": "Drafts"},
    "published": {"fr": "Publiés", "en": "Published"},
    "withdrawn": {"fr": "Retirés", "en": "Withdrawn"},
}
TEXTS: dict[str, dict[str, str]] = {
    "issued": {"fr": "Publications parues", "en": "Publications issued"},
    "downloads": {"fr": "Téléchargements", "en": "Downloads"},
    "type": {"fr": "Par type", "en": "By type"},
    "theme": {
        "fr": "Par thème (une publication peut en avoir plusieurs)",
        "en": "By theme (a publication may have several)",
    },
    "language": {"fr": "Par langue", "en": "By language"},
    "record": {"fr": "Par publication", "en": "By publication"},
    "others": {"fr": "Autres publications", "en": "Other publications"},
}


@dataclass(frozen=True)
class Filters:
    theme: str | None = None
    language: str | None = None
    type: str | None = None

    def echo(self) -> dict[str, str | None]:
        return {"theme": self.theme, "language": self.language, "type": self.type}


def _records(filters: Filters, viewer: Viewer) -> list[ColumnElement[bool]]:
    """Conditions on the search row (`record_search`)."""
    where: list[ColumnElement[bool]] = []
    if filters.theme:
        where.append(col(S.theme_mask).op("&")(theme_bit(filters.theme)) != 0)
    if filters.language:
        where.append(col(S.language) == filters.language)
    if filters.type:
        where.append(col(S.type) == filters.type)
    if viewer.partner:
        where.append(
            col(S.key).in_(
                select(col(RecordPartner.record_key)).where(col(RecordPartner.organisation_id) == viewer.partner)
            )
        )
    return where


async def _issued(session: AsyncSession, where: list[ColumnElement[bool]], period: Period, lang: str) -> Issued:
    issued = [*where, col(S.status) == RecordStatus.published, *period.days(col(S.published_on))]
    by_type = await counted(session, select(col(S.type), func.count()).where(*issued).group_by(col(S.type)))
    by_language = await counted(session, select(col(S.language), func.count()).where(*issued).group_by(col(S.language)))
    codes = list(themes())
    # One pass: a sum per theme of the records whose mask has its bit.
    sums = (
        await session.execute(
            select(
                func.count(),
                *(func.sum(case((col(S.theme_mask).op("&")(theme_bit(c)) != 0, 1), else_=0)) for c in codes),
            ).where(*issued)
        )
    ).one()
    total, per_theme = int(sums[0]), [int(n or 0) for n in sums[1:]]
    theme_rows = sorted(((c, n) for c, n in zip(codes, per_theme, strict=True) if n), key=lambda r: (-r[1], r[0]))
    return Issued(
        by_type=breakdown((t, type_label(t, lang), n) for t, n in by_type),
        by_theme=Breakdown(
            total=cell(total),
            rows=[Row(key=c, label=theme_label(c, lang), count=cell(n)) for c, n in theme_rows],
        ),
        by_language=breakdown((code, language_label(code, lang), n) for code, n in by_language),
    )


def _published(where: list[ColumnElement[bool]]) -> list[ColumnElement[bool]]:
    return [*where, col(S.status) == RecordStatus.published]


async def _downloads_in_period(
    session: AsyncSession, where: list[ColumnElement[bool]], period: Period, lang: str
) -> Breakdown:
    rows = await counted(
        session,
        select(col(S.type), func.sum(col(DownloadDay.downloads)))
        .select_from(DownloadDay)
        .join(Record, col(Record.id) == col(DownloadDay.record_id))
        .join(S, col(S.key) == col(Record.key))
        .where(*_published(where), *period.days(col(DownloadDay.day)))
        .group_by(col(S.type)),
    )
    return breakdown((t, type_label(t, lang), n) for t, n in rows)


async def _by_record(
    session: AsyncSession, where: list[ColumnElement[bool]], period: Period, lang: str, *, limit: int | None
) -> list[tuple[Any, ...]]:
    """(id, title, type, published_on, downloads since counting began, downloads in the period)."""
    ever = (
        select(col(RecordFile.record_id).label("record_id"), func.sum(col(RecordFile.download_count)).label("n"))
        .group_by(col(RecordFile.record_id))
        .subquery()
    )
    recent = (
        select(col(DownloadDay.record_id).label("record_id"), func.sum(col(DownloadDay.downloads)).label("n"))
        .where(*period.days(col(DownloadDay.day)))
        .group_by(col(DownloadDay.record_id))
        .subquery()
    )
    query = (
        select(
            col(Record.id),
            col(Record.title),
            col(S.type),
            col(S.published_on),
            func.coalesce(ever.c.n, 0),
            func.coalesce(recent.c.n, 0),
        )
        .select_from(S)
        .join(Record, col(Record.key) == col(S.key))
        .outerjoin(ever, ever.c.record_id == col(Record.id))
        .outerjoin(recent, recent.c.record_id == col(Record.id))
        .where(*_published(where))
    )
    if limit is not None:
        query = query.order_by(col(S.published_on).desc(), col(S.key).desc()).limit(limit)
    else:  # the report: the most downloaded in the period first, only those downloaded
        query = query.where(func.coalesce(recent.c.n, 0) > 0).order_by(
            func.coalesce(recent.c.n, 0).desc(), col(S.key).desc()
        )
    return [tuple(r) for r in (await session.execute(query)).all()]


async def overview(session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters) -> PublicationsOverview:
    lang = viewer.language
    where = _records(filters, viewer)
    statuses = await counted(session, select(col(S.status), func.count()).where(*where).group_by(col(S.status)))
    ever = (
        await session.execute(
            select(func.coalesce(func.sum(col(RecordFile.download_count)), 0))
            .select_from(RecordFile)
            .join(Record, col(Record.id) == col(RecordFile.record_id))
            .join(S, col(S.key) == col(Record.key))
            .where(*_published(where))
        )
    ).scalar_one()
    recent = await _by_record(session, where, period, lang, limit=RECENT)
    # Documents, not people: no count here is ever suppressed.
    return PublicationsOverview(
        period=period.read(),
        partner=viewer.partner,
        filters=filters.echo(),
        records_by_status=breakdown((s, STATUS_LABELS.get(s, {}).get(lang) or s, n) for s, n in statuses),
        drafts=cell(dict(statuses).get(RecordStatus.draft.value, 0)),
        issued=await _issued(session, where, period, lang),
        downloads=Downloads(
            total=cell(int(ever)),
            in_period=await _downloads_in_period(session, where, period, lang),
            recent=[
                RecentRecord(
                    record_id=rid,
                    title=pick(title, lang) or rid,
                    type=kind,
                    published_on=published_on,
                    downloads=cell(int(n)),
                    downloads_in_period=cell(int(in_period)),
                )
                for rid, title, kind, published_on, n, in_period in recent
            ],
        ),
    )


async def report(session: AsyncSession, *, viewer: Viewer, period: Period, filters: Filters) -> ReportPart:
    lang = viewer.language
    where = _records(filters, viewer)
    issued = await _issued(session, where, period, lang)
    downloads = await _downloads_in_period(session, where, period, lang)
    records = await _by_record(session, where, period, lang, limit=None)
    listed = [(rid, pick(title, lang) or rid, int(n)) for rid, title, _, _, _, n in records[:TOP_RECORDS]]
    others = sum(int(n) for *_, n in records[TOP_RECORDS:])
    by_record = breakdown([*listed, *([(None, TEXTS["others"][lang], others)] if others else [])])

    def text(key: str) -> str:
        return TEXTS[key][lang]

    sections = [
        ReportSection(
            id="publications_issued",
            title=text("issued"),
            unit="publications",
            total=issued.by_type.total,
            breakdowns=[
                dimension("type", text("type"), issued.by_type),
                dimension("theme", text("theme"), issued.by_theme),
                dimension("language", text("language"), issued.by_language),
            ],
        ),
        ReportSection(
            id="downloads",
            title=text("downloads"),
            unit="downloads",
            total=downloads.total,
            breakdowns=[
                dimension("type", text("type"), downloads),
                dimension("record", text("record"), by_record),
            ],
        ),
    ]
    return report_part("publications", viewer, period, sections)
