from __future__ import annotations

from fastapi import APIRouter, status

from common.db import DBSession
from common.i18n import ReaderLanguage
from common.security import StaffPrincipal
from experts.dependencies import Settings, UserPrincipal
from experts.errors import ProfileNotFound
from experts.profile import service, views
from experts.profile.models import ExpertProfile
from experts.profile.schemas import ProfileCreate, ProfileRead, ProfileUpdate, StaffProfileCreate

router = APIRouter(tags=["profiles"])


async def _read(
    session: DBSession, profile: ExpertProfile, lang: str, settings: Settings, *, staff: bool
) -> ProfileRead:
    related = await views.related(session, [profile], with_engagements=True, public=False, staff=staff)
    return views.to_read(profile, related, lang, public_url=settings.public_url, staff=staff)


async def _mine(session: DBSession, principal: UserPrincipal) -> ExpertProfile:
    profile = await service.by_user(session, principal.subject)
    if profile is None:
        raise ProfileNotFound("You have no expert profile yet: apply with POST /applications.")
    return profile


@router.post("/applications", response_model=ProfileRead, status_code=status.HTTP_201_CREATED, summary="Apply to join")
async def apply(
    data: ProfileCreate, session: DBSession, principal: UserPrincipal, lang: ReaderLanguage, settings: Settings
) -> ProfileRead:
    """Any logged-in person: their expert profile, `pending` until a coordinator vets it. One per
    account (409 otherwise). The e-mail defaults to the account's."""
    profile = await service.apply(session, user_id=principal.subject, email=principal.email, data=data)
    return await _read(session, profile, lang, settings, staff=False)


@router.get("/me", response_model=ProfileRead, summary="My expert profile")
async def read_me(
    session: DBSession, principal: UserPrincipal, lang: ReaderLanguage, settings: Settings
) -> ProfileRead:
    """Any logged-in person who applied: their whole profile, its status and the vetting note."""
    return await _read(session, await _mine(session, principal), lang, settings, staff=False)


@router.patch("/me", response_model=ProfileRead, summary="Edit my expert profile")
async def update_me(
    data: ProfileUpdate, session: DBSession, principal: UserPrincipal, lang: ReaderLanguage, settings: Settings
) -> ProfileRead:
    """The profile's owner, while it is pending or verified (409 once rejected or archived)."""
    profile = await _mine(session, principal)
    await service.update(session, profile=profile, data=data, by=principal.subject)
    return await _read(session, profile, lang, settings, staff=False)


@router.post("/profiles", response_model=ProfileRead, status_code=status.HTTP_201_CREATED, summary="Add an expert")
async def create_profile(
    data: StaffProfileCreate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: ReaderLanguage,
    settings: Settings,
) -> ProfileRead:
    """Coordinators and admins: a profile created directly, verified unless `status: pending`.
    Possible duplicates are flagged as for an application."""
    profile = await service.create_by_staff(session, data=data, by=principal.subject)
    return await _read(session, profile, lang, settings, staff=True)


@router.get("/profiles/{profile_id}", response_model=ProfileRead, summary="One profile, whole")
async def read_profile(
    profile_id: str, session: DBSession, _: StaffPrincipal, lang: ReaderLanguage, settings: Settings
) -> ProfileRead:
    """Coordinators and admins: any profile, with its contact details and duplicate candidates."""
    return await _read(session, await service.get(session, profile_id), lang, settings, staff=True)


@router.patch("/profiles/{profile_id}", response_model=ProfileRead, summary="Edit a profile")
async def update_profile(
    profile_id: str,
    data: ProfileUpdate,
    session: DBSession,
    principal: StaffPrincipal,
    lang: ReaderLanguage,
    settings: Settings,
) -> ProfileRead:
    """Coordinators and admins, while the profile is pending or verified."""
    profile = await service.get(session, profile_id)
    await service.update(session, profile=profile, data=data, by=principal.subject)
    return await _read(session, profile, lang, settings, staff=True)
