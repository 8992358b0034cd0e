"""The session read model (fed by catalogue's events) and enrollment's own per-session settings."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import NotFound
from common.events import Event
from enrollment.application import workflow
from enrollment.application.models import Application, Status
from enrollment.dbutil import insert_ignore
from enrollment.session.models import CourseSession, SessionPartner
from enrollment.session.schemas import SessionSettingsUpdate
from enrollment.session.seats import lock_session
from enrollment.timeutil import aware_or_none, parse_instant, utcnow

log = logging.getLogger("enrollment.sessions")

#: Catalogue fields copied as they come.
PLAIN_FIELDS = (
    "programme_id",
    "programme_code",
    "module_id",
    "kind",
    "event_kind",
    "theme",
    "status",
    "language",
    "delivery_mode",
    "timezone",
    "cancellation_reason",
)
JSON_FIELDS = {"programme_title": dict, "title": dict, "venue": dict, "audiences": list}
TIME_FIELDS = ("starts_at", "ends_at", "applications_open_at", "applications_close_at")


def applications_open(run: CourseSession, now: datetime | None = None) -> bool:
    """One can apply now: catalogue opened applications and the window holds now."""
    now = now or utcnow()
    if run.status != "applications_open":
        return False
    opens, closes = aware_or_none(run.applications_open_at), aware_or_none(run.applications_close_at)
    return (opens is None or opens <= now) and (closes is None or closes > now)


def completion_rule(run: CourseSession) -> str:
    """`attendance` for residential seminars unless a coordinator chose otherwise; else `manual`."""
    if run.completion_rule:
        return run.completion_rule
    return "attendance" if run.delivery_mode == "residential_seminar" else "manual"


async def get(db: AsyncSession, session_id: str) -> CourseSession:
    run = await db.get(CourseSession, session_id)
    if run is None:
        raise NotFound("No session with this id is known to enrollment.")
    return run


def _empty_row(session_id: str) -> dict[str, Any]:
    return {
        "id": session_id,
        "programme_title": {},
        "title": {},
        "venue": {},
        "audiences": [],
        "country_quotas": {},
        "questions": [],
        "status": "published",
        "capacity": 0,
        "revision": -1,
        "admission_mode": "review",
        "requires_endorsement": False,
        "confirmation_days": 7,
        "completion_threshold": 80,
        "seats_taken": 0,
        "waitlist_seq": 0,
        "lock_seq": 0,
        "synced_at": utcnow(),
    }


async def apply_catalogue_event(db: AsyncSession, event: Event) -> None:
    """`catalogue.session.published|updated|cancelled|completed`: upsert the copy, unless the event
    is older than what we hold (catalogue's `revision`). A cancellation ends every running
    application; more seats move the waiting list up."""
    data = event.data
    session_id = data.get("session_id")
    if not session_id:
        log.warning("catalogue event %s without session_id ignored", event.id)
        return
    revision = int(data.get("revision") or 0)
    known = await db.get(CourseSession, session_id)
    if known is not None and revision < known.revision:
        log.info("session %s: event revision %s older than %s, ignored", session_id, revision, known.revision)
        return
    if known is None:
        await insert_ignore(db, CourseSession, _empty_row(session_id), ["id"])
    run = await lock_session(db, session_id)
    if revision < run.revision:  # a newer one was applied while we waited for the lock
        return
    previous_status, previous_capacity = run.status, run.capacity
    for name in PLAIN_FIELDS:
        if name in data:
            setattr(run, name, data[name])
    for name, kind in JSON_FIELDS.items():
        if name in data:
            value = data[name]
            setattr(run, name, value if isinstance(value, kind) else kind())
    for name in TIME_FIELDS:
        if name in data:
            setattr(run, name, parse_instant(data[name]))
    if "capacity" in data and data["capacity"] is not None:
        run.capacity = int(data["capacity"])
    if isinstance(data.get("partner_ids"), list):
        await _set_partners(db, session_id, [str(p) for p in data["partner_ids"]])
    run.revision = revision
    run.synced_at = utcnow()
    db.add(run)
    if run.status == "cancelled" and previous_status != "cancelled":
        count = await workflow.cancel_all(db, run, reason=run.cancellation_reason)
        log.info("session %s cancelled: %d applications cancelled", session_id, count)
    elif run.capacity > previous_capacity:
        await workflow.promote(db, run)


async def _set_partners(db: AsyncSession, session_id: str, partner_ids: list[str]) -> None:
    await db.execute(delete(SessionPartner).where(col(SessionPartner.session_id) == session_id))
    db.add_all(SessionPartner(session_id=session_id, organisation_id=p) for p in dict.fromkeys(partner_ids))


async def update_settings(db: AsyncSession, *, session_id: str, data: SessionSettingsUpdate, by: str) -> CourseSession:
    run = await lock_session(db, session_id)
    for name, value in data.for_storage().items():
        # `completion_rule: null` goes back to the default by delivery mode; other fields keep theirs.
        if value is not None or name == "completion_rule":
            setattr(run, name, value)
    run.settings_updated_at = utcnow()
    run.settings_updated_by = by
    db.add(run)
    # Relaxed quotas (or more days to confirm) may let waiting learners in now.
    await workflow.promote(db, run)
    await db.flush()
    return run


async def waitlist_length(db: AsyncSession, session_id: str) -> int:
    query = select(func.count()).where(
        col(Application.session_id) == session_id, col(Application.status) == Status.waitlisted
    )
    return int((await db.execute(query)).scalar_one())
