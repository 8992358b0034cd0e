from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from common.db import DBSession
from common.errors import Forbidden
from common.pagination import Page, Pagination
from common.security import AdminPrincipal, CurrentPrincipal, StaffPrincipal
from identity.user import service
from identity.user.models import Role, User
from identity.user.schemas import RolesUpdate, UserRead, UserUpdate

router = APIRouter(prefix="/users", tags=["users"])


async def _me(session: DBSession, principal: CurrentPrincipal) -> User:
    if principal.kind != "user":
        raise Forbidden("Integrator clients have no user account.")
    return await service.get(session, principal.subject)


@router.get("/me", response_model=UserRead, summary="My account")
async def read_me(session: DBSession, principal: CurrentPrincipal) -> UserRead:
    """Any logged-in user: their own account."""
    return await service.to_read(session, await _me(session, principal))


@router.patch("/me", response_model=UserRead, summary="Update my account")
async def update_me(data: UserUpdate, session: DBSession, principal: CurrentPrincipal) -> UserRead:
    """Any logged-in user: change their own profile fields."""
    user = await service.update_profile(session, user=await _me(session, principal), data=data)
    return await service.to_read(session, user)


@router.get("", response_model=Page[UserRead], summary="Search users")
async def list_users(
    session: DBSession,
    _: StaffPrincipal,
    page: Pagination,
    q: Annotated[str | None, Query(max_length=200)] = None,
    role: Role | None = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
) -> Page[UserRead]:
    """Coordinators and admins."""
    rows, total = await service.search(session, q=q, role=role, country=country, params=page)
    items = [await service.to_read(session, u) for u in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.get("/{user_id}", response_model=UserRead, summary="One user")
async def read_user(user_id: str, session: DBSession, _: StaffPrincipal) -> UserRead:
    """Coordinators and admins."""
    return await service.to_read(session, await service.get(session, user_id))


@router.put("/{user_id}/roles", response_model=UserRead, summary="Set a user's roles")
async def put_roles(user_id: str, data: RolesUpdate, session: DBSession, admin: AdminPrincipal) -> UserRead:
    """Admins only: grant and remove roles (the last admin cannot lose the admin role)."""
    user = await service.get(session, user_id)
    await service.set_roles(session, user=user, roles=data.roles, by=admin.subject)
    return await service.to_read(session, user)
