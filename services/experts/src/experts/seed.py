"""Data a fresh install starts with: the demo experts (fictional, verified, listed).

Idempotent: a profile whose fixed id exists is left as it is (edits made since are kept).
Separate from the migrations (schema only).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from experts.profile import service as profiles
from experts.profile.models import ExpertProfile
from experts.profile.schemas import ProfileCreate
from experts.seed_data import DEMO_EXPERTS
from experts.vocabulary import ProfileStatus

#: uuid5 namespace of the demo experts' ids (stable across installs, so links survive a reseed).
NAMESPACE = uuid.UUID("6b1f0e2a-3c4d-5e6f-8a9b-0c1d2e3f4a5b")
SEED_BY = "seed"


def demo_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def _fields(raw: dict[str, Any], today: date) -> dict[str, Any]:
    """Dates written "+N" are N days from the day of seeding."""
    out = dict(raw)
    for name in ("available_from", "available_until"):
        value = out.get(name)
        if isinstance(value, str) and value.startswith("+"):
            out[name] = today + timedelta(days=int(value[1:]))
    out.setdefault("public_listing_consent", True)
    return out


async def seed_demo_experts(session: AsyncSession, *, today: date | None = None) -> int:
    today = today or date.today()
    ids = {key: demo_id(key) for key, _ in DEMO_EXPERTS}
    existing = set(
        (await session.execute(select(col(ExpertProfile.id)).where(col(ExpertProfile.id).in_(ids.values())))).scalars()
    )
    added = 0
    for key, raw in DEMO_EXPERTS:
        if ids[key] in existing:
            continue
        data = ProfileCreate.model_validate(_fields(raw, today))
        await profiles.create(
            session, data=data, user_id=None, status=ProfileStatus.verified, by=SEED_BY, profile_id=ids[key]
        )
        added += 1
    await session.flush()
    return added
