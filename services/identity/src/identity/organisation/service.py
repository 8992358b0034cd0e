from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound
from common.pagination import PageParams, paginate
from identity.organisation.models import Organisation, OrganisationKind
from identity.organisation.schemas import OrganisationCreate


async def create(session: AsyncSession, *, data: OrganisationCreate, by: str | None) -> Organisation:
    exists = (
        await session.execute(
            select(col(Organisation.id)).where(
                func.lower(col(Organisation.name)) == data.name.lower(), col(Organisation.country) == data.country
            )
        )
    ).first()
    if exists:
        raise Conflict("This organisation is already registered for this country.")
    organisation = Organisation(name=data.name, kind=data.kind.value, country=data.country, created_by=by)
    session.add(organisation)
    await session.flush()
    return organisation


async def get(session: AsyncSession, organisation_id: str) -> Organisation:
    organisation = await session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound("No organisation with this id.")
    return organisation


async def search(
    session: AsyncSession, *, q: str | None, country: str | None, kind: OrganisationKind | None, params: PageParams
) -> tuple[list[Organisation], int]:
    query = select(Organisation).order_by(col(Organisation.name), col(Organisation.id))
    if q:
        query = query.where(func.lower(col(Organisation.name)).like(f"%{q.strip().lower()}%"))
    if country:
        query = query.where(col(Organisation.country) == country.upper())
    if kind:
        query = query.where(col(Organisation.kind) == kind.value)
    return await paginate(session, query, params)
