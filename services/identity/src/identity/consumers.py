"""Events from other services that change identity's data.

- `experts.profile.verified`: a coordinator verified someone's expert profile, so that user gets
  the `expert` role (the experts service owns vetting; identity owns roles).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from common.db import Database
from common.events import Event, EventConsumer
from identity.db import ProcessedEvent
from identity.user import service as users
from identity.user.models import Role, User

log = logging.getLogger("identity.consumers")

EXPERT_VERIFIED = "alga.experts.profile.verified"


async def grant_expert_role(session: AsyncSession, event: Event) -> None:
    user_id = event.data.get("user_id")
    user = await session.get(User, user_id) if user_id else None
    if user is None:
        # Profiles created by coordinators for people without an account have no user.
        log.info("expert profile %s verified without a user account", event.data.get("profile_id"))
        return
    roles = set(await users.roles_of(session, user.id))
    if Role.expert not in roles:
        await users.set_roles(session, user=user, roles=[Role(r) for r in roles | {Role.expert}], by="experts-service")


def build_consumers(database: Database, nats_url: str) -> Sequence[EventConsumer]:
    return [
        EventConsumer(
            database,
            ProcessedEvent,
            nats_url,
            durable="identity-expert-role",
            subjects=[EXPERT_VERIFIED],
            handler=grant_expert_role,
        ),
    ]
