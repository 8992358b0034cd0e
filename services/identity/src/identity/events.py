"""The events identity publishes (subject `alga.identity.<entity>.<verb>`)."""

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.events import Event, record_event
from identity.db import OutboxEvent

USER_REGISTERED = "identity.user.registered"
USER_UPDATED = "identity.user.updated"
USER_ROLES_CHANGED = "identity.user.roles_changed"
ORGANISATION_UPDATED = "identity.organisation.updated"


def record(session: AsyncSession, type: str, data: dict[str, Any]) -> Event:
    return record_event(session, OutboxEvent, type, data)
