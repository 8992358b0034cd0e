"""What staff see of e-mail delivery, and the one thing they can do: try a failed message again."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound
from common.pagination import PageParams, paginate
from notifications.notification.models import Channel, Notification, Status
from notifications.timeutil import utcnow


async def list_deliveries(
    session: AsyncSession, *, status: Status, params: PageParams
) -> tuple[list[Notification], int]:
    query = (
        select(Notification)
        .where(col(Notification.channel) == Channel.email, col(Notification.status) == status)
        .order_by(col(Notification.created_at).desc(), col(Notification.id).desc())
    )
    return await paginate(session, query, params)


async def retry(session: AsyncSession, *, notification_id: str) -> Notification:
    """A failed e-mail goes back to the queue, due now, with a fresh count of attempts."""
    row = await session.get(Notification, notification_id)
    if row is None or row.channel != Channel.email:
        raise NotFound("No such e-mail.")
    if row.status != Status.failed:
        raise Conflict(f"Only a failed e-mail can be retried; this one is {row.status}.", status_now=row.status)
    row.status = Status.pending
    row.attempts = 0
    row.next_attempt_at = utcnow()
    session.add(row)
    await session.flush()
    session.info["outbox_written"] = True  # wakes the sender after the commit
    return row
