from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select
from sqlmodel import col

from common.db import DBSession
from common.i18n import ReaderLanguage
from common.pagination import Page, Pagination, paginate
from common.security import StaffPrincipal
from experts import search
from experts.dependencies import Settings
from experts.profile import service as profiles
from experts.profile import views
from experts.profile.models import ExpertProfile
from experts.profile.schemas import ProfileRead, Transition
from experts.vetting import service
from experts.vocabulary import ProfileStatus

router = APIRouter(tags=["vetting"])


@router.get("/applications", response_model=Page[ProfileRead], summary="The vetting queue")
async def list_applications(
    session: DBSession,
    _: StaffPrincipal,
    page: Pagination,
    lang: ReaderLanguage,
    settings: Settings,
    status: Annotated[
        list[ProfileStatus] | None, Query(description="Default: pending (the queue); repeat for several")
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words of the name, position, organisation…")] = None,
) -> Page[ProfileRead]:
    """Coordinators and admins: profiles by status (pending by default), oldest application first,
    each with its open duplicate candidates."""
    statuses = [s.value for s in status or [ProfileStatus.pending]]
    query = (
        select(ExpertProfile)
        .where(col(ExpertProfile.status).in_(statuses))
        .order_by(col(ExpertProfile.submitted_at), col(ExpertProfile.id))
    )
    text = search.match(session.get_bind().dialect.name, "expert_profile", col(ExpertProfile.id), q)
    if text is not None:
        query = query.where(text)
    rows, total = await paginate(session, query, page)
    related = await views.related(session, rows, staff=True)
    items = [views.to_read(r, related, lang, public_url=settings.public_url, staff=True) for r in rows]
    return Page(items=items, total=total, limit=page.limit, offset=page.offset)


@router.post("/profiles/{profile_id}/transitions", response_model=ProfileRead, summary="Verify, reject or archive")
async def transition_profile(
    profile_id: str,
    data: Transition,
    session: DBSession,
    principal: StaffPrincipal,
    lang: ReaderLanguage,
    settings: Settings,
) -> ProfileRead:
    """Coordinators and admins: pending → verified | rejected (a note is required to reject);
    verified → archived. Any other change answers 409."""
    profile = await profiles.get(session, profile_id)
    await service.transition(session, profile=profile, action=data.action, note=data.note, by=principal.subject)
    related = await views.related(session, [profile], with_engagements=True, public=False, staff=True)
    return views.to_read(profile, related, lang, public_url=settings.public_url, staff=True)
