from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from notifications.notification.models import Notification
from notifications.timeutil import aware, aware_or_none


class DeliveryRead(BaseModel):
    """An e-mail and how its sending went (for staff: the text itself is not shown)."""

    id: str
    kind: str
    event_type: str
    event_id: str
    user_id: str
    to_address: str | None
    language: str
    subject: str
    #: pending (first try or waiting for a retry) | sent | failed (given up)
    status: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    sent_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, row: Notification) -> DeliveryRead:
        return cls(
            id=row.id,
            kind=row.kind,
            event_type=row.event_type,
            event_id=row.event_id,
            user_id=row.user_id,
            to_address=row.to_address,
            language=row.language,
            subject=row.subject,
            status=row.status,
            attempts=row.attempts,
            next_attempt_at=aware_or_none(row.next_attempt_at),
            last_error=row.last_error,
            sent_at=aware_or_none(row.sent_at),
            created_at=aware(row.created_at),
        )
