"""Who holds a place in which session, from enrollment's application events."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from notifications.db import insert_for
from notifications.place.models import LIVE_STATUSES, SessionPlace
from notifications.timeutil import utcnow


async def record(
    session: AsyncSession, *, application_id: str, session_id: str, user_id: str, status: str, at: datetime
) -> None:
    """Upsert the application's status; an event older than the one the row holds changes nothing
    (a redelivered `accepted` must not bring back a place that was withdrawn since)."""
    values = {
        "application_id": application_id,
        "session_id": session_id,
        "user_id": user_id,
        "status": status,
        "event_time": at,
        "updated_at": utcnow(),
    }
    insert = insert_for(session, SessionPlace).values(**values)
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=["application_id"],
            set_={k: v for k, v in values.items() if k != "application_id"},
            where=col(SessionPlace.event_time) <= insert.excluded.event_time,
        )
    )


async def holders(session: AsyncSession, session_id: str) -> list[str]:
    """The users holding a place (accepted or confirmed) in the session."""
    rows = await session.execute(
        select(col(SessionPlace.user_id))
        .where(col(SessionPlace.session_id) == session_id, col(SessionPlace.status).in_(LIVE_STATUSES))
        .distinct()
        .order_by(col(SessionPlace.user_id))
    )
    return [str(r) for r in rows.scalars()]
