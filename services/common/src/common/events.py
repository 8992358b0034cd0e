# No `from __future__ import annotations` here: `event_tables` defines SQLModel classes inside a
# function, and SQLModel must be able to resolve their annotations at class creation.
"""Domain events: the transactional outbox, its relay to NATS JetStream, idempotent consumers.

Why an outbox: a service writes its change and the event describing it in ONE transaction of its
own database. If the transaction rolls back, the event never existed; if it commits, the relay
publishes it sooner or later (at-least-once), even after a crash. The relay publishes with
`Nats-Msg-Id` set to the event id, so JetStream drops a second publish of the same event (relay
restarted between publishing and marking the row). Consumers still dedup by event id, in the
same transaction as their own change, because at-least-once means "maybe twice".

Subjects are `alga.<service>.<entity>.<verb>`; the envelope is
`{"id", "type": "<service>.<entity>.<verb>", "source", "time", "data"}`.
"""

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import nats
from nats.errors import Error as NatsError
from nats.js.api import AckPolicy, ConsumerConfig, DeliverPolicy, StreamConfig
from nats.js.errors import NotFoundError
from sqlalchemy import Column, DateTime, Text, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import Field, SQLModel

from common.db import Database, is_sqlite

log = logging.getLogger("alga.events")

STREAM = "ALGA"
SUBJECT_PREFIX = "alga."
# JetStream drops a second publish with the same Nats-Msg-Id within this window.
DUPLICATE_WINDOW_SECONDS = 3600


def utcnow() -> datetime:
    return datetime.now(UTC)


def event_tables(base: type[SQLModel]) -> tuple[Any, Any]:
    """The outbox and processed-event tables, in the given service's own metadata."""

    class OutboxEvent(base, table=True):  # type: ignore[misc, valid-type, call-arg]
        __tablename__ = "outbox_event"

        id: str = Field(primary_key=True, max_length=36)
        type: str = Field(max_length=200)
        payload: str = Field(sa_column=Column(Text, nullable=False))
        created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
        published_at: datetime | None = Field(
            default=None, sa_column=Column(DateTime(timezone=True), nullable=True, index=True)
        )

    class ProcessedEvent(base, table=True):  # type: ignore[misc, valid-type, call-arg]
        """Which events each consumer has already applied: the dedup that makes them idempotent."""

        __tablename__ = "processed_event"

        consumer: str = Field(primary_key=True, max_length=100)
        event_id: str = Field(primary_key=True, max_length=36)
        processed_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))

    return OutboxEvent, ProcessedEvent


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    source: str
    time: str
    data: dict[str, Any]

    @property
    def subject(self) -> str:
        return SUBJECT_PREFIX + self.type

    def to_json(self) -> bytes:
        return json.dumps(
            {"id": self.id, "type": self.type, "source": self.source, "time": self.time, "data": self.data},
            separators=(",", ":"),
            ensure_ascii=False,
            default=str,
        ).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Event":
        body = json.loads(raw)
        return cls(
            id=body["id"],
            type=body["type"],
            source=body.get("source", ""),
            time=body.get("time", ""),
            data=body.get("data") or {},
        )


def record_event(session: AsyncSession, outbox_model: Any, type: str, data: dict[str, Any]) -> Event:
    """Add an event to the outbox in the session's transaction (nothing is sent now)."""
    now = utcnow()
    event = Event(id=str(uuid.uuid4()), type=type, source=type.split(".", 1)[0], time=now.isoformat(), data=data)
    session.add(outbox_model(id=event.id, type=type, payload=event.to_json().decode(), created_at=now))
    session.info["outbox_written"] = True
    return event


async def ensure_stream(js: Any) -> None:
    config = StreamConfig(
        name=STREAM,
        subjects=[SUBJECT_PREFIX + ">"],
        duplicate_window=DUPLICATE_WINDOW_SECONDS,
    )
    try:
        await js.stream_info(STREAM)
    except NotFoundError:
        await js.add_stream(config)


