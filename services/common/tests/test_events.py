"""The outbox and its relay against a real NATS JetStream server."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import nats
import pytest
from sqlalchemy import select
from sqlmodel import SQLModel

from common.db import Database, make_registry
from common.events import STREAM, Event, EventConsumer, OutboxRelay, event_tables, record_event
from common.testing import drop_postgres_database, postgres_server_url
from common.testing.fixtures import BACKENDS, fresh_database


class KitModel(SQLModel, registry=make_registry()):
    pass


Outbox, Processed = event_tables(KitModel)


@pytest.fixture(params=BACKENDS)
async def database(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The kit's tables on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""
    url, pg_name = fresh_database("kit", request.param, tmp_path)
    db = Database(url)
    async with db.engine.begin() as conn:
        await conn.run_sync(KitModel.metadata.create_all)
    yield db
    await db.dispose()
    if pg_name:
        drop_postgres_database(postgres_server_url() or "", pg_name)


async def _stream_messages(nats_url: str, subject: str) -> list[dict]:  # type: ignore[type-arg]
    nc = await nats.connect(nats_url)
    js = nc.jetstream()
    sub = await js.pull_subscribe(subject, durable=None, stream=STREAM)
    found = []
    try:
        while True:
            batch = await sub.fetch(100, timeout=0.5)
            found.extend(json.loads(m.data) for m in batch)
            for m in batch:
                await m.ack()
    except TimeoutError:
        pass
    finally:
        await nc.close()
    return found


async def test_rolled_back_event_is_never_published(database: Database, nats_server: str) -> None:
    async with database.session() as session:
        rolled_back = record_event(session, Outbox, f"kit.t{uuid.uuid4().hex[:8]}.rolledback", {"n": 1})
        await session.flush()
        await session.rollback()
    relay = OutboxRelay(database, Outbox, nats_server)
    try:
        assert await relay.publish_pending() == 0
    finally:
        await relay.close()
    assert await _stream_messages(nats_server, rolled_back.subject) == []


async def test_committed_event_is_published_once_even_if_the_relay_restarts(
    database: Database, nats_server: str
) -> None:
    async with database.session() as session:
        # A subject of this run's own: the NATS server (and its stream) outlives one test.
        event = record_event(session, Outbox, f"kit.t{uuid.uuid4().hex[:8]}.created", {"name": "Dakar"})
        await session.commit()

    # A relay that publishes, then dies before marking the row published.
    crashing = OutboxRelay(database, Outbox, nats_server)
    await crashing.connect()
    async with database.session() as session:
        row = (await session.execute(select(Outbox))).scalars().one()
    ack = await crashing._js.publish("alga." + row.type, row.payload.encode(), headers={"Nats-Msg-Id": row.id})
    assert not ack.duplicate
    await crashing.close()

    # The restarted relay finds the row unpublished and publishes again: JetStream drops it.
    relay = OutboxRelay(database, Outbox, nats_server)
    try:
        assert await relay.publish_pending() == 1
        assert await relay.publish_pending() == 0
    finally:
        await relay.close()
    messages = await _stream_messages(nats_server, event.subject)
    assert [m["id"] for m in messages] == [event.id]
    assert messages[0]["data"] == {"name": "Dakar"} and messages[0]["type"] == event.type
    async with database.session() as session:
        assert (await session.execute(select(Outbox.published_at))).scalar_one() is not None


async def test_relay_is_woken_by_a_commit(database: Database, nats_server: str) -> None:
    relay = OutboxRelay(database, Outbox, nats_server, poll_interval=60)
    task = asyncio.create_task(relay.run_forever())
    try:
        async with database.session() as session:
            record_event(session, Outbox, "kit.thing.woken", {})
            await session.commit()
            database.notify_committed(session)
        async with asyncio.timeout(10):
            while True:
                async with database.session() as session:
                    if (await session.execute(select(Outbox.published_at))).scalar_one() is not None:
                        break
                await asyncio.sleep(0.05)
    finally:
        task.cancel()
        await relay.close()


async def test_consumer_applies_each_event_once(database: Database, nats_server: str) -> None:
    applied: list[str] = []

    async def handler(session, event: Event) -> None:  # type: ignore[no-untyped-def]
        applied.append(event.data["name"])

    consumer = EventConsumer(
        database,
        Processed,
        nats_server,
        durable=f"kit-test-{uuid.uuid4().hex[:8]}",
        subjects=["alga.kit.city.>"],
        handler=handler,
    )
    nc = await nats.connect(nats_server)
    js = nc.jetstream()
    try:
        from common.events import ensure_stream

        await ensure_stream(js)
        event = Event(
            id="11111111-1111-1111-1111-111111111111",
            type="kit.city.added",
            source="kit",
            time="2026-11-29T00:00:00Z",
            data={"name": "Rabat"},
        )
        # Delivered twice (different message ids, as after a publisher's retry past the window).
        await js.publish(event.subject, event.to_json())
        await js.publish(event.subject, event.to_json())
        processed = 0
        async with asyncio.timeout(10):
            while processed < 2:
                processed += await consumer.process_batch(timeout=0.5)
        assert applied == ["Rabat"]
        assert await consumer.apply(event) is False
    finally:
        await consumer.close()
        await nc.close()


async def test_concurrent_read_then_write_transactions_never_fail_on_sqlite(database: Database) -> None:
    """Each transaction reads, yields to the others, then writes: with DEFERRED transactions
    SQLite answers "database is locked" to all but one; IMMEDIATE ones queue and all succeed."""

    async def read_then_write(n: int) -> None:
        async with database.session() as session:
            await session.execute(select(Outbox).limit(1))
            await asyncio.sleep(0.01)
            record_event(session, Outbox, "kit.thing.concurrent", {"n": n})
            await session.commit()

    await asyncio.gather(*(read_then_write(n) for n in range(20)))
    async with database.session() as session:
        assert len((await session.execute(select(Outbox))).scalars().all()) == 20
