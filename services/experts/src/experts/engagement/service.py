"""Engagement history: a read model of the sessions experts taught or spoke at and the records
they authored, kept from catalogue and publications events (docs/decisions/0001, 0002).

Applying an event is an upsert keyed by (profile, kind, source id), so the same content applied
twice leaves one entry; an event older than what is stored (lower revision, or earlier time when
the source has no revision) changes nothing, so late redeliveries cannot bring back stale data.
An id that names no profile is skipped (logged); one that names a merged profile counts for the
profile it was merged into.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.events import Event
from experts.engagement.models import Engagement, SessionPartner
from experts.profile.models import ExpertProfile
from experts.timeutil import aware_or_none, parse_time, utcnow
from experts.vocabulary import EngagementKind, ProfileStatus

log = logging.getLogger("experts.engagement")

SESSION_EVENTS = (
    "catalogue.session.published",
    "catalogue.session.updated",
    "catalogue.session.cancelled",
    "catalogue.session.completed",
)
PUBLICATION_EVENTS = (
    "publications.record.published",
    "publications.record.updated",
    "publications.record.withdrawn",
)
#: Statuses of a source that do not count as done or planned work: hidden from the public profile.
HIDDEN_STATUSES = frozenset({"cancelled", "withdrawn", "draft"})
MAX_MERGE_HOPS = 10


async def resolve_profiles(session: AsyncSession, ids: Iterable[Any]) -> list[str]:
    """The profiles these ids stand for now (following merges), unknown ids left out, in order."""
    out: list[str] = []
    for raw in ids:
        if not isinstance(raw, str) or not raw:
            continue
        profile = await session.get(ExpertProfile, raw)
        hops = 0
        while profile is not None and profile.status == ProfileStatus.merged and profile.merged_into_id:
            hops += 1
            if hops > MAX_MERGE_HOPS:
                profile = None
                break
            profile = await session.get(ExpertProfile, profile.merged_into_id)
        if profile is None:
            log.info("event names expert %s, who has no profile here: skipped", raw)
            continue
        if profile.id not in out:
            out.append(profile.id)
    return out


def _title(value: Any) -> dict[str, Any]:
    """A title as variants: {"fr": …, "en": …}; a bare string is taken as a title in no known language."""
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items() if isinstance(v, str) and v.strip()}
    if isinstance(value, str) and value.strip():
        return {"und": value.strip()}
    return {}


def _is_older(row: Engagement, revision: int | None, when: datetime | None) -> bool:
    if revision is not None and row.source_revision is not None:
        return revision < row.source_revision
    stored = aware_or_none(row.source_time)
    return when is not None and stored is not None and when < stored


async def _apply(
    session: AsyncSession,
    *,
    kind: EngagementKind,
    source_id: str,
    people: list[str],
    values: dict[str, Any],
    revision: int | None,
    when: datetime | None,
) -> bool:
    """Upsert the entries of `source_id`; False when the event is older than what is stored."""
    existing = {
        row.profile_id: row
        for row in (
            await session.execute(
                select(Engagement).where(col(Engagement.kind) == kind.value, col(Engagement.source_id) == source_id)
            )
        )
        .scalars()
        .all()
    }
    if any(_is_older(row, revision, when) for row in existing.values()):
        log.info("%s %s: an older event than the one applied; ignored", kind.value, source_id)
        return False
    now = utcnow()
    for profile_id in people:
        row = existing.get(profile_id) or Engagement(
            profile_id=profile_id, kind=kind.value, source_id=source_id, role="", status=""
        )
        for name, value in values.items():
            setattr(row, name, value)
        row.source_revision, row.source_time, row.updated_at = revision, when, now
        session.add(row)
    # People the source no longer names (a trainer replaced, an author removed).
    for profile_id, row in existing.items():
        if profile_id not in people:
            await session.delete(row)
    await session.flush()
    return True


async def apply_session_event(session: AsyncSession, event: Event) -> None:
    """catalogue.session.*: the payload of catalogue/session/service.py `event_data`."""
    data = event.data
    session_id = data.get("session_id")
    if not isinstance(session_id, str):
        log.warning("session event %s without a session_id: ignored", event.id)
        return
    people = await resolve_profiles(session, data.get("trainer_ids") or [])
    venue = data.get("venue") or {}
    status = data.get("status") or event.type.rsplit(".", 1)[-1]
    revision = data.get("revision")
    applied = await _apply(
        session,
        kind=EngagementKind.session,
        source_id=session_id,
        people=people,
        values={
            "role": "speaker" if data.get("kind") == "event" else "trainer",
            "title": _title(data.get("title")),
            "status": str(status)[:30],
            "theme": data.get("theme"),
            "starts_at": parse_time(data.get("starts_at")),
            "ends_at": parse_time(data.get("ends_at")),
            "year": None,
            "details": {
                key: value
                for key, value in {
                    "kind": data.get("kind"),
                    "event_kind": data.get("event_kind"),
                    "delivery_mode": data.get("delivery_mode"),
                    "language": data.get("language"),
                    "city": venue.get("city") if isinstance(venue, dict) else None,
                    "country": venue.get("country") if isinstance(venue, dict) else None,
                    "programme_code": data.get("programme_code"),
                    "programme_id": data.get("programme_id"),
                }.items()
                if value is not None
            },
        },
        revision=revision if isinstance(revision, int) else None,
        when=parse_time(event.time),
    )
    if applied and isinstance(data.get("partner_ids"), list):
        await _set_partners(session, session_id, [str(p) for p in data["partner_ids"]])


async def _set_partners(session: AsyncSession, session_id: str, partner_ids: list[str]) -> None:
    await session.execute(delete(SessionPartner).where(col(SessionPartner.session_id) == session_id))
    session.add_all(SessionPartner(session_id=session_id, organisation_id=p) for p in dict.fromkeys(partner_ids))
    await session.flush()


def _year(data: dict[str, Any]) -> int | None:
    year = data.get("year")
    if isinstance(year, int):
        return year
    if isinstance(year, str) and year[:4].isdigit():
        return int(year[:4])
    for key in ("published_at", "issued", "date"):
        value = data.get(key)
        if isinstance(value, str) and value[:4].isdigit():
            return int(value[:4])
    return None


async def apply_publication_event(session: AsyncSession, event: Event) -> None:
    """publications.record.*: data carries `record_id`, `title` (variants or a string) and
    `author_expert_ids`; `type`, `year`/`published_at` and `revision` when present."""
    data = event.data
    record_id = data.get("record_id")
    if not isinstance(record_id, str):
        log.warning("publication event %s without a record_id: ignored", event.id)
        return
    withdrawn = event.type.endswith(".withdrawn")
    people = await resolve_profiles(session, data.get("author_expert_ids") or [])
    revision = data.get("revision")
    values: dict[str, Any] = {
        "role": "author",
        "status": "withdrawn" if withdrawn else str(data.get("status") or "published")[:30],
        "theme": data.get("theme") if isinstance(data.get("theme"), str) else None,
        "year": _year(data),
        "details": {k: data[k] for k in ("type", "language", "doi") if isinstance(data.get(k), str)},
    }
    title = _title(data.get("title") or data.get("titles"))
    if title or not withdrawn:
        values["title"] = title
    if withdrawn and not data.get("author_expert_ids"):
        # A withdrawal may say only which record: it hides the entries of everyone it named.
        people = [
            row.profile_id
            for row in (
                await session.execute(
                    select(Engagement).where(
                        col(Engagement.kind) == EngagementKind.publication.value,
                        col(Engagement.source_id) == record_id,
                    )
                )
            )
            .scalars()
            .all()
        ]
    await _apply(
        session,
        kind=EngagementKind.publication,
        source_id=record_id,
        people=people,
        values=values,
        revision=revision if isinstance(revision, int) else None,
        when=parse_time(event.time),
    )


async def handle(session: AsyncSession, event: Event) -> None:
    """The consumer's handler: one event, in the consumer's transaction."""
    if event.type in SESSION_EVENTS:
        await apply_session_event(session, event)
    elif event.type in PUBLICATION_EVENTS:
        await apply_publication_event(session, event)
    else:
        log.debug("event type %s is not ours: ignored", event.type)


def _newest_first_key(row: Engagement) -> tuple[str, str]:
    # ISO dates and bare years compare as text: "2026-03-01T09:00:00+00:00" > "2025".
    starts = aware_or_none(row.starts_at)
    return (starts.isoformat() if starts else f"{row.year or 0:04d}", row.source_id)


async def of_profiles(session: AsyncSession, profile_ids: list[str], *, public: bool) -> dict[str, list[Engagement]]:
    out: dict[str, list[Engagement]] = {i: [] for i in profile_ids}
    if not profile_ids:
        return out
    query = select(Engagement).where(col(Engagement.profile_id).in_(profile_ids))
    if public:
        query = query.where(col(Engagement.status).not_in(sorted(HIDDEN_STATUSES)))
    rows = (await session.execute(query)).scalars().all()
    for row in rows:
        out[row.profile_id].append(row)
    for items in out.values():
        # Newest first: sessions by start, publications by year.
        items.sort(key=_newest_first_key, reverse=True)
    return out
