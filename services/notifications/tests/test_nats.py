"""The running service against a real NATS server: identity's and enrollment's events arrive through
JetStream, the message is written (an .eml file) and listed in-app; the same event published twice
(two Nats-Msg-Ids, so JetStream's own dedup cannot help) still gives one message."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import nats
from sqlalchemy import func, select
from sqlmodel import col

from common.auth import TokenVerifier
from common.db import Database
from common.events import Event, ensure_stream
from common.testing import running_app
from notifications.consumers import (
    CATALOGUE_SUBJECTS,
    ENROLLMENT_DURABLE,
    ENROLLMENT_SUBJECTS,
    EXPERTS_SUBJECTS,
    RECIPIENT_SUBJECTS,
)
from notifications.main import create_app
from notifications.models import ProcessedEvent
from notifications.settings import NotificationsSettings

from .conftest import application_event, eml_files, make_settings, read_eml, user_event

TIMEOUT = 20.0


async def _eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Events cross NATS: poll until `check` holds, failing after TIMEOUT seconds."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{what}: not within {TIMEOUT}s")


async def _publish(js: Any, event: Event, msg_id: str | None = None) -> None:
    await js.publish("alga." + event.type, event.to_json(), headers={"Nats-Msg-Id": msg_id or event.id})


async def test_consumes_from_nats_and_writes_once(
    nats_server: str, database_url: str, tmp_path: Path, verifier: TokenVerifier, db: Database, person: Any
) -> None:
    settings: NotificationsSettings = make_settings(
        database_url, tmp_path, nats_url=nats_server, sender_enabled=True, send_interval_seconds=0.2
    )
    kwame = person("Kwame Mensah", "en")
    nc = await nats.connect(nats_server)
    try:
        js = nc.jetstream()
        await ensure_stream(js)
        async with running_app(create_app(settings, verifier=verifier)) as client:
            await _publish(js, user_event(kwame))
            accepted = application_event("accepted", kwame, application_id="app-nats")
            await _publish(js, accepted, f"{accepted.id}-first")

            async def delivered() -> bool:
                return bool(eml_files(settings.mail_directory))

            await _eventually(delivered, "the e-mail of the accepted application")
            (path,) = eml_files(settings.mail_directory)
            message = read_eml(path)
            assert message["Subject"] == "Application accepted: ALGA College: Local finance"
            assert message["To"] == f"Kwame Mensah <{kwame.email}>"
            listed = (await client.get("/notifications", headers=kwame.headers)).json()
            assert listed["total"] == 1 and listed["items"][0]["kind"] == "application_accepted"

            # The same event again under another message id, then a sentinel on the same durable
            # consumer: once the sentinel is applied, the duplicate before it has been seen too.
            await _publish(js, accepted, f"{accepted.id}-second")
            sentinel = application_event("confirmed", kwame, application_id="app-nats")
            await _publish(js, sentinel)

            async def sentinel_applied() -> bool:
                async with db.session() as session:
                    found = await session.execute(
                        select(func.count())
                        .select_from(ProcessedEvent)
                        .where(
                            col(ProcessedEvent.consumer) == ENROLLMENT_DURABLE,
                            col(ProcessedEvent.event_id) == sentinel.id,
                        )
                    )
                    return int(found.scalar_one()) == 1

            await _eventually(sentinel_applied, "the sentinel event")
            assert len(eml_files(settings.mail_directory)) == 1
            assert (await client.get("/notifications", headers=kwame.headers)).json()["total"] == 1
            assert (await client.get("/ready")).json()["checks"]["events"] == "up"
    finally:
        await nc.close()


def test_the_consumers_listen_to_the_agreed_subjects() -> None:
    assert RECIPIENT_SUBJECTS == ["alga.identity.user.registered", "alga.identity.user.updated"]
    assert CATALOGUE_SUBJECTS == ["alga.catalogue.session.updated"]
    assert EXPERTS_SUBJECTS == ["alga.experts.profile.verified"]
    assert set(ENROLLMENT_SUBJECTS) == {
        "alga.enrollment.application.submitted",
        "alga.enrollment.application.accepted",
        "alga.enrollment.application.waitlisted",
        "alga.enrollment.application.rejected",
        "alga.enrollment.application.seat_offered",
        "alga.enrollment.application.expired",
        "alga.enrollment.application.cancelled",
        "alga.enrollment.application.confirmed",
        "alga.enrollment.application.withdrawn",
        "alga.enrollment.application.no_show",
        "alga.enrollment.enrolment.completed",
        "alga.enrollment.certificate.issued",
    }
