"""Notifications: writing one per (event, person, channel), and a person's in-app list."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import NotFound
from common.events import Event
from common.pagination import PageParams, paginate
from notifications.db import insert_for
from notifications.message.compose import (
    Composed,
    Draft,
    absolute_url,
    compose,
    email_html,
    email_text,
    in_app_text,
    language_of,
)
from notifications.notification.models import Channel, Notification, Status
from notifications.recipient.models import Recipient
from notifications.timeutil import utcnow


async def notify(
    session: AsyncSession, *, event: Event, user_id: str, draft: Draft, public_url: str, now: datetime | None = None
) -> None:
    """Store the in-app notice and the pending e-mail telling `user_id` about `event`.

    In the recipient's language (French when unknown). Inserted with ON CONFLICT DO NOTHING on
    (event_id, user_id, channel): a second delivery of the event that got past the processed-event
    dedup still adds nothing. The e-mail goes out after the commit (notifications.delivery.sender)."""
    recipient = await session.get(Recipient, user_id)
    language = language_of(recipient.preferred_language if recipient else None)
    name = recipient.full_name if recipient else None
    composed = compose(draft, language)
    common = _common(event, user_id, composed, now or utcnow())
    await _store(
        session,
        {**common, "channel": Channel.in_app, "status": Status.delivered, "body_text": in_app_text(composed)},
        _email(common, composed, public_url, address=recipient.email if recipient else None, name=name),
    )


async def notify_address(
    session: AsyncSession,
    *,
    event: Event,
    address: str,
    name: str | None,
    language: str,
    draft: Draft,
    public_url: str,
    now: datetime | None = None,
) -> None:
    """Store the pending e-mail to someone who has no account (an endorser): no in-app notice, the
    address and language given by the event. Keyed by a stable id made from the address, so the
    same event twice still sends one message."""
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"mailto:{address.strip().lower()}"))
    composed = compose(draft, language)
    common = _common(event, key, composed, now or utcnow())
    await _store(session, _email(common, composed, public_url, address=address, name=name))


def _common(event: Event, user_id: str, composed: Composed, now: datetime) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "event_type": event.type,
        "kind": composed.kind,
        "user_id": user_id,
        "language": composed.language,
        "subject": composed.subject[:300],
        "path": composed.path,
        "created_at": now,
    }


def _email(
    common: dict[str, Any], composed: Composed, public_url: str, *, address: str | None, name: str | None
) -> dict[str, Any]:
    url = absolute_url(public_url, composed.path)
    return {
        **common,
        "channel": Channel.email,
        "status": Status.pending,
        "next_attempt_at": common["created_at"],
        "body_text": email_text(composed, name=name, url=url),
        "body_html": email_html(composed, name=name, url=url),
        "to_address": address,
        "to_name": name,
    }


async def _store(session: AsyncSession, *rows: dict[str, Any]) -> None:
    for values in rows:
        values["id"] = str(uuid.uuid4())
        insert = insert_for(session, Notification).values(**values)
        await session.execute(insert.on_conflict_do_nothing(index_elements=["event_id", "user_id", "channel"]))
    # Database.notify_committed wakes its listeners after a commit that set this flag: the sender
    # is one of them (these e-mail rows are this service's outbox).
    session.info["outbox_written"] = True


def _inbox(user_id: str) -> Any:
    return (col(Notification.user_id) == user_id) & (col(Notification.channel) == Channel.in_app)


async def list_for(
    session: AsyncSession, *, user_id: str, unread_only: bool, params: PageParams
) -> tuple[list[Notification], int]:
    query = select(Notification).where(_inbox(user_id))
    if unread_only:
        query = query.where(col(Notification.read_at).is_(None))
    query = query.order_by(col(Notification.created_at).desc(), col(Notification.id).desc())
    return await paginate(session, query, params)


async def unread_count(session: AsyncSession, *, user_id: str) -> int:
    query = select(func.count()).select_from(Notification).where(_inbox(user_id), col(Notification.read_at).is_(None))
    return int((await session.execute(query)).scalar_one())


async def get_own(session: AsyncSession, *, user_id: str, notification_id: str) -> Notification:
    """The caller's own notification; anyone else's is a 404, exactly as a missing one."""
    row = await session.get(Notification, notification_id)
    if row is None or row.user_id != user_id or row.channel != Channel.in_app:
        raise NotFound("No such notification.")
    return row


async def mark_read(session: AsyncSession, *, user_id: str, notification_id: str) -> Notification:
    row = await get_own(session, user_id=user_id, notification_id=notification_id)
    if row.read_at is None:  # the first reading is the one kept
        row.read_at = utcnow()
        session.add(row)
        await session.flush()
    return row


async def mark_all_read(session: AsyncSession, *, user_id: str) -> int:
    result = await session.execute(
        update(Notification).where(_inbox(user_id), col(Notification.read_at).is_(None)).values(read_at=utcnow())
    )
    await session.flush()
    return int(result.rowcount)  # type: ignore[attr-defined]
