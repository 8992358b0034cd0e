"""catalogue's consumer of experts' events (durable `catalogue-experts`): the status copy that
trainer checks read (docs/decisions/0008)."""

from __future__ import annotations

from collections.abc import Sequence

from catalogue.db import ProcessedEvent
from catalogue.expert.service import EVENT_STATUS, apply_experts_event
from common.db import Database
from common.events import SUBJECT_PREFIX, EventConsumer

DURABLE = "catalogue-experts"
SUBJECTS = [SUBJECT_PREFIX + t for t in EVENT_STATUS]


def experts_consumer(database: Database, nats_url: str) -> EventConsumer:
    return EventConsumer(
        database, ProcessedEvent, nats_url, durable=DURABLE, subjects=SUBJECTS, handler=apply_experts_event
    )


def build_consumers(database: Database, nats_url: str) -> Sequence[EventConsumer]:
    return [experts_consumer(database, nats_url)]
