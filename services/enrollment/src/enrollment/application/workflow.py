"""The application's state machine and the seats it takes.

    draft → submitted → (endorsed) → under_review → accepted | waitlisted | rejected
    accepted → confirmed (by the learner, before `offer_expires_at`, else expired: the seat is released)
    confirmed → completed | no_show;   any live, undecided or seated state → withdrawn
    waitlisted → accepted (the waiting list moves up when a seat frees);   session cancelled → cancelled

Every move goes through `move`, which keeps the session's seat counter and the one-live-application
slot right and writes the timeline (who, when, why). Moves that change who holds a seat require the
session's lock (`enrollment.session.seats.lock_session`), taken before the counter is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict
from enrollment import events
from enrollment.application import notify
from enrollment.application.models import HOLDS_SEAT, LIVE, Application, ApplicationTransition, Status
from enrollment.session.models import CourseSession
from enrollment.session.seats import is_locked
from enrollment.timeutil import aware, aware_or_none, utcnow

S = Status
Who = Literal["owner", "staff", "owner_or_staff"]


class SessionFull(Conflict):
    title, slug = "No seat left", "session-full"


class QuotaReached(Conflict):
    title, slug = "Country quota reached", "country-quota-reached"


class TransitionRefused(Conflict):
    title, slug = "Transition not allowed", "transition-refused"


class OfferExpired(Conflict):
    title, slug = "Seat offer expired", "offer-expired"


class AwaitingEndorsement(Conflict):
    title, slug = "Endorsement missing", "awaiting-endorsement"


@dataclass(frozen=True)
class Rule:
    sources: frozenset[Status]
    target: Status
    who: Who
    event: str | None


RULES: dict[str, Rule] = {
    "submit": Rule(frozenset({S.draft}), S.submitted, "owner", events.APPLICATION_SUBMITTED),
    "review": Rule(frozenset({S.submitted, S.endorsed}), S.under_review, "staff", None),
    "accept": Rule(
        frozenset({S.submitted, S.endorsed, S.under_review, S.waitlisted}),
        S.accepted,
        "staff",
        events.APPLICATION_ACCEPTED,
    ),
    "waitlist": Rule(
        frozenset({S.submitted, S.endorsed, S.under_review}), S.waitlisted, "staff", events.APPLICATION_WAITLISTED
    ),
    "reject": Rule(
        frozenset({S.submitted, S.endorsed, S.under_review, S.waitlisted, S.accepted}),
        S.rejected,
        "staff",
        events.APPLICATION_REJECTED,
    ),
    "confirm": Rule(frozenset({S.accepted}), S.confirmed, "owner", events.APPLICATION_CONFIRMED),
    "withdraw": Rule(
        frozenset({S.draft, S.submitted, S.endorsed, S.under_review, S.waitlisted, S.accepted, S.confirmed}),
        S.withdrawn,
        "owner_or_staff",
        events.APPLICATION_WITHDRAWN,
    ),
    "complete": Rule(frozenset({S.confirmed}), S.completed, "staff", events.ENROLMENT_COMPLETED),
    "no_show": Rule(frozenset({S.confirmed}), S.no_show, "staff", events.APPLICATION_NO_SHOW),
}
ACTIONS = tuple(RULES)


def allowed_actions(app: Application, *, owner: bool, staff: bool) -> list[str]:
    allowed = []
    for action, rule in RULES.items():
        if app.status not in rule.sources:
            continue
        if (
            (rule.who == "owner" and owner)
            or (rule.who == "staff" and staff)
            or (rule.who == "owner_or_staff" and (owner or staff))
        ):
            allowed.append(action)
    return allowed


# ---------------------------------------------------------------------------- the one way to move


def move(
    db: AsyncSession,
    app: Application,
    run: CourseSession,
    target: Status,
    *,
    action: str,
    by: str,
    by_role: str,
    message: str | None = None,
    now: datetime | None = None,
) -> None:
    now = now or utcnow()
    before = Status(app.status)
    had_seat, gets_seat = before in HOLDS_SEAT, target in HOLDS_SEAT
    if had_seat != gets_seat:
        # Never move a seat without the session's lock: this is what keeps the counter exact.
        assert is_locked(db, run.id), "seat change without the session's lock"
        run.seats_taken += 1 if gets_seat else -1
    app.status = target
    app.live_slot = f"{app.learner_id}:{app.session_id}" if target in LIVE else None
    app.updated_at = now
    if target != S.waitlisted:
        app.waitlist_seq = None
    if target != S.accepted:
        app.offer_expires_at = None
    if target == S.submitted and app.submitted_at is None:
        app.submitted_at = now
    if target in (S.accepted, S.waitlisted, S.rejected):
        app.decided_at = now
    if target == S.confirmed:
        app.confirmed_at = now
    if target == S.completed:
        app.completed_at = now
    db.add(app)
    db.add(run)
    db.add(
        ApplicationTransition(
            application_id=app.id,
            action=action,
            from_status=before.value,
            to_status=target.value,
            by=by,
            by_role=by_role,
            message=message,
            at=now,
        )
    )


def record_creation(db: AsyncSession, app: Application, *, by: str, by_role: str, now: datetime) -> None:
    db.add(
        ApplicationTransition(
            application_id=app.id,
            action="create" if app.status == S.draft else "submit",
            from_status=None,
            to_status=app.status,
            by=by,
            by_role=by_role,
            at=now,
        )
    )


# ---------------------------------------------------------------------------- seats


async def seats_held_by_country(db: AsyncSession, session_id: str, country: str) -> int:
    query = select(func.count()).where(
        col(Application.session_id) == session_id,
        col(Application.country) == country,
        col(Application.status).in_([s.value for s in HOLDS_SEAT]),
    )
    return int((await db.execute(query)).scalar_one())


async def seat_problem(db: AsyncSession, run: CourseSession, country: str | None) -> str | None:
    """None when a learner from `country` may take a seat now, else why not (`full`, `quota`)."""
    if run.seats_taken >= run.capacity:
        return "full"
    quota = (run.country_quotas or {}).get(country or "")
    if quota is not None and await seats_held_by_country(db, run.id, country or "") >= quota:
        return "quota"
    return None


def offer_deadline(run: CourseSession, now: datetime) -> datetime:
    deadline = now + timedelta(days=max(run.confirmation_days, 1))
    starts = aware_or_none(run.starts_at)
    if starts is not None and now < starts < deadline:
        return starts
    return deadline


def _next_waitlist_seq(run: CourseSession) -> int:
    run.waitlist_seq += 1
    return run.waitlist_seq


async def put_on_waitlist(
    db: AsyncSession,
    app: Application,
    run: CourseSession,
    *,
    action: str,
    by: str,
    by_role: str,
    message: str | None,
    now: datetime,
) -> None:
    move(db, app, run, S.waitlisted, action=action, by=by, by_role=by_role, message=message, now=now)
    app.waitlist_seq = _next_waitlist_seq(run)
    await notify.record(
        db, events.APPLICATION_WAITLISTED, app, run, message=message, waitlist_position=await waitlist_position(db, app)
    )


async def give_seat(
    db: AsyncSession,
    app: Application,
    run: CourseSession,
    *,
    action: str,
    by: str,
    by_role: str,
    message: str | None,
    now: datetime,
    event: str = events.APPLICATION_ACCEPTED,
) -> None:
    move(db, app, run, S.accepted, action=action, by=by, by_role=by_role, message=message, now=now)
    app.offer_expires_at = offer_deadline(run, now)
    await notify.record(db, event, app, run, message=message)


async def admit_automatically(db: AsyncSession, app: Application, run: CourseSession, *, now: datetime) -> None:
    """First come, first served: a seat while there is one (and the country's quota allows), else the waiting list."""
    if await seat_problem(db, run, app.country) is None:
        await give_seat(db, app, run, action="accept", by="system", by_role="system", message=None, now=now)
    else:
        await put_on_waitlist(db, app, run, action="waitlist", by="system", by_role="system", message=None, now=now)


async def waitlist_position(db: AsyncSession, app: Application) -> int | None:
    if app.status != S.waitlisted or app.waitlist_seq is None:
        return None
    query = select(func.count()).where(
        col(Application.session_id) == app.session_id,
        col(Application.status) == S.waitlisted,
        col(Application.waitlist_seq) <= app.waitlist_seq,
    )
    return int((await db.execute(query)).scalar_one())


async def promote(db: AsyncSession, run: CourseSession, *, now: datetime | None = None) -> list[Application]:
    """Offer free seats to the waiting list, in order (skipping learners whose country is at its quota)."""
    now = now or utcnow()
    offered: list[Application] = []
    if run.status in ("cancelled", "completed") or run.seats_taken >= run.capacity:
        return offered
    query = (
        select(Application)
        .where(col(Application.session_id) == run.id, col(Application.status) == S.waitlisted)
        .order_by(col(Application.waitlist_seq), col(Application.id))
    )
    if not run.country_quotas:
        # Without quotas nobody is skipped: the first ones in line are all it takes.
        query = query.limit(run.capacity - run.seats_taken)
    waiting = (await db.execute(query)).scalars()
    for app in list(waiting):
        if run.seats_taken >= run.capacity:
            break
        if await seat_problem(db, run, app.country) is not None:
            continue
        await give_seat(
            db,
            app,
            run,
            action="offer",
            by="system",
            by_role="system",
            message=None,
            now=now,
            event=events.APPLICATION_SEAT_OFFERED,
        )
        offered.append(app)
    return offered


async def expire_overdue(db: AsyncSession, run: CourseSession, *, now: datetime | None = None) -> int:
    """Release the seats of offers not confirmed in time, then move the waiting list up."""
    now = now or utcnow()
    overdue = (
        await db.execute(
            select(Application).where(
                col(Application.session_id) == run.id,
                col(Application.status) == S.accepted,
                col(Application.offer_expires_at) <= now,
            )
        )
    ).scalars()
    count = 0
    for app in list(overdue):
        move(
            db,
            app,
            run,
            S.expired,
            action="expire",
            by="system",
            by_role="system",
            message="The seat was not confirmed before the deadline.",
            now=now,
        )
        await notify.record(db, events.APPLICATION_EXPIRED, app, run)
        count += 1
    if count:
        await promote(db, run, now=now)
    return count


def offer_is_overdue(app: Application, now: datetime | None = None) -> bool:
    return (
        app.status == S.accepted
        and app.offer_expires_at is not None
        and aware(app.offer_expires_at) <= (now or utcnow())
    )


async def cancel_all(db: AsyncSession, run: CourseSession, *, reason: str | None, now: datetime | None = None) -> int:
    """The session was cancelled: every application still running ends, and each learner is told."""
    now = now or utcnow()
    running = [s.value for s in LIVE - {S.completed, S.no_show}]
    apps = (
        await db.execute(
            select(Application).where(col(Application.session_id) == run.id, col(Application.status).in_(running))
        )
    ).scalars()
    count = 0
    for app in list(apps):
        move(db, app, run, S.cancelled, action="cancel", by="system", by_role="system", message=reason, now=now)
        await notify.record(db, events.APPLICATION_CANCELLED, app, run, message=reason, cancellation_reason=reason)
        count += 1
    return count
