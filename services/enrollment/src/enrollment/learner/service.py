"""The learner read model: identity's events write it; a first application fills it from the token."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.auth import Principal
from common.events import Event
from enrollment.dbutil import insert_ignore
from enrollment.learner.models import Learner
from enrollment.timeutil import utcnow

PROFILE_FIELDS = ("email", "full_name", "country", "organisation_id", "position", "preferred_language", "gender")


async def ensure_from_token(
    db: AsyncSession,
    principal: Principal,
    *,
    country: str | None = None,
    organisation_id: str | None = None,
    position: str | None = None,
) -> Learner:
    """The caller's learner row; created from the access token when identity's event has not come yet."""
    learner = await db.get(Learner, principal.subject)
    if learner is not None and learner.source == "identity":
        return learner
    await insert_ignore(
        db,
        Learner,
        {
            "user_id": principal.subject,
            "email": principal.email,
            "full_name": principal.name,
            "country": country,
            "organisation_id": organisation_id,
            "position": position,
            "source": "token",
            "updated_at": utcnow(),
        },
        ["user_id"],
    )
    learner = await db.get(Learner, principal.subject, populate_existing=True)
    assert learner is not None
    # The token only fills what identity has not told us yet.
    if learner.source == "token":
        for field, value in (
            ("email", principal.email),
            ("full_name", principal.name),
            ("country", country),
            ("organisation_id", organisation_id),
            ("position", position),
        ):
            if value and not getattr(learner, field):
                setattr(learner, field, value)
        db.add(learner)
    return learner


async def apply_identity_event(db: AsyncSession, event: Event) -> None:
    """`identity.user.registered|updated`: upsert the profile (an update may come before we saw the user)."""
    data: dict[str, Any] = event.data
    user_id = data.get("user_id")
    if not user_id:
        return
    await insert_ignore(db, Learner, {"user_id": user_id, "source": "identity", "updated_at": utcnow()}, ["user_id"])
    learner = await db.get(Learner, user_id, populate_existing=True)
    assert learner is not None
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(learner, field, data[field])
    learner.source = "identity"
    learner.updated_at = utcnow()
    db.add(learner)
