"""Certificates: issued on completion, verified publicly by their code, revocable."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound
from enrollment import events
from enrollment.application import notify
from enrollment.application.models import Application
from enrollment.certificate.models import Certificate
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession
from enrollment.timeutil import utcnow

# Letters and digits people misread in a code typed from paper, mapped to what base32 means.
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_code() -> str:
    """16 base32 characters: 80 random bits, unguessable."""
    return base64.b32encode(secrets.token_bytes(10)).decode()


def normalise_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper().translate(_CONFUSABLE)


def display_code(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def verification_url(public_url: str, code: str) -> str:
    return f"{public_url.rstrip('/')}/verify/{display_code(code)}"


async def issue(db: AsyncSession, *, app: Application, run: CourseSession, now: datetime | None = None) -> Certificate:
    now = now or utcnow()
    existing = (
        await db.execute(select(Certificate).where(col(Certificate.application_id) == app.id))
    ).scalar_one_or_none()
    if existing is not None:
        return existing
    learner = await db.get(Learner, app.learner_id)
    certificate = Certificate(
        code=new_code(),
        application_id=app.id,
        learner_id=app.learner_id,
        session_id=run.id,
        holder_name=(learner.full_name or learner.email or app.learner_id) if learner else app.learner_id,
        programme_title=run.programme_title or {},
        session_title=run.title or {},
        session_starts_at=run.starts_at,
        session_ends_at=run.ends_at,
        completed_on=now.date(),
        language=(learner.preferred_language if learner and learner.preferred_language else app.language),
        issued_at=now,
    )
    db.add(certificate)
    await db.flush()
    await notify.record(db, events.CERTIFICATE_ISSUED, app, run, certificate_code=display_code(certificate.code))
    return certificate


async def by_code(db: AsyncSession, code: str) -> Certificate:
    certificate = (
        await db.execute(select(Certificate).where(col(Certificate.code) == normalise_code(code)))
    ).scalar_one_or_none()
    if certificate is None:
        raise NotFound("No certificate with this code.")
    return certificate


async def revoke(db: AsyncSession, *, certificate: Certificate, reason: str, by: str) -> Certificate:
    if certificate.status == "revoked":
        raise Conflict("This certificate is already revoked.")
    certificate.status = "revoked"
    certificate.revoked_at = utcnow()
    certificate.revocation_reason = reason
    db.add(certificate)
    app = await db.get(Application, certificate.application_id)
    run = await db.get(CourseSession, certificate.session_id)
    if app is not None and run is not None:
        await notify.record(
            db, events.CERTIFICATE_REVOKED, app, run, certificate_code=display_code(certificate.code), message=reason
        )
    await db.flush()
    return certificate
