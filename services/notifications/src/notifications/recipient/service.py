"""The recipient read model: identity's users as their events describe them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.events import Event
from notifications.db import insert_for
from notifications.recipient.models import Recipient
from notifications.timeutil import parse_instant, utcnow

IDENTITY = "identity"
ENROLLMENT = "enrollment"


def _clean(value: object, limit: int) -> str | None:
    return (value.strip()[:limit] or None) if isinstance(value, str) else None


def event_time(event: Event) -> datetime:
    return parse_instant(event.time) or utcnow()


async def apply_identity_event(session: AsyncSession, event: Event) -> None:
    """`identity.user.registered|updated`: upsert; an older event than the row's never overwrites it,
    and identity's data replaces anything learnt from enrollment."""
    data = event.data
    user_id = _clean(data.get("user_id"), 36)
    if user_id is None:
        return
    values = {
        "user_id": user_id,
        "email": _clean(data.get("email"), 320),
        "full_name": _clean(data.get("full_name"), 200),
        "preferred_language": _clean(data.get("preferred_language"), 5),
        "source": IDENTITY,
        "source_time": event_time(event),
        "updated_at": utcnow(),
    }
    insert = insert_for(session, Recipient).values(**values)
    newer = (col(Recipient.source) != IDENTITY) | (col(Recipient.source_time) <= insert.excluded.source_time)
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=["user_id"], set_={k: v for k, v in values.items() if k != "user_id"}, where=newer
        )
    )


async def remember_from_enrollment(
    session: AsyncSession,
    *,
    user_id: str,
    email: str | None,
    full_name: str | None,
    language: str | None,
    at: datetime,
) -> None:
    """The learner copy an enrollment event carries: kept only while identity has told us nothing,
    so that accounts created without a registration event (demo accounts, imports) are reachable."""
    values = {
        "user_id": user_id,
        "email": _clean(email, 320),
        "full_name": _clean(full_name, 200),
        "preferred_language": _clean(language, 5),
        "source": ENROLLMENT,
        "source_time": at,
        "updated_at": utcnow(),
    }
    insert = insert_for(session, Recipient).values(**values)
    only_ours = (col(Recipient.source) == ENROLLMENT) & (col(Recipient.source_time) <= insert.excluded.source_time)
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=["user_id"], set_={k: v for k, v in values.items() if k != "user_id"}, where=only_ours
        )
    )


async def get(session: AsyncSession, user_id: str) -> Recipient | None:
    return await session.get(Recipient, user_id)
