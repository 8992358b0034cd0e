"""Endorsements: a programme may require the learner's employer or national association to vouch
for the application. The endorser gets a signed link (by e-mail, through notifications); it works
once, and shows only the application it is about."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import DomainError, NotFound
from enrollment import events
from enrollment.application import notify, workflow
from enrollment.application.models import Application, Status
from enrollment.application.schemas import EndorserIn
from enrollment.endorsement.models import Endorsement
from enrollment.session.models import CourseSession
from enrollment.session.seats import lock_session
from enrollment.settings import EnrollmentSettings
from enrollment.timeutil import utcnow

SALT = "alga-enrollment-endorsement"


class LinkGone(DomainError):
    status, title, slug = 410, "Link no longer valid", "link-gone"


def _serializer(settings: EnrollmentSettings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.link_secret.get_secret_value(), salt=SALT)


def token_for(settings: EnrollmentSettings, endorsement: Endorsement) -> str:
    assert endorsement.nonce is not None
    return str(_serializer(settings).dumps({"e": endorsement.id, "n": endorsement.nonce}))


def link_for(settings: EnrollmentSettings, token: str) -> str:
    return f"{settings.public_url.rstrip('/')}/endorse/{token}"


async def request(
    db: AsyncSession,
    *,
    app: Application,
    run: CourseSession,
    endorser: EndorserIn,
    settings: EnrollmentSettings,
) -> Endorsement:
    """Name (or rename) the endorser and send a fresh link; an older link stops working."""
    existing = (
        await db.execute(select(Endorsement).where(col(Endorsement.application_id) == app.id))
    ).scalar_one_or_none()
    endorsement = existing or Endorsement(
        application_id=app.id, endorser_name=endorser.name, endorser_email=endorser.email
    )
    endorsement.endorser_name = endorser.name
    endorsement.endorser_email = endorser.email
    endorsement.endorser_organisation = endorser.organisation
    endorsement.endorser_role = endorser.role
    endorsement.status = "pending"
    endorsement.comment = None
    endorsement.decided_at = None
    endorsement.nonce = secrets.token_urlsafe(24)
    endorsement.requested_at = utcnow()
    db.add(endorsement)
    await db.flush()
    token = token_for(settings, endorsement)
    await notify.record(
        db,
        events.ENDORSEMENT_REQUESTED,
        app,
        run,
        endorser_name=endorsement.endorser_name,
        endorser_email=endorsement.endorser_email,
        endorser_organisation=endorsement.endorser_organisation,
        link=link_for(settings, token),
        token=token,
        link_expires_in_days=settings.endorsement_link_days,
    )
    return endorsement


async def resolve(db: AsyncSession, token: str, settings: EnrollmentSettings) -> Endorsement:
    """The endorsement a link is for: 404 for a forged link, 410 for an expired or used one."""
    try:
        payload: Any = _serializer(settings).loads(token, max_age=settings.endorsement_link_days * 86400)
    except SignatureExpired as exc:
        raise LinkGone("This endorsement link has expired; the applicant can send a new one.") from exc
    except BadSignature as exc:
        raise NotFound("This endorsement link is not valid.") from exc
    if not isinstance(payload, dict):
        raise NotFound("This endorsement link is not valid.")
    endorsement = await db.get(Endorsement, str(payload.get("e")))
    if endorsement is None:
        raise NotFound("This endorsement link is not valid.")
    if endorsement.nonce is None or not secrets.compare_digest(endorsement.nonce, str(payload.get("n"))):
        raise LinkGone("This endorsement link was already used or replaced by a newer one.")
    return endorsement


async def decide(
    db: AsyncSession,
    *,
    token: str,
    decision: str,
    comment: str | None,
    settings: EnrollmentSettings,
    now: datetime | None = None,
) -> tuple[Endorsement, Application]:
    now = now or utcnow()
    endorsement = await resolve(db, token, settings)
    app = await db.get(Application, endorsement.application_id)
    assert app is not None
    run = await lock_session(db, app.session_id)
    await db.refresh(app)
    await db.refresh(endorsement)
    # Checked again under the lock: two clicks on the same link cannot both count.
    if endorsement.nonce is None:
        raise LinkGone("This endorsement link was already used.")
    if app.status != Status.submitted:
        raise workflow.TransitionRefused(
            f"This application is {app.status.replace('_', ' ')}: it no longer needs an endorsement.",
            status_now=app.status,
        )
    endorsement.nonce = None
    endorsement.status = "endorsed" if decision == "endorse" else "declined"
    endorsement.comment = comment
    endorsement.decided_at = now
    db.add(endorsement)
    who = f"endorser:{endorsement.endorser_email}"
    if decision == "endorse":
        workflow.move(
            db, app, run, Status.endorsed, action="endorse", by=who, by_role="endorser", message=comment, now=now
        )
        await notify.record(
            db, events.APPLICATION_ENDORSED, app, run, endorser_name=endorsement.endorser_name, message=comment
        )
        if run.admission_mode == "automatic":
            await workflow.admit_automatically(db, app, run, now=now)
    else:
        # The application waits: coordinators see the refusal; the learner may name someone else.
        db.add(
            workflow.ApplicationTransition(
                application_id=app.id,
                action="endorsement_declined",
                from_status=app.status,
                to_status=app.status,
                by=who,
                by_role="endorser",
                message=comment,
                at=now,
            )
        )
    await db.flush()
    return endorsement, app
