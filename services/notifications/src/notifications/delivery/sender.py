"""The sender: takes committed, pending e-mails and sends them, retrying with backoff.

A consumer writes the e-mail row (status `pending`) in the same transaction as the processed-event
id, and the sender sends it afterwards, in its own transactions:

1. **claim**: `UPDATE … SET attempts = attempts + 1, next_attempt_at = now + claim_seconds WHERE id = …
   AND status = 'pending' AND next_attempt_at <= now`, committed. Only one sender (task, process or
   replica) can win a claim, on SQLite as on PostgreSQL, and no transaction stays open while the
   SMTP server is talked to.
2. **send** through the transport.
3. **record**: `sent` (never picked again), or back to `pending` with the next attempt after an
   exponential backoff, or `failed` after a permanent refusal or `max_attempts`.

So a server that is down delays messages but loses none, and a message is sent once. The one window
left is a crash between the server's "250 OK" and step 3's commit: the claim then expires and the
message goes again, with the same Message-ID (at-least-once at the SMTP boundary, as every mail
system is).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlmodel import col

from common.db import Database
from notifications.delivery.transport import Transport, TransportError, build_message, transport_for
from notifications.notification.models import Channel, Notification, Status
from notifications.recipient.models import Recipient
from notifications.settings import NotificationsSettings
from notifications.timeutil import aware, utcnow

log = logging.getLogger("notifications.sender")

NO_ADDRESS = "no e-mail address is known for this person yet"


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    @property
    def tried(self) -> int:
        return self.sent + self.retrying + self.failed


@dataclass(frozen=True)
class _Outgoing:
    id: str
    kind: str
    language: str
    subject: str
    text: str
    html: str | None
    created_at: datetime
    attempts: int
    address: str | None
    name: str | None


def file_name(notification_id: str, kind: str, created_at: datetime) -> str:
    """`20261129-101500-application_accepted-<id>`: sorted by time in a directory listing."""
    return f"{aware(created_at):%Y%m%d-%H%M%S}-{kind}-{notification_id}"


class Sender:
    def __init__(self, database: Database, settings: NotificationsSettings, transport: Transport | None = None) -> None:
        self.database = database
        self.settings = settings
        self.transport = transport or transport_for(settings)
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Called after a commit that stored new e-mails: send them now rather than at the next poll."""
        self._wake.set()

    def retry_delay(self, attempts: int) -> timedelta:
        seconds = self.settings.retry_base_seconds * 2 ** max(attempts - 1, 0)
        return timedelta(seconds=min(seconds, self.settings.retry_max_seconds))

    def _due(self, now: datetime) -> ColumnElement[bool]:
        return and_(
            col(Notification.channel) == Channel.email,
            col(Notification.status) == Status.pending,
            or_(col(Notification.next_attempt_at).is_(None), col(Notification.next_attempt_at) <= now),
        )

    async def _due_ids(self, now: datetime) -> list[str]:
        async with self.database.session() as session:
            rows = await session.execute(
                select(col(Notification.id))
                .where(self._due(now))
                .order_by(col(Notification.created_at), col(Notification.id))
                .limit(self.settings.send_batch_size)
            )
            return [str(r) for r in rows.scalars()]

    async def _claim(self, notification_id: str, now: datetime) -> _Outgoing | None:
        async with self.database.session() as session:
            result = await session.execute(
                update(Notification)
                .where(col(Notification.id) == notification_id, self._due(now))
                .values(
                    attempts=col(Notification.attempts) + 1,
                    next_attempt_at=now + timedelta(seconds=self.settings.claim_seconds),
                )
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                await session.rollback()
                return None  # another sender took it, or it is no longer due
            row = await session.get(Notification, notification_id)
            assert row is not None
            address, name = row.to_address, row.to_name
            if not address:
                # Known only later (identity's event came after this one): look again on every attempt.
                recipient = await session.get(Recipient, row.user_id)
                if recipient is not None and recipient.email:
                    address, name = recipient.email, recipient.full_name or name
            outgoing = _Outgoing(
                id=row.id,
                kind=row.kind,
                language=row.language,
                subject=row.subject,
                text=row.body_text,
                html=row.body_html,
                created_at=aware(row.created_at),
                attempts=row.attempts,
                address=address,
                name=name,
            )
            await session.commit()
            return outgoing

    async def _send(self, outgoing: _Outgoing) -> None:
        if not outgoing.address:
            raise TransportError(NO_ADDRESS)
        message = build_message(
            message_id=outgoing.id,
            mail_from=self.settings.mail_from,
            to_address=outgoing.address,
            to_name=outgoing.name,
            subject=outgoing.subject,
            language=outgoing.language,
            kind=outgoing.kind,
            created_at=outgoing.created_at,
            text=outgoing.text,
            html=outgoing.html,
        )
        await self.transport.send(message, name=file_name(outgoing.id, outgoing.kind, outgoing.created_at))

    async def _record(self, outgoing: _Outgoing, now: datetime, error: TransportError | None) -> str:
        values: dict[str, object]
        if error is None:
            outcome = Status.sent
            values = {
                "status": Status.sent,
                "sent_at": utcnow(),
                "next_attempt_at": None,
                "last_error": None,
                "to_address": outgoing.address,
                "to_name": outgoing.name,
            }
        elif error.permanent or outgoing.attempts >= self.settings.max_attempts:
            outcome = Status.failed
            values = {"status": Status.failed, "next_attempt_at": None, "last_error": str(error)[:1000]}
        else:
            outcome = Status.pending
            values = {"next_attempt_at": now + self.retry_delay(outgoing.attempts), "last_error": str(error)[:1000]}
        async with self.database.session() as session:
            await session.execute(update(Notification).where(col(Notification.id) == outgoing.id).values(**values))
            await session.commit()
        return outcome

    async def send_due(self, now: datetime | None = None) -> SendReport:
        """Send every e-mail whose time has come (one batch). `now` lets tests move the clock."""
        now = now or utcnow()
        report = SendReport()
        for notification_id in await self._due_ids(now):
            outgoing = await self._claim(notification_id, now)
            if outgoing is None:
                continue
            error: TransportError | None = None
            try:
                await self._send(outgoing)
            except TransportError as exc:
                error = exc
                log.warning("e-mail %s (attempt %d) not sent: %s", outgoing.id, outgoing.attempts, exc)
            outcome = await self._record(outgoing, now, error)
            if outcome == Status.sent:
                report.sent += 1
            elif outcome == Status.failed:
                report.failed += 1
                log.error("e-mail %s given up after %d attempts: %s", outgoing.id, outgoing.attempts, error)
            else:
                report.retrying += 1
        return report

    async def run_forever(self) -> None:
        log.info("sending e-mails through %s", self.transport.description)
        while True:
            self._wake.clear()
            try:
                while (await self.send_due()).tried >= self.settings.send_batch_size:
                    pass
            except asyncio.CancelledError:
                raise
            except Exception:
                # The database may be away for a moment: the next round tries again.
                log.exception("the e-mail sender failed; trying again shortly")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.settings.send_interval_seconds)
