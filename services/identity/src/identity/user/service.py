"""Users: registration, profile, roles. Functions take the session, flush, never commit."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound, ValidationFailed
from common.pagination import PageParams, paginate
from identity import events
from identity.organisation.models import Organisation
from identity.organisation.service import focal_point_of
from identity.passwords import hash_password, password_problem
from identity.timeutil import utcnow
from identity.user.models import Role, User, UserRole
from identity.user.schemas import UserRead, UserRegister, UserUpdate


class EmailTaken(Conflict):
    title, slug = "E-mail already registered", "email-taken"


async def roles_of(session: AsyncSession, user_id: str) -> list[str]:
    query = select(col(UserRole.role)).where(col(UserRole.user_id) == user_id).order_by(col(UserRole.role))
    rows = await session.execute(query)
    return list(rows.scalars())


async def to_read(session: AsyncSession, user: User) -> UserRead:
    return UserRead.model_validate(
        {
            **user.model_dump(),
            "roles": await roles_of(session, user.id),
            "focal_point_of": await focal_point_of(session, user.id),
        }
    )


async def get(session: AsyncSession, user_id: str) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("No user with this id.")
    return user


async def by_email(session: AsyncSession, email: str) -> User | None:
    return (await session.execute(select(User).where(col(User.email) == email.strip().lower()))).scalar_one_or_none()


async def _check_organisation(session: AsyncSession, organisation_id: str | None) -> None:
    if organisation_id is not None and await session.get(Organisation, organisation_id) is None:
        raise ValidationFailed.on("organisation_id", "No organisation with this id.", "not_found")


async def register(session: AsyncSession, *, data: UserRegister, roles: Iterable[str] = (Role.learner,)) -> User:
    email = data.email.strip().lower()
    problem = password_problem(data.password, user_inputs=[email, email.split("@")[0], data.full_name])
    if problem:
        raise ValidationFailed.on("password", problem, "weak_password")
    await _check_organisation(session, data.organisation_id)
    if await by_email(session, email) is not None:
        raise EmailTaken("An account with this e-mail already exists. Log in, or reset your password.")
    user = User(
        email=email,
        password_hash=hash_password(data.password),
        full_name=data.full_name,
        country=data.country,
        organisation_id=data.organisation_id,
        position=data.position,
        preferred_language=data.preferred_language,
        gender=data.gender.value if data.gender else None,
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:  # two registrations racing for one e-mail
        raise EmailTaken("An account with this e-mail already exists.") from exc
    for role in roles:
        session.add(UserRole(user_id=user.id, role=str(role)))
    await session.flush()
    events.record(session, events.USER_REGISTERED, {**profile_data(user), "roles": sorted(str(r) for r in roles)})
    return user


def profile_data(user: User) -> dict[str, str | None]:
    """What other services keep of a user (enrollment's learner read model, notifications)."""
    return {
        "user_id": user.id,
        "email": user.email,
        "full_name": user.full_name,
        "country": user.country,
        "organisation_id": user.organisation_id,
        "position": user.position,
        "preferred_language": user.preferred_language,
        "gender": user.gender,
    }


async def update_profile(session: AsyncSession, *, user: User, data: UserUpdate) -> User:
    changes = data.model_dump(exclude_unset=True)
    for field in ("full_name", "country", "preferred_language"):
        if field in changes and changes[field] is None:
            raise ValidationFailed.on(field, "This field cannot be empty.", "required")
    if "organisation_id" in changes:
        await _check_organisation(session, changes["organisation_id"])
    for field, value in changes.items():
        setattr(user, field, value.value if hasattr(value, "value") else value)
    user.updated_at = utcnow()
    session.add(user)
    await session.flush()
    if changes:
        events.record(session, events.USER_UPDATED, {**profile_data(user), "changed": sorted(changes)})
    return user


async def set_roles(session: AsyncSession, *, user: User, roles: Iterable[Role], by: str) -> list[str]:
    wanted = sorted({str(r) for r in roles})
    current = await roles_of(session, user.id)
    if current == wanted:
        return current
    if Role.admin in current and Role.admin not in wanted:
        admins = (
            await session.execute(select(func.count()).select_from(UserRole).where(col(UserRole.role) == Role.admin))
        ).scalar_one()
        if admins <= 1:
            raise Conflict("This is the last admin; grant admin to someone else first.")
    for row in (await session.execute(select(UserRole).where(col(UserRole.user_id) == user.id))).scalars():
        if row.role not in wanted:
            await session.delete(row)
    for role in wanted:
        if role not in current:
            session.add(UserRole(user_id=user.id, role=role, granted_by=by))
    await session.flush()
    events.record(
        session,
        events.USER_ROLES_CHANGED,
        {
            "user_id": user.id,
            "roles": wanted,
            "previous_roles": current,
            "changed_by": by,
        },
    )
    return wanted


async def search(
    session: AsyncSession, *, q: str | None, role: Role | None, country: str | None, params: PageParams
) -> tuple[list[User], int]:
    query = select(User).order_by(col(User.created_at).desc(), col(User.id))
    if q:
        like = f"%{q.strip().lower()}%"
        query = query.where(or_(func.lower(col(User.full_name)).like(like), col(User.email).like(like)))
    if role:
        query = query.where(col(User.id).in_(select(col(UserRole.user_id)).where(col(UserRole.role) == role)))
    if country:
        query = query.where(col(User.country) == country.upper())
    return await paginate(session, query, params)
