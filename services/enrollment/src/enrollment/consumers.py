"""Events from other services that feed enrollment's read models.

- `alga.catalogue.session.*` → the session copy (capacity, dates, status, language…), so learners
  apply while catalogue is down; a cancellation cancels the running applications.
- `alga.identity.user.registered|updated` → the learner copy (review-queue filters, roster,
  notification language), so no request calls identity.
"""

from __future__ import annotations

from collections.abc import Sequence

from common.db import Database
from common.events import EventConsumer
from enrollment.db import ProcessedEvent
from enrollment.learner.service import apply_identity_event
from enrollment.session.service import apply_catalogue_event

SESSION_SUBJECTS = [
    "alga.catalogue.session.published",
    "alga.catalogue.session.updated",
    "alga.catalogue.session.cancelled",
    "alga.catalogue.session.completed",
]
USER_SUBJECTS = ["alga.identity.user.registered", "alga.identity.user.updated"]
SESSIONS_DURABLE = "enrollment-sessions"
LEARNERS_DURABLE = "enrollment-learners"


def session_consumer(database: Database, nats_url: str) -> EventConsumer:
    return EventConsumer(
        database,
        ProcessedEvent,
        nats_url,
        durable=SESSIONS_DURABLE,
        subjects=SESSION_SUBJECTS,
        handler=apply_catalogue_event,
    )


def learner_consumer(database: Database, nats_url: str) -> EventConsumer:
    return EventConsumer(
        database,
        ProcessedEvent,
        nats_url,
        durable=LEARNERS_DURABLE,
        subjects=USER_SUBJECTS,
        handler=apply_identity_event,
    )


def build_consumers(database: Database, nats_url: str) -> Sequence[EventConsumer]:
    return [session_consumer(database, nats_url), learner_consumer(database, nats_url)]
