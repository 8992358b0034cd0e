"""The events enrollment publishes (subject `alga.enrollment.<entity>.<verb>`).

Each carries what notifications needs to tell the learner without calling anyone: the learner's
user id, name, e-mail and language, the session's id and titles, and for a seat offer the deadline.
Fields are added, never renamed or removed (docs/decisions/0002-domain-events.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.events import Event, record_event
from enrollment.db import OutboxEvent

APPLICATION_SUBMITTED = "enrollment.application.submitted"
APPLICATION_ACCEPTED = "enrollment.application.accepted"
APPLICATION_WAITLISTED = "enrollment.application.waitlisted"
APPLICATION_REJECTED = "enrollment.application.rejected"
APPLICATION_WITHDRAWN = "enrollment.application.withdrawn"
APPLICATION_CANCELLED = "enrollment.application.cancelled"
APPLICATION_SEAT_OFFERED = "enrollment.application.seat_offered"
APPLICATION_CONFIRMED = "enrollment.application.confirmed"
APPLICATION_EXPIRED = "enrollment.application.expired"
APPLICATION_ENDORSED = "enrollment.application.endorsed"
APPLICATION_NO_SHOW = "enrollment.application.no_show"
ENDORSEMENT_REQUESTED = "enrollment.endorsement.requested"
ENROLMENT_COMPLETED = "enrollment.enrolment.completed"
CERTIFICATE_ISSUED = "enrollment.certificate.issued"
CERTIFICATE_REVOKED = "enrollment.certificate.revoked"


def record(session: AsyncSession, type: str, data: dict[str, Any]) -> Event:
    return record_event(session, OutboxEvent, type, data)
