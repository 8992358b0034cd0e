"""experts' own table metadata and its outbox."""

from sqlmodel import SQLModel

from common.db import make_registry
from common.events import event_tables


class ExpertsModel(SQLModel, registry=make_registry()):
    """Base of every experts table (its own metadata: no other service's tables mix in)."""


OutboxEvent, ProcessedEvent = event_tables(ExpertsModel)
