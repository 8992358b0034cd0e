"""Turning applications into what the API answers, loading their related rows in batches."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.auth import Principal
from common.i18n import pick
from enrollment.application import service, workflow
from enrollment.application.models import Application, Attachment, Placement
from enrollment.application.schemas import (
    ApplicationDetail,
    ApplicationRead,
    AttachmentRead,
    EndorsementRead,
    LearnerSummary,
    PlacementRead,
    SessionSummary,
    TimelineEntry,
)
from enrollment.attendance.service import ATTENDING
from enrollment.certificate.models import Certificate
from enrollment.certificate.service import display_code
from enrollment.endorsement.models import Endorsement
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession


async def _by_id(db: AsyncSession, model: type, key: str, ids: set[str]) -> dict[str, object]:
    if not ids:
        return {}
    if len(ids) == 1 and key in ("id", "user_id"):
        # By primary key: usually already in the session (loaded by the request), so no query.
        (one,) = ids
        found: Any = await db.get(model, one)
        return {one: found} if found is not None else {}
    column = col(getattr(model, key))
    rows: Any = await db.execute(select(model).where(column.in_(ids)))
    return {getattr(row, key): row for row in rows.scalars()}


async def to_reads(
    db: AsyncSession, apps: Sequence[Application], principal: Principal, lang: str
) -> list[ApplicationRead]:
    session_ids = {a.session_id for a in apps}
    learner_ids = {a.learner_id for a in apps}
    app_ids = {a.id for a in apps}
    runs = await _by_id(db, CourseSession, "id", session_ids)
    people = await _by_id(db, Learner, "user_id", learner_ids)
    endorsements = await _by_id(db, Endorsement, "application_id", app_ids)
    certs = await _by_id(db, Certificate, "application_id", app_ids)
    reads = []
    for app in apps:
        run = runs[app.session_id]
        assert isinstance(run, CourseSession)
        learner = people.get(app.learner_id)
        endorsement = endorsements.get(app.id)
        cert = certs.get(app.id)
        owner = service.is_owner(app, principal)
        reads.append(
            ApplicationRead(
                id=app.id,
                session_id=app.session_id,
                session=SessionSummary(
                    id=run.id,
                    title=pick(run.title, lang),
                    status=run.status,
                    starts_at=run.starts_at,
                    ends_at=run.ends_at,
                    language=run.language,
                    delivery_mode=run.delivery_mode,
                ),
                learner_id=app.learner_id,
                learner=LearnerSummary.model_validate(learner, from_attributes=True) if learner else None,
                status=app.status,
                motivation=app.motivation,
                position=app.position,
                organisation_id=app.organisation_id,
                organisation_name=app.organisation_name,
                country=app.country,
                answers=app.answers or {},
                language=app.language,
                source=app.source,
                waitlist_position=await workflow.waitlist_position(db, app),
                offer_expires_at=app.offer_expires_at,
                submitted_at=app.submitted_at,
                decided_at=app.decided_at,
                confirmed_at=app.confirmed_at,
                completed_at=app.completed_at,
                created_at=app.created_at,
                updated_at=app.updated_at,
                endorsement=EndorsementRead.model_validate(endorsement) if endorsement else None,
                certificate_code=display_code(cert.code) if isinstance(cert, Certificate) else None,
                allowed_actions=workflow.allowed_actions(app, owner=owner, staff=principal.is_staff),
            )
        )
    return reads


async def to_detail(db: AsyncSession, app: Application, principal: Principal, lang: str) -> ApplicationDetail:
    (read,) = await to_reads(db, [app], principal, lang)
    attachments = await db.execute(
        select(
            col(Attachment.id),
            col(Attachment.kind),
            col(Attachment.filename),
            col(Attachment.size),
            col(Attachment.sha256),
            col(Attachment.uploaded_at),
        )
        .where(col(Attachment.application_id) == app.id)
        .order_by(col(Attachment.uploaded_at))
    )
    placement = await db.get(Placement, app.id)
    return ApplicationDetail(
        **read.model_dump(),
        timeline=[TimelineEntry.model_validate(t) for t in await service.timeline(db, app.id)],
        attachments=[AttachmentRead.model_validate(dict(row._mapping)) for row in attachments.all()],
        placement=PlacementRead.model_validate(placement) if placement else None,
        # Only the applicant and staff read a detail (anyone else: 404).
        attendance_code=app.attendance_token if app.status in ATTENDING else None,
    )
