"""enrollment's own table metadata and its outbox."""

from sqlmodel import SQLModel

from common.db import make_registry
from common.events import event_tables


class EnrollmentModel(SQLModel, registry=make_registry()):
    """Base of every enrollment table (its own metadata: no other service's tables mix in)."""


OutboxEvent, ProcessedEvent = event_tables(EnrollmentModel)
