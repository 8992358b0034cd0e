from __future__ import annotations

from fastapi import APIRouter

from common.db import DBSession
from common.pagination import Pagination
from common.security import CurrentPrincipal
from notifications.dependencies import Settings
from notifications.notification import service
from notifications.notification.schemas import NotificationPage, NotificationRead, ReadAll, UnreadCount

router = APIRouter(prefix="/notifications", tags=["notifications"])


@router.get("", response_model=NotificationPage, summary="My notifications, newest first")
async def list_notifications(
    session: DBSession, principal: CurrentPrincipal, page: Pagination, settings: Settings, unread: bool = False
) -> NotificationPage:
    """The caller's own notifications (`?unread=true`: only those not read yet), with the unread count."""
    rows, total = await service.list_for(session, user_id=principal.subject, unread_only=unread, params=page)
    return NotificationPage(
        items=[NotificationRead.of(r, settings.public_url) for r in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
        unread=await service.unread_count(session, user_id=principal.subject),
    )


@router.get("/unread-count", response_model=UnreadCount, summary="How many of my notifications are unread")
async def unread_count(session: DBSession, principal: CurrentPrincipal) -> UnreadCount:
    """The caller's unread count (what the SPA's bell shows)."""
    return UnreadCount(unread=await service.unread_count(session, user_id=principal.subject))


@router.post("/read-all", response_model=ReadAll, summary="Mark all my notifications read")
async def read_all(session: DBSession, principal: CurrentPrincipal) -> ReadAll:
    """The caller's own notifications only."""
    marked = await service.mark_all_read(session, user_id=principal.subject)
    return ReadAll(marked=marked, unread=await service.unread_count(session, user_id=principal.subject))


@router.get("/{notification_id}", response_model=NotificationRead, summary="One of my notifications")
async def read_notification(
    notification_id: str, session: DBSession, principal: CurrentPrincipal, settings: Settings
) -> NotificationRead:
    """The caller's own notification; anyone else's answers 404."""
    row = await service.get_own(session, user_id=principal.subject, notification_id=notification_id)
    return NotificationRead.of(row, settings.public_url)


@router.post("/{notification_id}/read", response_model=NotificationRead, summary="Mark one notification read")
async def mark_read(
    notification_id: str, session: DBSession, principal: CurrentPrincipal, settings: Settings
) -> NotificationRead:
    """The caller's own notification (anyone else's answers 404); marking it again keeps the first time."""
    row = await service.mark_read(session, user_id=principal.subject, notification_id=notification_id)
    return NotificationRead.of(row, settings.public_url)
