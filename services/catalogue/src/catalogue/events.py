"""The events catalogue publishes (subject `alga.catalogue.<entity>.<verb>`).

Payloads carry what consumers keep in their read models (enrollment: capacity, dates, status,
language, venue, application window) so that no one has to call catalogue on a learner's request.
Fields are added, never renamed or removed (docs/decisions/0002-domain-events.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalogue.db import OutboxEvent
from catalogue.timeutil import aware_or_none
from common.events import Event, record_event

SESSION_PUBLISHED = "catalogue.session.published"
SESSION_UPDATED = "catalogue.session.updated"
SESSION_CANCELLED = "catalogue.session.cancelled"
SESSION_COMPLETED = "catalogue.session.completed"
PROGRAMME_PUBLISHED = "catalogue.programme.published"
PROGRAMME_UPDATED = "catalogue.programme.updated"
PROGRAMME_ARCHIVED = "catalogue.programme.archived"


def record(session: AsyncSession, type: str, data: dict[str, Any]) -> Event:
    return record_event(session, OutboxEvent, type, data)


def iso(value: Any) -> str | None:
    value = aware_or_none(value)
    return None if value is None else value.isoformat()
