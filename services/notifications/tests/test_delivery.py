"""Sending by SMTP against a real server on a loopback port: a message goes out once; a server that is
down delays it (it stays pending, with its error and its next attempt) and it goes out when the
server is back; a permanent refusal stops the retries; staff see and retry failures.

No sleeps: the tests call the sender themselves, with the clock they choose."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from common.db import Database
from common.events import EventConsumer
from common.testing import running_app
from notifications.consumers import ENROLLMENT_DURABLE, RECIPIENTS_DURABLE, build_consumers
from notifications.delivery.sender import Sender
from notifications.main import create_app
from notifications.notification.models import Notification
from notifications.settings import NotificationsSettings
from notifications.timeutil import aware, utcnow

from .conftest import Person, SmtpServer, application_event, eml_files, make_settings, stored, text_of, user_event


def smtp_settings(settings: NotificationsSettings, port: int, **overrides: Any) -> NotificationsSettings:
    values = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_starttls": False, **overrides}
    return make_settings(settings.database_url, settings.var_dir, **values)


async def _queue_one(consumers: dict[str, EventConsumer], someone: Person, verb: str = "accepted") -> str:
    await consumers[RECIPIENTS_DURABLE].apply(user_event(someone))
    event = application_event(verb, someone)
    assert await consumers[ENROLLMENT_DURABLE].apply(event)
    return event.id


async def _email(db: Database, event_id: str) -> Notification:
    (row,) = await stored(db, event_id=event_id, channel="email")
    return row


async def test_smtp_delivers_once(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    smtp_server: SmtpServer,
    person: Any,
) -> None:
    smtp_server.start()
    sender = Sender(db, smtp_settings(settings, smtp_server.port))
    kwame = person("Kwame Mensah", "en")
    event_id = await _queue_one(consumers, kwame)

    assert (await sender.send_due()).sent == 1
    assert (await sender.send_due()).tried == 0
    assert (await sender.send_due(now=utcnow() + timedelta(days=30))).tried == 0
    (message,) = smtp_server.sink.messages
    (envelope,) = smtp_server.sink.envelopes
    assert envelope.mail_from == "no-reply@example.org" and envelope.rcpt_tos == [kwame.email]
    assert message["Subject"] == "Application accepted: ALGA College: Local finance"
    assert message["To"] == f"Kwame Mensah <{kwame.email}>"
    assert "Hello Kwame Mensah," in text_of(message)
    row = await _email(db, event_id)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)
    assert row.sent_at is not None and row.to_address == kwame.email
    # SMTP configured: nothing is written to files.
    assert eml_files(settings.mail_directory) == []


async def test_a_server_that_is_down_delays_but_loses_nothing(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    smtp_server: SmtpServer,
    person: Any,
) -> None:
    sender = Sender(db, smtp_settings(settings, smtp_server.port, retry_base_seconds=60))
    event_id = await _queue_one(consumers, person())

    # Nothing listens on the port yet.
    report = await sender.send_due()
    assert (report.sent, report.retrying, report.failed) == (0, 1, 0)
    row = await _email(db, event_id)
    assert row.status == "pending" and row.attempts == 1
    assert row.last_error is not None and f"cannot reach 127.0.0.1:{smtp_server.port}" in row.last_error
    first_retry = aware(row.next_attempt_at) if row.next_attempt_at else None
    assert first_retry is not None and first_retry > utcnow() + timedelta(seconds=50)

    # Before its retry time the message waits, even when asked.
    assert (await sender.send_due()).tried == 0
    # Still down at the retry: the next wait doubles.
    assert (await sender.send_due(now=first_retry)).retrying == 1
    row = await _email(db, event_id)
    assert row.attempts == 2 and row.next_attempt_at is not None
    assert aware(row.next_attempt_at) - first_retry == timedelta(seconds=120)

    smtp_server.start()
    assert (await sender.send_due(now=aware(row.next_attempt_at))).sent == 1
    assert len(smtp_server.sink.messages) == 1
    row = await _email(db, event_id)
    assert (row.status, row.attempts, row.last_error) == ("sent", 3, None)
    assert (await sender.send_due(now=utcnow() + timedelta(days=1))).tried == 0
    assert len(smtp_server.sink.messages) == 1


async def test_a_permanent_refusal_is_not_retried(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    smtp_server: SmtpServer,
    person: Any,
) -> None:
    smtp_server.start()
    awa = person()
    smtp_server.sink.refuse.add(awa.email)
    sender = Sender(db, smtp_settings(settings, smtp_server.port))
    event_id = await _queue_one(consumers, awa)
    assert (await sender.send_due()).failed == 1
    row = await _email(db, event_id)
    assert row.status == "failed" and row.next_attempt_at is None
    assert row.last_error is not None and "550" in row.last_error
    assert (await sender.send_due(now=utcnow() + timedelta(days=30))).tried == 0
    assert smtp_server.sink.messages == []


async def test_giving_up_after_max_attempts(
    consumers: dict[str, EventConsumer], db: Database, settings: NotificationsSettings, smtp_port: int, person: Any
) -> None:
    sender = Sender(db, smtp_settings(settings, smtp_port, max_attempts=2))
    event_id = await _queue_one(consumers, person())
    assert (await sender.send_due()).retrying == 1
    later = utcnow() + timedelta(days=1)
    assert (await sender.send_due(now=later)).failed == 1
    row = await _email(db, event_id)
    assert (row.status, row.attempts) == ("failed", 2)


async def test_starttls_required_but_not_offered_waits(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    smtp_server: SmtpServer,
    person: Any,
) -> None:
    """STARTTLS on (the default): a server that cannot encrypt gets nothing, in clear or otherwise."""
    smtp_server.start()
    sender = Sender(db, smtp_settings(settings, smtp_server.port, smtp_starttls=True))
    event_id = await _queue_one(consumers, person())
    assert (await sender.send_due()).retrying == 1
    row = await _email(db, event_id)
    assert row.last_error is not None and "STARTTLS" in row.last_error
    assert smtp_server.sink.messages == []


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_smtp_login(
    consumers: dict[str, EventConsumer], db: Database, settings: NotificationsSettings, smtp_port: int, person: Any
) -> None:
    server = SmtpServer(smtp_port, users={"alga": "s3cret pass"})
    server.start()
    try:
        wrong = Sender(db, smtp_settings(settings, smtp_port, smtp_user="alga", smtp_password="wrong"))
        event_id = await _queue_one(consumers, person())
        assert (await wrong.send_due()).retrying == 1
        assert "SMTPAuthenticationError" in ((await _email(db, event_id)).last_error or "")

        right = Sender(db, smtp_settings(settings, smtp_port, smtp_user="alga", smtp_password="s3cret pass"))
        assert (await right.send_due(now=utcnow() + timedelta(hours=1))).sent == 1
        assert server.sink.logins == ["alga"] and len(server.sink.messages) == 1
    finally:
        server.stop()


async def test_two_senders_never_send_the_same_message(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    smtp_server: SmtpServer,
    person: Any,
) -> None:
    """Several replicas (or a stuck and a new task) racing over one queue: each claim is won once."""
    smtp_server.start()
    for _ in range(5):
        await _queue_one(consumers, person())
    smtp = smtp_settings(settings, smtp_server.port)
    reports = await asyncio.gather(*(Sender(db, smtp).send_due() for _ in range(3)))
    assert sum(r.sent for r in reports) == 5
    assert len(smtp_server.sink.messages) == 5
    assert len({m["Message-ID"] for m in smtp_server.sink.messages}) == 5


class _Signalling:
    """Wraps a transport and says when a message went through it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.description = inner.description
        self.sent = asyncio.Event()

    async def send(self, message: Any, *, name: str) -> None:
        await self.inner.send(message, name=name)
        self.sent.set()


