"""Who may be named as a trainer or speaker: verified experts only (issue 5, docs/decisions/0008).

catalogue keeps a copy of every profile's vetting status, fed by experts' events, and checks a
session's newly named ids against it. An id the copy does not know yet, or knows as not verified
(an event may still be on its way), is asked of experts live, outside the request's transaction;
when experts cannot answer, a known status stands and an unknown id is a 503 naming its field.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from catalogue.expert.client import ExpertsClient, ExpertsUnreachable
from catalogue.expert.models import ExpertStatus
from catalogue.timeutil import utcnow
from common.db import Database
from common.errors import field_error
from common.events import Event

log = logging.getLogger("catalogue.experts")

PROFILE_SUBMITTED = "experts.profile.submitted"
PROFILE_VERIFIED = "experts.profile.verified"
PROFILE_REJECTED = "experts.profile.rejected"
PROFILE_UPDATED = "experts.profile.updated"
PROFILE_ARCHIVED = "experts.profile.archived"
#: The status each event means when its data has none (every experts event so far carries one).
EVENT_STATUS = {
    PROFILE_SUBMITTED: "pending",
    PROFILE_VERIFIED: "verified",
    PROFILE_REJECTED: "rejected",
    PROFILE_UPDATED: "verified",
    PROFILE_ARCHIVED: "archived",
}
VERIFIED = "verified"


async def apply_experts_event(session: AsyncSession, event: Event) -> None:
    """`experts.profile.*`: upsert the profile's status unless we hold a newer revision. One
    statement (INSERT … ON CONFLICT DO UPDATE … WHERE), so replicas applying two events of one
    profile at once cannot fail each other."""
    data = event.data
    profile_id = data.get("profile_id")
    status = data.get("status") or EVENT_STATUS.get(event.type)
    if not profile_id or not status:
        log.warning("experts event %s (%s) without a profile id or status ignored", event.id, event.type)
        return
    values = {
        "id": str(profile_id),
        "status": str(status),
        "merged_into_id": data.get("merged_into") if status == "merged" else None,
        "revision": int(data.get("revision") or 0),
        "synced_at": utcnow(),
        "full_name": str(data["full_name"])[:200] if data.get("full_name") else None,
        # Only what the event says: a profile is linked to its public page when experts says it has one.
        "listed": bool(data.get("listed", False)),
    }
    dialect = session.get_bind().dialect.name
    insert = (postgresql if dialect == "postgresql" else sqlite).insert(ExpertStatus).values(**values)
    await session.execute(
        insert.on_conflict_do_update(
            index_elements=["id"],
            set_={
                **{name: insert.excluded[name] for name in ("status", "merged_into_id", "revision", "synced_at")},
                "listed": insert.excluded.listed,
                # An event without a name (none so far) keeps the one we have.
                "full_name": func.coalesce(insert.excluded.full_name, col(ExpertStatus.full_name)),
            },
            where=col(ExpertStatus.revision) <= insert.excluded.revision,
        )
    )


@dataclass(frozen=True)
class Standing:
    status: str
    merged_into: str | None = None


async def local_standing(session: AsyncSession, ids: Sequence[str]) -> dict[str, Standing]:
    if not ids:
        return {}
    rows = await session.execute(select(ExpertStatus).where(col(ExpertStatus.id).in_(set(ids))))
    return {row.id: Standing(row.status, row.merged_into_id) for row in rows.scalars()}


@dataclass(frozen=True)
class Trainer:
    id: str
    #: None when the copy has no name for the id (synced before names were kept, or not yet).
    name: str | None
    #: A public directory page exists for this profile.
    listed: bool


async def trainers(session: AsyncSession, ids: Sequence[str]) -> list[Trainer]:
    """The trainers or speakers `ids` names, in order, with what the copy knows of each: the
    session page shows their names without asking experts (nor the visitor's browser asking it
    once per trainer)."""
    if not ids:
        return []
    rows = await session.execute(select(ExpertStatus).where(col(ExpertStatus.id).in_(set(ids))))
    known = {row.id: row for row in rows.scalars()}
    found = []
    for expert_id in ids:
        row = known.get(expert_id)
        found.append(Trainer(expert_id, row.full_name if row else None, bool(row and row.listed)))
    return found


@dataclass(frozen=True)
class ExpertsLookup:
    """What a request needs to settle ids: the local copy, and experts asked on the caller's behalf."""

    database: Database
    client: ExpertsClient
    token: str


@dataclass
class Vetting:
    #: Ids that name no verified expert: 422 field errors.
    refused: list[dict[str, str]] = field(default_factory=list)
    #: Ids nobody could settle because experts did not answer: 503 field errors.
    unchecked: list[dict[str, str]] = field(default_factory=list)


def refusal(standing: Standing) -> tuple[str, str] | None:
    """(message, code) saying why `standing` cannot be named; None for a verified expert."""
    match standing.status:
        case "verified":
            return None
        case "unknown":
            return "No expert has this id.", "expert_unknown"
        case "pending":
            return "This expert's application has not been verified yet.", "expert_pending"
        case "rejected":
            return "This expert's application to join was turned down.", "expert_rejected"
        case "archived":
            return "This expert has left the community (profile archived).", "expert_archived"
        case "merged":
            target = standing.merged_into or "another profile"
            return f"This profile was merged into {target}: name that id instead.", "expert_merged"
    return f"This expert's profile is {standing.status}, not verified.", "expert_not_verified"


async def settle(
    lookup: ExpertsLookup, new: Sequence[tuple[int, str]], local: dict[str, Standing], *, name: str
) -> Vetting:
    """Vet `new` ((position, id) pairs of the list field `name`) against the local copy, asking
    experts about the ids it does not show as verified."""
    doubtful = [expert_id for _, expert_id in new if (local.get(expert_id) or Standing("unknown")).status != VERIFIED]
    live = {}
    if doubtful:
        try:
            live = await lookup.client.statuses(list(dict.fromkeys(doubtful)), token=lookup.token)
        except ExpertsUnreachable:
            live = {}
    vetting = Vetting()
    for position, expert_id in new:
        path = f"{name}.{position}"
        answer = live.get(expert_id)
        standing: Standing | None
        if answer is not None:
            merged = answer.resolved_id is not None and answer.resolved_id != expert_id
            standing = Standing("merged", answer.resolved_id) if merged else Standing(answer.status)
        else:
            standing = local.get(expert_id)
        if standing is None:
            vetting.unchecked.append(
                field_error(
                    path,
                    "The experts service cannot be reached to check this id; try again in a moment.",
                    "experts_unavailable",
                )
            )
            continue
        reason = refusal(standing)
        if reason is not None:
            vetting.refused.append(field_error(path, *reason))
    return vetting
