"""The partner institutions of programmes (identity organisation ids), one row each in
`programme_partner`, so that a partner's programmes, sessions and figures are found in SQL."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from catalogue.programme.models import ProgrammePartner


async def partners_of(session: AsyncSession, programme_ids: Iterable[str | None]) -> dict[str, list[str]]:
    ids = sorted({i for i in programme_ids if i})
    found: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        rows = await session.execute(
            select(col(ProgrammePartner.programme_id), col(ProgrammePartner.organisation_id))
            .where(col(ProgrammePartner.programme_id).in_(ids))
            .order_by(col(ProgrammePartner.organisation_id))
        )
        for programme_id, organisation_id in rows.all():
            found[programme_id].append(organisation_id)
    return found


async def of_programme(session: AsyncSession, programme_id: str | None) -> list[str]:
    return (await partners_of(session, [programme_id]))[programme_id] if programme_id else []


async def set_partners(session: AsyncSession, programme_id: str, organisation_ids: Sequence[str]) -> None:
    await session.execute(delete(ProgrammePartner).where(col(ProgrammePartner.programme_id) == programme_id))
    session.add_all(ProgrammePartner(programme_id=programme_id, organisation_id=o) for o in organisation_ids)
    await session.flush()


def with_partners(programme_column: Any, organisation_ids: Sequence[str] | Any) -> ColumnElement[bool]:
    """`programme_column` names a programme one of these partners takes part in (`organisation_ids`:
    the ids, or an expanding bound parameter that will hold them)."""
    return programme_column.in_(
        select(col(ProgrammePartner.programme_id)).where(col(ProgrammePartner.organisation_id).in_(organisation_ids))
    )