class OutboxRelay:
    """Publishes committed outbox rows to JetStream, oldest first, then marks them published."""

    def __init__(
        self, database: Database, outbox_model: Any, nats_url: str, *, batch_size: int = 100, poll_interval: float = 2.0
    ) -> None:
        self.database = database
        self.model = outbox_model
        self.nats_url = nats_url
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self._wake = asyncio.Event()
        self._nc: Any = None
        self._js: Any = None
        database.on_events_committed.append(self._wake.set)

    @property
    def connected(self) -> bool:
        return self._nc is not None and self._nc.is_connected

    async def connect(self) -> None:
        if self.connected:
            return
        self._nc = await nats.connect(self.nats_url, connect_timeout=2, max_reconnect_attempts=-1, allow_reconnect=True)
        self._js = self._nc.jetstream(timeout=5)
        await ensure_stream(self._js)

    async def publish_pending(self) -> int:
        """Publish one batch; returns how many events were published."""
        await self.connect()
        model = self.model
        query = (
            select(model)
            .where(model.published_at.is_(None))
            .order_by(model.created_at, model.id)
            .limit(self.batch_size)
        )
        if is_sqlite(self.database.url):
            # One process owns a SQLite file: read without the write lock, publish (which may be
            # slow when NATS is), then take the lock only for the short UPDATE.
            async with self.database.read_session() as session:
                rows = (await session.execute(query)).scalars().all()
            for row in rows:
                await self._publish(row)
            if rows:
                async with self.database.session() as session:
                    await session.execute(
                        update(model).where(model.id.in_([r.id for r in rows])).values(published_at=utcnow())
                    )
                    await session.commit()
            return len(rows)
        async with self.database.session() as session:
            # Several replicas may run a relay: each takes rows the others hold no lock on.
            rows = (await session.execute(query.with_for_update(skip_locked=True))).scalars().all()
            for row in rows:
                await self._publish(row)
                await session.execute(update(model).where(model.id == row.id).values(published_at=utcnow()))
            await session.commit()
            return len(rows)

    async def _publish(self, row: Any) -> None:
        await self._js.publish(SUBJECT_PREFIX + row.type, row.payload.encode(), headers={"Nats-Msg-Id": row.id})

    async def run_forever(self) -> None:
        backoff = 0.5
        while True:
            try:
                while await self.publish_pending() == self.batch_size:
                    pass
                backoff = 0.5
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self.poll_interval)
                self._wake.clear()
            except asyncio.CancelledError:
                raise
            except (NatsError, OSError, TimeoutError) as exc:
                log.warning("outbox relay cannot reach NATS at %s (%s); retrying", self.nats_url, exc)
                await self._drop_connection()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)
            except Exception:
                log.exception("outbox relay failed; retrying")
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def _drop_connection(self) -> None:
        nc, self._nc, self._js = self._nc, None, None
        if nc is not None:
            with contextlib.suppress(Exception):
                await nc.close()

    async def close(self) -> None:
        await self._drop_connection()


Handler = Callable[[AsyncSession, Event], Awaitable[None]]


class EventConsumer:
    """A durable JetStream pull consumer that applies each event at most once.

    The handler runs in a transaction together with the insert into `processed_event`; the
    message is acked only after that commit. A redelivered event finds its row and is acked
    without running the handler again.
    """

    def __init__(
        self,
        database: Database,
        processed_model: Any,
        nats_url: str,
        *,
        durable: str,
        subjects: list[str],
        handler: Handler,
        batch_size: int = 50,
    ) -> None:
        self.database = database
        self.model = processed_model
        self.nats_url = nats_url
        self.durable = durable
        self.subjects = subjects
        self.handler = handler
        self.batch_size = batch_size
        self._nc: Any = None
        self._sub: Any = None

    async def connect(self) -> None:
        if self._nc is not None and self._nc.is_connected:
            return
        self._nc = await nats.connect(self.nats_url, connect_timeout=2, max_reconnect_attempts=-1)
        js = self._nc.jetstream(timeout=5)
        await ensure_stream(js)
        config = ConsumerConfig(
            durable_name=self.durable,
            ack_policy=AckPolicy.EXPLICIT,
            deliver_policy=DeliverPolicy.ALL,
            ack_wait=30,
            max_deliver=-1,
            filter_subjects=self.subjects,
        )
        if not await self._consumer_exists(js):
            await js.add_consumer(STREAM, config)
        self._sub = await js.pull_subscribe_bind(self.durable, stream=STREAM)

    async def _consumer_exists(self, js: Any) -> bool:
        try:
            await js.consumer_info(STREAM, self.durable)
            return True
        except NotFoundError:
            return False

    async def apply(self, event: Event) -> bool:
        """Apply one event; False when it had been applied already."""
        async with self.database.session() as session:
            if await session.get(self.model, (self.durable, event.id)) is not None:
                return False
            await self.handler(session, event)
            session.add(self.model(consumer=self.durable, event_id=event.id, processed_at=utcnow()))
            try:
                await session.commit()
            except IntegrityError:
                # Another replica applied it between our check and our commit.
                await session.rollback()
                return False
            self.database.notify_committed(session)
            return True

    async def process_batch(self, timeout: float = 1.0) -> int:
        await self.connect()
        try:
            messages = await self._sub.fetch(self.batch_size, timeout=timeout)
        except TimeoutError:
            return 0
        for msg in messages:
            try:
                event = Event.from_json(msg.data)
            except (ValueError, KeyError):
                log.error("dropping a malformed event on %s", msg.subject)
                await msg.term()
                continue
            try:
                await self.apply(event)
            except Exception:
                log.exception("consumer %s failed on event %s; it will be redelivered", self.durable, event.id)
                await msg.nak(delay=2)
                continue
            await msg.ack()
        return len(messages)

    async def run_forever(self) -> None:
        backoff = 0.5
        while True:
            try:
                await self.process_batch(timeout=2.0)
                backoff = 0.5
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("consumer %s: %s; retrying", self.durable, exc)
                await self.close()
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10.0)

    async def close(self) -> None:
        nc, self._nc, self._sub = self._nc, None, None
        if nc is not None:
            with contextlib.suppress(Exception):
                await nc.close()
