"""Engagement history built from catalogue and publications events: upserted, idempotent on
redelivery, deaf to stale events, and shown on the profile (cancelled and withdrawn work only
to the expert). The last tests run the real consumer and relay against a NATS server."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import func, select
from sqlmodel import col

from common.auth import TokenVerifier
from common.db import Database
from common.events import EventConsumer, ensure_stream
from common.testing import TokenFactory, running_app
from experts.db import ProcessedEvent
from experts.engagement.consumer import DURABLE, SUBJECTS, engagement_consumer
from experts.engagement.models import Engagement
from experts.main import create_app
from experts.settings import ExpertsSettings

from .conftest import PUBLIC_URL, User, apply, create_expert, record_event, session_event

TIMEOUT = 15.0


@pytest.fixture
def consumer(db: Database) -> EventConsumer:
    # Its `apply` is what the running consumer does per message (dedup + handler in one transaction).
    return engagement_consumer(db, "nats://127.0.0.1:1")


async def _engagements(client: httpx.AsyncClient, profile_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"/experts/{profile_id}", params={"lang": "en"})
    assert response.status_code == 200
    return response.json()["engagements"]


async def _rows(db: Database) -> int:
    async with db.session() as session:
        return int((await session.execute(select(func.count()).select_from(Engagement))).scalar_one())


async def test_sessions_taught_show_on_the_profile(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, db: Database
) -> None:
    expert = await create_expert(client, coordinator, orcid=None)
    other = await create_expert(client, coordinator, full_name="Kofi Mensah", country="GH", email=None, orcid=None)
    assert await consumer.apply(session_event("s-1", [expert["id"], other["id"], "not-an-expert"]))
    (entry,) = await _engagements(client, expert["id"])
    assert entry == {
        "kind": "session",
        "id": "s-1",
        "role": "trainer",
        "title": "ALGA College: Local finance",
        "status": "published",
        "theme": "local_finance",
        "theme_title": "Local finance",
        "starts_at": "2027-02-01T09:00:00Z",
        "ends_at": "2027-02-05T17:00:00Z",
        "year": None,
        "details": {
            "kind": "college",
            "delivery_mode": "residential_seminar",
            "language": "fr",
            "city": "Dakar",
            "country": "SN",
            "programme_code": "ALGA-COL-LOCAL_FINANCE",
            "programme_id": "p-1",
        },
        "url": f"{PUBLIC_URL}/sessions/s-1",
    }
    assert len(await _engagements(client, other["id"])) == 1
    # French readers get the French title.
    french = (await client.get(f"/experts/{expert['id']}", params={"lang": "fr"})).json()
    assert french["engagements"][0]["title"] == "Collège ALGA : Finances locales"

    # The trainer is replaced: the other expert's entry goes, a new one comes.
    assert await consumer.apply(session_event("s-1", [expert["id"]], verb="updated", revision=2))
    assert [e["status"] for e in await _engagements(client, expert["id"])] == ["applications_open"]
    assert await _engagements(client, other["id"]) == []
    # A standalone event: its trainers are speakers.
    assert await consumer.apply(session_event("e-1", [other["id"]], kind="event", event_kind="round_table"))
    assert [(e["id"], e["role"]) for e in await _engagements(client, other["id"])] == [("e-1", "speaker")]


async def test_the_same_event_twice_is_applied_once(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, db: Database
) -> None:
    expert = await create_expert(client, coordinator, orcid=None)
    event = session_event("s-2", [expert["id"]])
    assert await consumer.apply(event) is True
    assert await consumer.apply(event) is False  # redelivered: skipped by its id
    # The same content under another event id (a relay that published twice): still one entry.
    assert await consumer.apply(session_event("s-2", [expert["id"]])) is True
    assert await _rows(db) == 1
    assert len(await _engagements(client, expert["id"])) == 1
    async with db.session() as session:
        processed = (
            await session.execute(
                select(func.count()).select_from(ProcessedEvent).where(col(ProcessedEvent.consumer) == DURABLE)
            )
        ).scalar_one()
    assert processed == 2


async def test_a_stale_event_changes_nothing(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer
) -> None:
    expert = await create_expert(client, coordinator, orcid=None)
    await consumer.apply(session_event("s-3", [expert["id"]], verb="completed", revision=5))
    # Revision 3 arrives late (redelivered after a failure): ignored.
    await consumer.apply(session_event("s-3", [], verb="updated", revision=3))
    assert [e["status"] for e in await _engagements(client, expert["id"])] == ["completed"]


async def test_cancelled_sessions_leave_the_public_profile(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, learner: User
) -> None:
    profile = await apply(client, learner, orcid=None)
    await client.post(f"/profiles/{profile['id']}/transitions", json={"action": "verify"}, headers=coordinator)
    await consumer.apply(session_event("s-4", [profile["id"]], revision=1))
    await consumer.apply(session_event("s-4", [profile["id"]], verb="cancelled", revision=2))
    assert await _engagements(client, profile["id"]) == []
    mine = (await client.get("/me", headers=learner.headers)).json()["engagements"]
    assert [(e["id"], e["status"]) for e in mine] == [("s-4", "cancelled")]


async def test_publications_authored(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer
) -> None:
    expert = await create_expert(client, coordinator, orcid=None)
    await consumer.apply(record_event("r-1", [expert["id"], "unknown-author"], time="2026-11-29T10:00:00+00:00"))
    await consumer.apply(session_event("s-5", [expert["id"]]))
    entries = await _engagements(client, expert["id"])
    # Newest first: the session (2027) before the guide (2026).
    assert [(e["kind"], e["id"]) for e in entries] == [("session", "s-5"), ("publication", "r-1")]
    guide = entries[1]
    assert guide["role"] == "author" and guide["year"] == 2026 and guide["title"] == "Participatory budgeting guide"
    assert guide["details"] == {"type": "toolkit"} and guide["url"] == f"{PUBLIC_URL}/library/r-1"

    await consumer.apply(
        record_event("r-1", [expert["id"]], verb="updated", time="2026-11-29T11:00:00+00:00", title="A new title")
    )
    assert (await _engagements(client, expert["id"]))[1]["title"] == "A new title"  # a bare string title too
    # An older update arriving late is ignored.
    await consumer.apply(record_event("r-1", [], verb="updated", time="2026-11-29T10:30:00+00:00"))
    assert len(await _engagements(client, expert["id"])) == 2
    # A withdrawal that names only the record hides it for every author.
    await consumer.apply(record_event("r-1", [], verb="withdrawn", time="2026-11-29T12:00:00+00:00", title=None))
    assert [e["kind"] for e in await _engagements(client, expert["id"])] == ["session"]


async def test_an_event_naming_a_merged_profile_counts_for_the_remaining_one(
    client: httpx.AsyncClient, coordinator: dict[str, str], consumer: EventConsumer, learner: User
) -> None:
    first = await create_expert(client, coordinator, email=None, orcid=None)
    second = await apply(client, learner, full_name="DIALLO Aïssatou", orcid=None)
    pair = (await client.get("/duplicates", headers=coordinator)).json()["items"][0]
    await client.post(f"/duplicates/{pair['id']}/resolution", json={"action": "merge"}, headers=coordinator)
    await consumer.apply(session_event("s-6", [second["id"]]))
    assert [e["id"] for e in await _engagements(client, first["id"])] == ["s-6"]


# ---------------------------------------------------------------------------- with NATS


async def _eventually(check: Callable[[], Awaitable[bool]], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{what}: not within {TIMEOUT}s")


async def test_the_running_service_consumes_and_publishes_through_nats(
    nats_server: str, database_url: str, tmp_path: Path, token_factory: TokenFactory, db: Database
) -> None:
    settings = ExpertsSettings(
        env="test", database_url=database_url, nats_url=nats_server, var_dir=tmp_path, public_url=PUBLIC_URL
    )
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    user = User(token_factory)
    coordinator = User(token_factory, "learner", "coordinator").headers
    nc = await nats.connect(nats_server)
    try:
        js = nc.jetstream()
        await ensure_stream(js)
        async with running_app(create_app(settings, verifier=verifier)) as client:
            # Publishing: verifying a profile reaches the bus, with the user id identity needs.
            profile = await apply(client, user, orcid=None)
            verified = await client.post(
                f"/profiles/{profile['id']}/transitions", json={"action": "verify"}, headers=coordinator
            )
            assert verified.status_code == 200

            async def published() -> bool:
                try:
                    message = await js.get_last_msg("ALGA", "alga.experts.profile.verified")
                except nats.js.errors.NotFoundError:
                    return False
                body = json.loads(message.data or b"{}")
                return bool(body["data"]["profile_id"] == profile["id"])

            await _eventually(published, "the verified event on NATS")
            message = await js.get_last_msg("ALGA", "alga.experts.profile.verified")
            envelope = json.loads(message.data or b"{}")
            assert envelope["type"] == "experts.profile.verified" and envelope["source"] == "experts"
            assert envelope["data"]["user_id"] == user.id

            # Consuming: a catalogue event names the expert; the same event is delivered twice (two
            # publishes with distinct Nats-Msg-Ids get past JetStream's own dedup window).
            session_id = f"s-nats-{uuid.uuid4().hex[:8]}"
            event = session_event(session_id, [profile["id"]])
            for msg_id in ("first", "second"):
                await js.publish("alga." + event.type, event.to_json(), headers={"Nats-Msg-Id": f"{event.id}-{msg_id}"})
            # And a publications event.
            record = record_event(f"r-nats-{uuid.uuid4().hex[:8]}", [profile["id"]])
            await js.publish("alga." + record.type, record.to_json(), headers={"Nats-Msg-Id": record.id})

            async def consumed() -> bool:
                async with db.session() as session:
                    n = await session.execute(
                        select(func.count())
                        .select_from(ProcessedEvent)
                        .where(col(ProcessedEvent.event_id).in_([event.id, record.id]))
                    )
                    return int(n.scalar_one()) == 2

            await _eventually(consumed, "both events applied")
            entries = (await client.get(f"/experts/{profile['id']}")).json()["engagements"]
            assert sorted((e["kind"], e["id"]) for e in entries) == [
                ("publication", record.data["record_id"]),
                ("session", session_id),
            ]
            async with db.session() as session:
                rows = await session.execute(
                    select(func.count()).select_from(Engagement).where(col(Engagement.source_id) == session_id)
                )
                assert rows.scalar_one() == 1
    finally:
        await nc.close()


def test_the_consumer_listens_to_the_agreed_subjects() -> None:
    assert DURABLE == "experts-engagement"
    assert sorted(SUBJECTS) == sorted(
        [
            "alga.catalogue.session.published",
            "alga.catalogue.session.updated",
            "alga.catalogue.session.cancelled",
            "alga.catalogue.session.completed",
            "alga.publications.record.published",
            "alga.publications.record.updated",
            "alga.publications.record.withdrawn",
        ]
    )
