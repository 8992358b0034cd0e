from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.db import DBSession
from common.pagination import Page, Pagination, paginate
from common.security import StaffPrincipal
from experts.duplicate import service
from experts.duplicate.models import DuplicateCandidate, DuplicateReason, DuplicateStatus
from experts.duplicate.schemas import DuplicateRead, ProfileBrief, Resolution
from experts.profile import service as profiles
from experts.timeutil import aware, aware_or_none

router = APIRouter(prefix="/duplicates", tags=["duplicates"])


async def _read(session: AsyncSession, pair: DuplicateCandidate) -> DuplicateRead:
    profile = await profiles.get(session, pair.profile_id)
    other = await profiles.get(session, pair.other_id)
    return DuplicateRead(
        id=pair.id,
        status=DuplicateStatus(pair.status),
        reasons=[DuplicateReason(r) for r in pair.reasons],
        profile=ProfileBrief.model_validate(profile, from_attributes=True),
        other=ProfileBrief.model_validate(other, from_attributes=True),
        merged_into_id=pair.merged_into_id,
        created_at=aware(pair.created_at),
        resolved_at=aware_or_none(pair.resolved_at),
        resolved_by=pair.resolved_by,
    )


@router.get("", response_model=Page[DuplicateRead], summary="Possible duplicates to review")
async def list_duplicates(
    session: DBSession,
    _: StaffPrincipal,
    page: Pagination,
    status: Annotated[DuplicateStatus, Query(description="Default: open (to review)")] = DuplicateStatus.open,
) -> Page[DuplicateRead]:
    """Coordinators and admins: pairs of profiles that may be one person, oldest first."""
    query = (
        select(DuplicateCandidate)
        .where(col(DuplicateCandidate.status) == status.value)
        .order_by(col(DuplicateCandidate.created_at), col(DuplicateCandidate.id))
    )
    rows, total = await paginate(session, query, page)
    return Page(items=[await _read(session, r) for r in rows], total=total, limit=page.limit, offset=page.offset)


@router.get("/{candidate_id}", response_model=DuplicateRead, summary="One possible duplicate")
async def read_duplicate(candidate_id: str, session: DBSession, _: StaffPrincipal) -> DuplicateRead:
    """Coordinators and admins."""
    return await _read(session, await service.get(session, candidate_id))


@router.post("/{candidate_id}/resolution", response_model=DuplicateRead, summary="Merge, or keep both")
async def resolve_duplicate(
    candidate_id: str, data: Resolution, session: DBSession, principal: StaffPrincipal
) -> DuplicateRead:
    """Coordinators and admins: `merge` folds one profile into the other (`into`, default the
    older one); `keep_both` records that they are two people. A resolved pair answers 409."""
    pair = await service.get(session, candidate_id)
    pair = await service.resolve(session, candidate=pair, action=data.action, into=data.into, by=principal.subject)
    return await _read(session, pair)
