"""What OAI-PMH reads: records the public has seen (published, or withdrawn: deleted in OAI terms),
in datestamp order, by set and date range."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, func, literal, select, true, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from publications.record.models import Record, RecordSearch
from publications.vocabulary import TYPE_LABELS, RecordStatus, RecordType, theme_bit, themes

HARVESTABLE = (RecordStatus.published.value, RecordStatus.withdrawn.value)


def set_specs() -> list[tuple[str, str]]:
    """(setSpec, setName): every type and every theme, under two parent sets."""
    specs = [("type", "Publication types / Types de publication")]
    specs += [(f"type:{t.value}", f"{TYPE_LABELS[t.value]['en']} / {TYPE_LABELS[t.value]['fr']}") for t in RecordType]
    specs.append(("theme", "Themes of the ALGA Colleges / Thèmes des Collèges ALGA"))
    specs += [(f"theme:{code}", f"{title['en']} / {title['fr']}") for code, title in themes().items()]
    return specs


def set_condition(spec: str) -> ColumnElement[bool] | None:
    """The records of a set; None when there is no such set."""
    kind, _, value = spec.partition(":")
    if kind == "type":
        if not value:
            return true()
        return col(Record.type) == value if value in {t.value for t in RecordType} else None
    if kind == "theme":
        if value and value not in themes():
            return None
        mask = col(RecordSearch.theme_mask)
        members = select(col(RecordSearch.key)).where(mask.op("&")(theme_bit(value)) != 0 if value else mask != 0)
        return col(Record.key).in_(members)
    return None


def record_sets(record: Record) -> list[str]:
    return [f"type:{record.type}", *(f"theme:{theme}" for theme in record.themes)]


def _conditions(set_cond: ColumnElement[bool] | None, lower: datetime | None, upper: datetime) -> list[Any]:
    conditions: list[Any] = [col(Record.status).in_(HARVESTABLE), col(Record.datestamp) < upper]
    if lower is not None:
        conditions.append(col(Record.datestamp) >= lower)
    if set_cond is not None:
        conditions.append(set_cond)
    return conditions


async def count(
    session: AsyncSession, *, set_cond: ColumnElement[bool] | None, lower: datetime | None, upper: datetime
) -> int:
    query = select(func.count()).select_from(Record).where(*_conditions(set_cond, lower, upper))
    return int((await session.execute(query)).scalar_one())


async def page(
    session: AsyncSession,
    *,
    set_cond: ColumnElement[bool] | None,
    lower: datetime | None,
    upper: datetime,
    after: tuple[datetime, int] | None,
    limit: int,
) -> list[Record]:
    query = select(Record).where(*_conditions(set_cond, lower, upper))
    if after is not None:
        # Row-value comparison: both databases walk the (datestamp, key) index from there.
        query = query.where(
            tuple_(col(Record.datestamp), col(Record.key))
            > tuple_(literal(after[0], DateTime(timezone=True)), literal(after[1], Integer()))
        )
    query = query.order_by(col(Record.datestamp), col(Record.key)).limit(limit)
    return list((await session.execute(query)).scalars())


async def earliest_datestamp(session: AsyncSession) -> datetime | None:
    query = select(func.min(col(Record.datestamp))).where(col(Record.status).in_(HARVESTABLE))
    value: datetime | None = (await session.execute(query)).scalar_one()
    return value


async def find(session: AsyncSession, record_id: str) -> Record | None:
    try:
        uuid.UUID(record_id)
    except ValueError:
        return None
    query = select(Record).where(col(Record.id) == record_id, col(Record.status).in_(HARVESTABLE))
    return (await session.execute(query)).scalar_one_or_none()
