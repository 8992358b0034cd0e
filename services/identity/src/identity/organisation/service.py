from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound, ValidationFailed
from common.pagination import PageParams, paginate
from identity import events
from identity.organisation.models import Organisation, OrganisationKind
from identity.organisation.schemas import OrganisationCreate, PartnershipUpdate
from identity.timeutil import utcnow
from identity.user.models import User


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
    session: AsyncSession,
    *,
    q: str | None,
    country: str | None,
    kind: OrganisationKind | None,
    params: PageParams,
    partner: bool | None = None,
) -> tuple[list[Organisation], int]:
    query = select(Organisation).order_by(col(Organisation.name), col(Organisation.id))
    if partner is not None:
        query = query.where(col(Organisation.is_partner) == partner)
    if q:
        query = query.where(func.lower(col(Organisation.name)).like(f"%{q.strip().lower()}%"))
    if country:
        query = query.where(col(Organisation.country) == country.upper())
    if kind:
        query = query.where(col(Organisation.kind) == kind.value)
    return await paginate(session, query, params)


def event_data(organisation: Organisation) -> dict[str, object]:
    """What consumers keep of an organisation (the partner pages, who may see a partner's figures)."""
    return {
        "organisation_id": organisation.id,
        "name": organisation.name,
        "kind": organisation.kind,
        "country": organisation.country,
        "is_partner": organisation.is_partner,
        "focal_point_user_id": organisation.focal_point_user_id,
    }


async def set_partnership(
    session: AsyncSession, *, organisation: Organisation, data: PartnershipUpdate, by: str
) -> Organisation:
    """Make the organisation a partner (or stop) and name its focal point; one
    `identity.organisation.updated` event when something changed. A former partner keeps no focal
    point: the focal point sees the partner's figures, which must end with the partnership."""
    focal_point = data.focal_point_user_id if data.is_partner else None
    if focal_point is not None:
        user = await session.get(User, focal_point)
        if user is None or not user.is_active:
            raise ValidationFailed.on("focal_point_user_id", "No active user with this id.", "not_found")
    before = event_data(organisation)
    organisation.is_partner = data.is_partner
    organisation.focal_point_user_id = focal_point
    after = event_data(organisation)
    changed = sorted(key for key in after if after[key] != before[key])
    if changed:
        organisation.updated_at = utcnow()
        organisation.updated_by = by
        session.add(organisation)
        events.record(session, events.ORGANISATION_UPDATED, {**after, "changed": changed})
        await session.flush()
    return organisation


async def focal_point_of(session: AsyncSession, user_id: str) -> list[str]:
    """The partner institutions whose focal point the user is (ids, in a stable order)."""
    rows = await session.execute(
        select(col(Organisation.id))
        .where(col(Organisation.focal_point_user_id) == user_id, col(Organisation.is_partner).is_(True))
        .order_by(col(Organisation.id))
    )
    return [str(v) for v in rows.scalars()]
