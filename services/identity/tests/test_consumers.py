from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from common.db import Database
from common.events import Event, EventConsumer
from identity.consumers import EXPERT_VERIFIED, grant_expert_role
from identity.db import OutboxEvent, ProcessedEvent
from identity.user import service as users

from .conftest import make_user


def _verified(user_id: str) -> Event:
    return Event(
        id=str(uuid.uuid4()),
        type="experts.profile.verified",
        source="experts",
        time="2026-11-29T10:00:00+00:00",
        data={"profile_id": str(uuid.uuid4()), "user_id": user_id, "full_name": "Awa Diop"},
    )


async def test_a_verified_expert_gets_the_role_once_even_if_the_event_comes_twice(db: Database) -> None:
    user_id = await make_user(db, "awa@example.org")
    consumer = EventConsumer(
        db,
        ProcessedEvent,
        "nats://unused",
        durable="identity-expert-role",
        subjects=[EXPERT_VERIFIED],
        handler=grant_expert_role,
    )
    event = _verified(user_id)
    assert await consumer.apply(event) is True
    assert await consumer.apply(event) is False  # redelivered: nothing happens

    async with db.session() as session:
        assert await users.roles_of(session, user_id) == ["expert", "learner"]
        changes = [
            json.loads(e.payload)
            for e in (
                await session.execute(select(OutboxEvent).where(OutboxEvent.type == "identity.user.roles_changed"))
            ).scalars()
        ]
    assert len(changes) == 1 and changes[0]["data"]["roles"] == ["expert", "learner"]


async def test_a_profile_without_account_changes_nothing(db: Database) -> None:
    consumer = EventConsumer(
        db,
        ProcessedEvent,
        "nats://unused",
        durable="identity-expert-role",
        subjects=[EXPERT_VERIFIED],
        handler=grant_expert_role,
    )
    assert await consumer.apply(_verified(str(uuid.uuid4()))) is True
    async with db.session() as session:
        assert (await session.execute(select(OutboxEvent))).first() is None
