from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from common.pagination import Page
from notifications.message.compose import absolute_url
from notifications.notification.models import Notification
from notifications.timeutil import aware, aware_or_none


class NotificationRead(BaseModel):
    id: str
    #: What happened: application_received, application_accepted, application_waitlisted,
    #: application_rejected, seat_offered, offer_expired, session_cancelled, session_moved,
    #: certificate_issued, expert_verified.
    kind: str
    subject: str
    #: Plain text, paragraphs separated by a blank line, in `language`.
    body: str
    language: str
    #: Where it leads in the SPA, and the same as an absolute URL.
    path: str | None
    url: str | None
    created_at: datetime
    read_at: datetime | None
    read: bool

    @classmethod
    def of(cls, row: Notification, public_url: str) -> NotificationRead:
        return cls(
            id=row.id,
            kind=row.kind,
            subject=row.subject,
            body=row.body_text,
            language=row.language,
            path=row.path,
            url=absolute_url(public_url, row.path),
            created_at=aware(row.created_at),
            read_at=aware_or_none(row.read_at),
            read=row.read_at is not None,
        )


class NotificationPage(Page[NotificationRead]):
    #: The caller's unread notifications (all of them, whatever the page or filter).
    unread: int


class UnreadCount(BaseModel):
    unread: int


class ReadAll(BaseModel):
    #: How many notifications this call marked read.
    marked: int
    unread: int
