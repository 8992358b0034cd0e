"""notifications' own table metadata, its processed-event table (consumer dedup) and its outbox.

The outbox stays empty for now (notifications publishes nothing yet); it exists so that the relay,
and with it `/ready`'s view of NATS, works as in every other service.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import SQLModel

from common.db import make_registry
from common.events import event_tables


class NotificationsModel(SQLModel, registry=make_registry()):
    """Base of every notifications table (its own metadata: no other service's tables mix in)."""


OutboxEvent, ProcessedEvent = event_tables(NotificationsModel)


def insert_for(session: AsyncSession, model: Any) -> Any:
    """`INSERT … ON CONFLICT` of the session's dialect (SQLite and PostgreSQL spell it the same way).

    Consumers write with ON CONFLICT instead of read-then-insert: two consumers racing for the same
    row must not fail at commit, because `EventConsumer` takes an IntegrityError at commit for
    "another replica applied this event" and would drop the event."""
    dialect = session.get_bind().dialect.name
    table = model.__table__
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for the {dialect} dialect")
