"""The events the experts service publishes (subject `alga.experts.<entity>.<verb>`) and the ones
it consumes (see experts.engagement.consumer).

Payloads carry public data only: never the e-mail, the phone or the coordinators' notes, because
every service on the bus reads them. Fields are added, never renamed or removed
(docs/decisions/0002-domain-events.md).

- `experts.profile.submitted`  someone applied to join (a pending profile); for notifications.
- `experts.profile.verified`   a coordinator verified a profile: identity grants the `expert` role
                               to `user_id` (None when a coordinator created it for someone without
                               an account). Data: profile_id, user_id, full_name, verified_at, …
- `experts.profile.rejected`   a coordinator turned an application down.
- `experts.profile.updated`    a verified profile changed (`changed` lists the fields).
- `experts.profile.archived`   a verified profile left the community (`reason`: archived | merged;
                               `merged_into` for a merge: the id that now stands for the person).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from common.events import Event, record_event
from experts.db import OutboxEvent

PROFILE_SUBMITTED = "experts.profile.submitted"
PROFILE_VERIFIED = "experts.profile.verified"
PROFILE_REJECTED = "experts.profile.rejected"
PROFILE_UPDATED = "experts.profile.updated"
PROFILE_ARCHIVED = "experts.profile.archived"


def record(session: AsyncSession, type: str, data: dict[str, Any]) -> Event:
    return record_event(session, OutboxEvent, type, data)