async def test_the_running_app_sends_as_soon_as_an_event_is_committed(
    settings: NotificationsSettings, verifier: Any, person: Any, tmp_path: Path
) -> None:
    """With the sender enabled, the commit of a consumer's transaction wakes it: the message leaves
    without waiting for the next poll (the interval here is far longer than the test may take)."""
    live = make_settings(settings.database_url, tmp_path, sender_enabled=True, send_interval_seconds=3600)
    app = create_app(live, verifier=verifier)
    async with running_app(app):
        signalling = _Signalling(app.state.sender.transport)
        app.state.sender.transport = signalling
        consumer = {c.durable: c for c in build_consumers(app.state.database, "nats://127.0.0.1:1", live)}
        awa = person()
        await consumer[ENROLLMENT_DURABLE].apply(application_event("submitted", awa))
        await asyncio.wait_for(signalling.sent.wait(), timeout=10)
    (path,) = eml_files(live.mail_directory)
    assert awa.email in path.read_text(encoding="utf-8", errors="replace")


# ---------------------------------------------------------------------------- staff


@pytest.fixture
def coordinator(person: Any) -> Person:
    return person("Coordinatrice", "fr", "learner", "coordinator")


async def test_staff_see_failures_and_retry_them(
    consumers: dict[str, EventConsumer],
    db: Database,
    settings: NotificationsSettings,
    client: httpx.AsyncClient,
    smtp_server: SmtpServer,
    coordinator: Person,
    person: Any,
) -> None:
    smtp_server.start()
    awa = person()
    smtp_server.sink.refuse.add(awa.email)
    sender = Sender(db, smtp_settings(settings, smtp_server.port))
    event_id = await _queue_one(consumers, awa)
    await sender.send_due()

    failed = await client.get("/deliveries", headers=coordinator.headers)
    assert failed.status_code == 200
    (item,) = failed.json()["items"]
    assert item["event_id"] == event_id and item["status"] == "failed" and item["to_address"] == awa.email
    assert "550" in item["last_error"] and item["attempts"] == 1
    assert "body" not in item and "body_text" not in item
    assert (await client.get("/deliveries", params={"status": "sent"}, headers=coordinator.headers)).json()[
        "total"
    ] == 0

    assert (await client.get("/deliveries", headers=awa.headers)).status_code == 403
    assert (await client.post(f"/deliveries/{item['id']}/retry", headers=awa.headers)).status_code == 403

    smtp_server.sink.refuse.clear()  # the mailbox was fixed
    retried = await client.post(f"/deliveries/{item['id']}/retry", headers=coordinator.headers)
    assert retried.status_code == 200 and retried.json()["status"] == "pending"
    assert (await sender.send_due()).sent == 1
    again = await client.post(f"/deliveries/{item['id']}/retry", headers=coordinator.headers)
    assert again.status_code == 409 and again.headers["content-type"] == "application/problem+json"
    assert (await client.post("/deliveries/nope/retry", headers=coordinator.headers)).status_code == 404
