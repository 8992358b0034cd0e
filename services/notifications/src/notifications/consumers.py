"""The events notifications listens to (durable JetStream consumers, deduplicated by event id).

- `notifications-recipients`: `alga.identity.user.registered|updated` → the recipient read model
  (e-mail, name, preferred language), so no message ever needs a call to identity.
- `notifications-enrollment`: enrollment's application and certificate events → a message to the
  learner (see `notification.rules.ENROLLMENT_KINDS`), the `session_place` read model, and the
  learner's contact details while identity has not told us about them.
- `notifications-catalogue`: `alga.catalogue.session.updated` → "session moved" to the people
  holding a place. `catalogue.session.cancelled` is deliberately not consumed: see
  `notification.rules` (enrollment's per-learner `application.cancelled` tells them, once).
- `notifications-experts`: `alga.experts.profile.verified` → "your expert profile is verified"
  (nothing when the profile has no account).
- `notifications-endorsements`: `alga.enrollment.endorsement.requested` → an e-mail to the endorser
  a learner named (no account, so no in-app notice) with the single-use link to the application.

Each handler runs in the consumer's transaction, together with the processed-event row: a message
is stored once per event, and the e-mail is sent after that commit by the sender.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from common.db import Database
from common.events import Event, EventConsumer
from notifications.db import ProcessedEvent
from notifications.notification import rules
from notifications.notification.service import notify, notify_address
from notifications.place import service as places
from notifications.recipient import service as recipients
from notifications.settings import NotificationsSettings
from notifications.timeutil import utcnow

log = logging.getLogger("alga.notifications.consumers")

RECIPIENTS_DURABLE = "notifications-recipients"
ENROLLMENT_DURABLE = "notifications-enrollment"
CATALOGUE_DURABLE = "notifications-catalogue"
EXPERTS_DURABLE = "notifications-experts"
ENDORSEMENTS_DURABLE = "notifications-endorsements"

RECIPIENT_SUBJECTS = ["alga.identity.user.registered", "alga.identity.user.updated"]
ENROLLMENT_SUBJECTS = ["alga." + t for t in (*rules.ENROLLMENT_KINDS, *rules.ENROLLMENT_PLACE_ONLY)]
CATALOGUE_SUBJECTS = ["alga.catalogue.session.updated"]
EXPERTS_SUBJECTS = ["alga.experts.profile.verified"]
ENDORSEMENTS_SUBJECTS = ["alga." + rules.ENDORSEMENT_REQUESTED]

Handler = Callable[[AsyncSession, Event], Awaitable[None]]

#: How long an event for a person identity has not told us about yet is redelivered (its message
#: would otherwise go out in the default language): identity's and experts' events travel through
#: separate consumers, so the later one may arrive first.
RECIPIENT_WAIT = timedelta(seconds=60)


class RecipientNotKnownYet(Exception):
    """Raised to have the event redelivered (the consumer naks it) until identity's event lands."""


def _user_id(value: object) -> str | None:
    return (value.strip()[:36] or None) if isinstance(value, str) else None


def enrollment_handler(settings: NotificationsSettings) -> Handler:
    async def handle(session: AsyncSession, event: Event) -> None:
        data = event.data
        user_id = _user_id(data.get("user_id"))
        if user_id is None:
            return
        at = recipients.event_time(event)
        await recipients.remember_from_enrollment(
            session,
            user_id=user_id,
            email=data.get("email"),
            full_name=data.get("full_name"),
            language=data.get("language"),
            at=at,
        )
        if data.get("application_id") and data.get("session_id") and data.get("status"):
            await places.record(
                session,
                application_id=str(data["application_id"]),
                session_id=str(data["session_id"]),
                user_id=user_id,
                status=str(data["status"]),
                at=at,
            )
        draft = rules.enrollment_draft(event)
        if draft is not None:
            await notify(session, event=event, user_id=user_id, draft=draft, public_url=settings.public_url)

    return handle


def catalogue_handler(settings: NotificationsSettings) -> Handler:
    async def handle(session: AsyncSession, event: Event) -> None:
        if not rules.moves_people(event) or not event.data.get("session_id"):
            return
        draft = rules.session_moved_draft(event)
        for user_id in await places.holders(session, str(event.data["session_id"])):
            await notify(session, event=event, user_id=user_id, draft=draft, public_url=settings.public_url)

    return handle


def experts_handler(settings: NotificationsSettings) -> Handler:
    async def handle(session: AsyncSession, event: Event) -> None:
        user_id = _user_id(event.data.get("user_id"))
        if user_id is None:
            # A profile a coordinator created for someone without an account: nobody to tell.
            return
        if await recipients.get(session, user_id) is None and utcnow() - recipients.event_time(event) < RECIPIENT_WAIT:
            raise RecipientNotKnownYet(user_id)
        draft = rules.expert_verified_draft(event)
        await notify(session, event=event, user_id=user_id, draft=draft, public_url=settings.public_url)

    return handle


def endorsements_handler(settings: NotificationsSettings) -> Handler:
    async def handle(session: AsyncSession, event: Event) -> None:
        message = rules.endorsement_request(event)
        if message is None:
            return
        # A consumer created on a running system reads the stream from its start: requests whose
        # link has expired since are not sent (they would only invite the endorser to a dead link).
        days = message.draft.days
        if days is not None and recipients.event_time(event) + timedelta(days=days) < utcnow():
            log.info("endorsement request %s: link expired before it could be sent, skipped", event.id)
            return
        await notify_address(
            session,
            event=event,
            address=message.address,
            name=message.name,
            language=message.language,
            draft=message.draft,
            public_url=settings.public_url,
        )

    return handle


def handlers(settings: NotificationsSettings) -> dict[str, tuple[list[str], Handler]]:
    """durable name → (subjects, handler)."""
    return {
        RECIPIENTS_DURABLE: (RECIPIENT_SUBJECTS, recipients.apply_identity_event),
        ENROLLMENT_DURABLE: (ENROLLMENT_SUBJECTS, enrollment_handler(settings)),
        CATALOGUE_DURABLE: (CATALOGUE_SUBJECTS, catalogue_handler(settings)),
        EXPERTS_DURABLE: (EXPERTS_SUBJECTS, experts_handler(settings)),
        ENDORSEMENTS_DURABLE: (ENDORSEMENTS_SUBJECTS, endorsements_handler(settings)),
    }


def build_consumers(database: Database, nats_url: str, settings: NotificationsSettings) -> Sequence[EventConsumer]:
    return [
        EventConsumer(database, ProcessedEvent, nats_url, durable=durable, subjects=subjects, handler=handler)
        for durable, (subjects, handler) in handlers(settings).items()
    ]
