"""Applications: submission (idempotent), who may see what, transitions, bulk decisions, search.

Functions take the request's session, flush, never commit. Every write that may move a seat takes
the session's lock first (`lock_session`); see `enrollment.session.seats`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.auth import Principal
from common.errors import Conflict, DomainError, Forbidden, NotFound, ValidationFailed, field_error
from common.pagination import PageParams
from enrollment import events
from enrollment.application import notify, workflow
from enrollment.application.models import (
    HOLDS_SEAT,
    Application,
    ApplicationTransition,
    IdempotencyKey,
    Status,
)
from enrollment.application.schemas import ApplicationCreate, EndorserIn
from enrollment.attendance import service as attendance
from enrollment.certificate import service as certificates
from enrollment.endorsement import service as endorsements
from enrollment.endorsement.models import Endorsement
from enrollment.learner import service as learners
from enrollment.learner.models import Learner
from enrollment.session import service as sessions
from enrollment.session.models import CourseSession
from enrollment.session.seats import lock_session
from enrollment.settings import EnrollmentSettings
from enrollment.timeutil import aware_or_none, utcnow

S = Status


class ApplicationsClosed(Conflict):
    title, slug = "Applications are closed", "applications-closed"


class AlreadyApplied(Conflict):
    title, slug = "Already applied", "already-applied"


class IdempotencyKeyReused(DomainError):
    status, title, slug = 422, "Idempotency-Key reused", "idempotency-key-reused"


# ---------------------------------------------------------------------------- who sees what


def is_owner(app: Application, principal: Principal) -> bool:
    return app.learner_id == principal.subject


async def get_visible(db: AsyncSession, application_id: str, principal: Principal) -> Application:
    """The application if the caller may see it. Another learner's application is *not found*
    (404, not 403): its existence is none of their business."""
    app = await db.get(Application, application_id)
    if app is None or not (principal.is_staff or is_owner(app, principal)):
        raise NotFound("No application with this id.")
    return app


def _role(app: Application, principal: Principal, rule: workflow.Rule) -> str:
    if rule.who == "staff" or (rule.who == "owner_or_staff" and not is_owner(app, principal)):
        return "coordinator"
    return "learner"


def check_caller(app: Application, principal: Principal, action: str) -> workflow.Rule:
    rule = workflow.RULES[action]
    owner, staff = is_owner(app, principal), principal.is_staff
    allowed = (
        (rule.who == "owner" and owner)
        or (rule.who == "staff" and staff)
        or (rule.who == "owner_or_staff" and (owner or staff))
    )
    if not allowed:
        who = "the applicant" if rule.who == "owner" else "coordinators"
        raise Forbidden(f"Only {who} may {action.replace('_', ' ')} an application.")
    return rule


# ---------------------------------------------------------------------------- submission


def _request_hash(data: ApplicationCreate) -> str:
    body = json.dumps(data.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


async def _replay(db: AsyncSession, owner: str, key: str, request_hash: str) -> Application | None:
    stored = await db.get(IdempotencyKey, (owner, key), populate_existing=True)
    if stored is None:
        return None
    if stored.request_hash != request_hash:
        raise IdempotencyKeyReused(
            "This Idempotency-Key was used for a different request; use a new key for a new submission."
        )
    return await db.get(Application, stored.application_id)


def _submission_problems(run: CourseSession, app: Application, endorser_given: bool) -> list[dict[str, str]]:
    errors = []
    for question in run.questions or []:
        if question.get("required") and not str(app.answers.get(question["id"], "")).strip():
            errors.append(field_error(f"answers.{question['id']}", "This question needs an answer.", "missing"))
    if run.requires_endorsement and not endorser_given:
        errors.append(
            field_error("endorser", "This programme needs an endorsement: name your endorser.", "endorser_required")
        )
    if run.country_quotas and not app.country:
        errors.append(
            field_error("country", "Seats are shared out by country: say which country you apply from.", "missing")
        )
    return errors


def _check_open(run: CourseSession, now: datetime) -> None:
    if not sessions.applications_open(run, now):
        raise ApplicationsClosed(
            "Applications to this session are not open now.",
            session_status=run.status,
            applications_open_at=_iso(run.applications_open_at),
            applications_close_at=_iso(run.applications_close_at),
        )


def _iso(value: datetime | None) -> str | None:
    value = aware_or_none(value)
    return None if value is None else value.isoformat()


async def create(
    db: AsyncSession,
    *,
    principal: Principal,
    data: ApplicationCreate,
    idempotency_key: str | None,
    settings: EnrollmentSettings,
    now: datetime | None = None,
) -> tuple[Application, bool]:
    """(application, created). A retry with the same key and body answers the first result."""
    now = now or utcnow()
    if principal.kind != "user":
        raise Forbidden("Applications are made by learners, not by integrator clients.")
    request_hash = _request_hash(data)
    if idempotency_key:
        replayed = await _replay(db, principal.subject, idempotency_key, request_hash)
        if replayed is not None:
            return replayed, False
    # The lock first: on SQLite it must be the transaction's first write (see session.seats).
    try:
        run = await lock_session(db, data.session_id)
    except NotFound:
        raise ValidationFailed.on(
            "session_id", "No session with this id is open for applications.", "unknown_session"
        ) from None
    learner = await learners.ensure_from_token(
        db, principal, country=data.country, organisation_id=data.organisation_id, position=data.position
    )
    if idempotency_key:
        # Checked again under the lock: a concurrent retry with the same key may have just committed.
        replayed = await _replay(db, principal.subject, idempotency_key, request_hash)
        if replayed is not None:
            return replayed, False
    _check_open(run, now)
    live = (
        await db.execute(select(Application).where(col(Application.live_slot) == f"{principal.subject}:{run.id}"))
    ).scalar_one_or_none()
    if live is not None:
        raise AlreadyApplied(
            f"You already have an application to this session ({live.status.replace('_', ' ')}).",
            application_id=live.id,
        )
    app = Application(
        session_id=run.id,
        learner_id=principal.subject,
        status=S.draft if data.draft else S.submitted,
        motivation=data.motivation,
        position=data.position or learner.position,
        organisation_id=data.organisation_id or learner.organisation_id,
        organisation_name=data.organisation_name,
        country=data.country or learner.country,
        answers=dict(data.answers),
        language=learner.preferred_language or "fr",
        source="learner",
        created_at=now,
        updated_at=now,
    )
    if not data.draft:
        errors = _submission_problems(run, app, data.endorser is not None)
        if errors:
            raise ValidationFailed("Some fields are not valid: " + ", ".join(e["field"] for e in errors), errors=errors)
        app.submitted_at = now
    app.live_slot = f"{app.learner_id}:{app.session_id}"
    db.add(app)
    try:
        await db.flush()
    except IntegrityError as exc:  # the unique live slot: a concurrent twin got there first
        raise AlreadyApplied("You already have an application to this session.") from exc
    workflow.record_creation(db, app, by=principal.subject, by_role="learner", now=now)
    if data.endorser is not None:
        # Kept with the draft too; the link goes out on submission.
        db.add(
            Endorsement(
                application_id=app.id,
                endorser_name=data.endorser.name,
                endorser_email=data.endorser.email,
                endorser_organisation=data.endorser.organisation,
                endorser_role=data.endorser.role,
            )
        )
    if not data.draft:
        await _after_submit(db, app, run, settings=settings, now=now)
    if idempotency_key:
        db.add(
            IdempotencyKey(
                owner=principal.subject, key=idempotency_key, request_hash=request_hash, application_id=app.id
            )
        )
    await db.flush()
    return app, True


async def _after_submit(
    db: AsyncSession, app: Application, run: CourseSession, *, settings: EnrollmentSettings, now: datetime
) -> None:
    await notify.record(db, events.APPLICATION_SUBMITTED, app, run)
    if run.requires_endorsement:
        endorsement = await _endorsement_of(db, app.id)
        if endorsement is not None:
            await endorsements.request(
                db,
                app=app,
                run=run,
                endorser=EndorserIn(
                    name=endorsement.endorser_name,
                    email=endorsement.endorser_email,
                    organisation=endorsement.endorser_organisation,
                    role=endorsement.endorser_role,
                ),
                settings=settings,
            )
        return
    if run.admission_mode == "automatic":
        await workflow.admit_automatically(db, app, run, now=now)


async def _endorsement_of(db: AsyncSession, application_id: str) -> Endorsement | None:
    return (
        await db.execute(select(Endorsement).where(col(Endorsement.application_id) == application_id))
    ).scalar_one_or_none()


# ---------------------------------------------------------------------------- transitions


async def act(
    db: AsyncSession,
    *,
    application_id: str,
    principal: Principal,
    action: str,
    message: str | None,
    settings: EnrollmentSettings,
    now: datetime | None = None,
) -> Application:
    now = now or utcnow()
    app = await get_visible(db, application_id, principal)
    check_caller(app, principal, action)
    run = await lock_session(db, app.session_id)
    await db.refresh(app)  # its status as of now, under the lock
    await workflow.expire_overdue(db, run, now=now)
    await apply_action(db, app, run, action=action, principal=principal, message=message, settings=settings, now=now)
    await db.flush()
    return app


async def apply_action(
    db: AsyncSession,
    app: Application,
    run: CourseSession,
    *,
    action: str,
    principal: Principal,
    message: str | None,
    settings: EnrollmentSettings,
    now: datetime,
) -> None:
    rule = workflow.RULES[action]
    by, by_role = principal.subject, _role(app, principal, rule)
    if app.status not in rule.sources:
        if action == "confirm" and app.status == S.expired:
            raise workflow.OfferExpired(
                "The seat was not confirmed before the deadline; it went to the next learner.", status_now=app.status
            )
        allowed = workflow.allowed_actions(app, owner=is_owner(app, principal), staff=principal.is_staff)
        raise workflow.TransitionRefused(
            f"An application that is {app.status.replace('_', ' ')} cannot take the action {action!r}"
            f" (allowed now: {', '.join(allowed) or 'none'}).",
            status_now=app.status,
            allowed_actions=allowed,
        )
    if run.status == "cancelled" and action not in ("withdraw",):
        raise workflow.TransitionRefused("This session was cancelled.", status_now=app.status)
    had_seat = app.status in HOLDS_SEAT

    if action == "submit":
        _check_open(run, now)
        endorsement = await _endorsement_of(db, app.id)
        errors = _submission_problems(run, app, endorsement is not None)
        if errors:
            raise ValidationFailed("Some fields are not valid: " + ", ".join(e["field"] for e in errors), errors=errors)
        workflow.move(db, app, run, S.submitted, action=action, by=by, by_role=by_role, message=message, now=now)
        await _after_submit(db, app, run, settings=settings, now=now)
        return
    if action in ("accept", "waitlist", "review") and app.status == S.submitted and run.requires_endorsement:
        raise workflow.AwaitingEndorsement("This programme needs an endorsement; the endorser has not confirmed yet.")
    if action == "accept":
        problem = await workflow.seat_problem(db, run, app.country)
        if problem == "full":
            raise workflow.SessionFull(
                f"All {run.capacity} seats are taken; put the application on the waiting list.", capacity=run.capacity
            )
        if problem == "quota":
            raise workflow.QuotaReached(
                f"The seats for {app.country} are all taken ({run.country_quotas.get(app.country or '')}).",
                country=app.country,
            )
        await workflow.give_seat(db, app, run, action=action, by=by, by_role=by_role, message=message, now=now)
        return
    if action == "waitlist":
        await workflow.put_on_waitlist(db, app, run, action=action, by=by, by_role=by_role, message=message, now=now)
        return
    if action == "complete":
        await _check_completion(db, app, run, now)
    workflow.move(db, app, run, rule.target, action=action, by=by, by_role=by_role, message=message, now=now)
    if rule.event is not None:
        await notify.record(db, rule.event, app, run, message=message)
    if action == "complete":
        await certificates.issue(db, app=app, run=run, now=now)
    if had_seat and app.status not in HOLDS_SEAT:
        await workflow.promote(db, run, now=now)


async def _check_completion(db: AsyncSession, app: Application, run: CourseSession, now: datetime) -> None:
    starts = aware_or_none(run.starts_at)
    if starts is not None and starts > now:
        raise workflow.TransitionRefused("The session has not started yet: nobody can have completed it.")
    if sessions.completion_rule(run) == "attendance":
        days = attendance.session_days(run)
        present = (await attendance.days_present(db, [app.id])).get(app.id, 0)
        if not attendance.meets_rule(present, len(days), run.completion_threshold):
            raise workflow.TransitionRefused(
                f"Attended {present} of {len(days)} days; completion needs {run.completion_threshold}%.",
                days_present=present,
                days_total=len(days),
                completion_threshold=run.completion_threshold,
            )


async def bulk_act(
    db: AsyncSession,
    *,
    application_ids: Sequence[str],
    principal: Principal,
    action: str,
    message: str | None,
    settings: EnrollmentSettings,
    now: datetime | None = None,
) -> list[Application]:
    """All or nothing: every application is checked and moved in one transaction; one refusal
    refuses the whole batch (409 naming each application at fault)."""
    now = now or utcnow()
    ids = list(dict.fromkeys(application_ids))
    apps = {a.id: a for a in (await db.execute(select(Application).where(col(Application.id).in_(ids)))).scalars()}
    errors = [field_error(i, "No application with this id.", "not_found") for i in ids if i not in apps]
    if errors:
        raise NotFound("Some applications do not exist.", errors=errors)
    # Locks in a fixed order, so two bulk decisions on the same sessions cannot deadlock.
    runs = {sid: await lock_session(db, sid) for sid in sorted({a.session_id for a in apps.values()})}
    for run in runs.values():
        await workflow.expire_overdue(db, run, now=now)
    done = []
    for app_id in ids:
        app = apps[app_id]
        await db.refresh(app)
        try:
            check_caller(app, principal, action)
            await apply_action(
                db,
                app,
                runs[app.session_id],
                action=action,
                principal=principal,
                message=message,
                settings=settings,
                now=now,
            )
        except DomainError as exc:
            errors.append(field_error(app_id, exc.detail or exc.title, exc.slug))
            continue
        done.append(app)
    if errors:
        raise Conflict(
            f"{len(errors)} of {len(ids)} applications cannot take the action {action!r}; nothing was changed.",
            errors=errors,
        )
    await db.flush()
    return done


async def expire_if_due(db: AsyncSession, app: Application) -> Application:
    """Lazy half of the confirmation deadline: reading an overdue offer releases its seat first."""
    if workflow.offer_is_overdue(app):
        run = await lock_session(db, app.session_id)
        await workflow.expire_overdue(db, run)
        await db.flush()
        await db.refresh(app)
    return app


# ---------------------------------------------------------------------------- search


@dataclass
class ApplicationFilters:
    session_id: str | None = None
    status: list[str] = field(default_factory=list)
    country: str | None = None
    organisation_id: str | None = None
    gender: str | None = None
    learner_id: str | None = None
    q: str | None = None


def _filtered(query: Select[Any], filters: ApplicationFilters, principal: Principal) -> Select[Any]:
    if not principal.is_staff:
        query = query.where(col(Application.learner_id) == principal.subject)
    elif filters.learner_id:
        query = query.where(col(Application.learner_id) == filters.learner_id)
    if filters.session_id:
        query = query.where(col(Application.session_id) == filters.session_id)
    if filters.status:
        query = query.where(col(Application.status).in_(filters.status))
    if principal.is_staff:
        if filters.country:
            query = query.where(col(Application.country) == filters.country.upper())
        if filters.organisation_id:
            query = query.where(col(Application.organisation_id) == filters.organisation_id)
        if filters.gender:
            query = query.where(col(Learner.gender) == filters.gender)
        if filters.q:
            like = f"%{filters.q.strip().lower()}%"
            query = query.where(
                or_(
                    func.lower(col(Learner.full_name)).like(like),
                    func.lower(col(Learner.email)).like(like),
                    func.lower(col(Application.organisation_name)).like(like),
                )
            )
    return query


async def search(
    db: AsyncSession, *, principal: Principal, filters: ApplicationFilters, params: PageParams
) -> tuple[list[Application], int, dict[str, dict[str, int]]]:
    base = select(Application).outerjoin(Learner, col(Learner.user_id) == col(Application.learner_id))
    query = _filtered(base, filters, principal)
    # Coordinators work the queue oldest first; learners see their latest applications first.
    order = col(Application.created_at) if principal.is_staff else col(Application.created_at).desc()
    total = int((await db.execute(select(func.count()).select_from(query.order_by(None).subquery()))).scalar_one())
    rows = (
        await db.execute(query.order_by(order, col(Application.id)).limit(params.limit).offset(params.offset))
    ).scalars()
    facets: dict[str, dict[str, int]] = {}
    facet_columns: dict[str, Any] = {"status": col(Application.status)}
    if principal.is_staff:
        facet_columns.update(country=col(Application.country), gender=col(Learner.gender))
    for name, column in facet_columns.items():
        counted = _filtered(
            select(column, func.count())
            .select_from(Application)
            .outerjoin(Learner, col(Learner.user_id) == col(Application.learner_id)),
            filters,
            principal,
        ).group_by(column)
        facets[name] = {
            str(value) if value is not None else "unknown": int(n) for value, n in (await db.execute(counted)).all()
        }
    return list(rows), total, facets


async def timeline(db: AsyncSession, application_id: str) -> list[ApplicationTransition]:
    rows = await db.execute(
        select(ApplicationTransition)
        .where(col(ApplicationTransition.application_id) == application_id)
        .order_by(col(ApplicationTransition.at), col(ApplicationTransition.id))
    )
    return list(rows.scalars())
