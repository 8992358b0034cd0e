from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from experts.engagement.service import resolve_profiles
from experts.errors import ProfileNotFound
from experts.profile import service as profiles
from experts.profile.models import ExpertProfile
from experts.profile.schemas import ExpertStatus
from experts.vocabulary import ProfileStatus


async def listed_profile(session: AsyncSession, profile_id: str) -> ExpertProfile:
    profile = await session.get(ExpertProfile, profile_id)
    if profile is None or not profiles.is_listed(profile):
        raise ProfileNotFound("No expert with this id in the directory.")
    return profile


async def status_of(session: AsyncSession, profile_id: str) -> ExpertStatus:
    resolved = await resolve_profiles(session, [profile_id])
    if not resolved:
        return ExpertStatus(id=profile_id, resolved_id=None, status="unknown", verified=False)
    profile = await profiles.get(session, resolved[0])
    status = ProfileStatus(profile.status)
    return ExpertStatus(id=profile_id, resolved_id=profile.id, status=status, verified=status == ProfileStatus.verified)
