"""Vetting: coordinators verify or reject applications and archive verified experts.

pending → verified | rejected (rejecting needs a note, which the applicant reads);
verified → archived. Anything else is a 409. Verifying publishes `experts.profile.verified`,
on which identity grants the `expert` role.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from common.errors import ValidationFailed
from experts import events
from experts.errors import TransitionNotAllowed
from experts.profile import service as profiles
from experts.profile.models import ExpertProfile
from experts.timeutil import utcnow
from experts.vocabulary import ProfileStatus

S = ProfileStatus

#: action → (statuses it may start from, status it leads to, event it publishes)
TRANSITIONS: dict[str, tuple[frozenset[ProfileStatus], ProfileStatus, str]] = {
    "verify": (frozenset({S.pending}), S.verified, events.PROFILE_VERIFIED),
    "reject": (frozenset({S.pending}), S.rejected, events.PROFILE_REJECTED),
    "archive": (frozenset({S.verified}), S.archived, events.PROFILE_ARCHIVED),
}


def allowed_actions(profile: ExpertProfile) -> list[str]:
    return [action for action, (sources, _, _) in TRANSITIONS.items() if profile.status in sources]


async def transition(
    session: AsyncSession, *, profile: ExpertProfile, action: str, note: str | None, by: str
) -> ExpertProfile:
    sources, target, event_type = TRANSITIONS[action]
    if profile.status not in sources:
        allowed = ", ".join(allowed_actions(profile)) or "none"
        raise TransitionNotAllowed(
            f"A {profile.status} profile cannot be {target.value} (actions allowed now: {allowed}).",
            status_now=profile.status,
            allowed_actions=allowed_actions(profile),
        )
    if action == "reject" and not note:
        raise ValidationFailed.on("note", "Say why the application is turned down: the applicant reads it.", "missing")
    now = utcnow()
    profile.status = target.value
    if note is not None:
        profile.vetting_note = note
    if target == S.verified:
        profile.verified_at, profile.verified_by = now, by
    elif target == S.rejected:
        profile.rejected_at = now
    elif target == S.archived:
        profile.archived_at = now
    profile.revision += 1
    profile.updated_at = now
    session.add(profile)
    await session.flush()
    data = await profiles.event_data(session, profile)
    if target == S.archived:
        data = {**data, "reason": "archived", "merged_into": None}
    events.record(session, event_type, data)
    return profile
