"""The experts service's consumer of other services' events (durable `experts-engagement`)."""

from __future__ import annotations

from collections.abc import Sequence

from common.db import Database
from common.events import SUBJECT_PREFIX, EventConsumer
from experts.db import ProcessedEvent
from experts.engagement.service import PUBLICATION_EVENTS, SESSION_EVENTS, handle

DURABLE = "experts-engagement"
SUBJECTS = [SUBJECT_PREFIX + t for t in (*SESSION_EVENTS, *PUBLICATION_EVENTS)]


def engagement_consumer(database: Database, nats_url: str) -> EventConsumer:
    return EventConsumer(database, ProcessedEvent, nats_url, durable=DURABLE, subjects=SUBJECTS, handler=handle)


def build_consumers(database: Database, nats_url: str) -> Sequence[EventConsumer]:
    return [engagement_consumer(database, nats_url)]
