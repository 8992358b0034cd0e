from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, StringConstraints

from common.db import DBSession
from common.i18n import ReaderLanguage, pick
from enrollment.application.models import Application
from enrollment.dependencies import Settings
from enrollment.endorsement import service
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession

router = APIRouter(prefix="/endorsements", tags=["endorsements"])

Token = Annotated[str, Path(max_length=400, description="The token of the link the endorser received")]


class EndorsementView(BaseModel):
    """What an endorser sees: the one application they are asked about, nothing else."""

    endorser_name: str
    status: str
    applicant_name: str | None
    applicant_position: str | None
    applicant_organisation: str | None
    session_title: str | None
    programme_title: str | None
    session_starts_at: datetime | None
    motivation: str


class EndorsementDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["endorse", "decline"]
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


async def _view(db: DBSession, token: str, settings: Settings, lang: str) -> EndorsementView:
    endorsement = await service.resolve(db, token, settings)
    app = await db.get(Application, endorsement.application_id)
    assert app is not None
    run = await db.get(CourseSession, app.session_id)
    learner = await db.get(Learner, app.learner_id)
    return EndorsementView(
        endorser_name=endorsement.endorser_name,
        status=endorsement.status,
        applicant_name=learner.full_name if learner else None,
        applicant_position=app.position,
        applicant_organisation=app.organisation_name,
        session_title=pick(run.title, lang) if run else None,
        programme_title=pick(run.programme_title, lang) if run else None,
        session_starts_at=run.starts_at if run else None,
        motivation=app.motivation,
    )


@router.get("/{token}", response_model=EndorsementView, summary="What an endorsement link asks")
async def read_endorsement(
    token: Token, session: DBSession, settings: Settings, lang: ReaderLanguage
) -> EndorsementView:
    """Public, by the signed link only: the application the endorser is asked about. A forged link
    is 404; an expired, replaced or used one is 410."""
    return await _view(session, token, settings, lang)


@router.post("/{token}", response_model=EndorsementView, summary="Endorse or decline")
async def decide(
    token: Token, data: EndorsementDecision, session: DBSession, settings: Settings, lang: ReaderLanguage
) -> EndorsementView:
    """Public, by the signed link only; the link works once."""
    endorsement, app = await service.decide(
        session, token=token, decision=data.decision, comment=data.comment, settings=settings
    )
    run = await session.get(CourseSession, app.session_id)
    learner = await session.get(Learner, app.learner_id)
    return EndorsementView(
        endorser_name=endorsement.endorser_name,
        status=endorsement.status,
        applicant_name=learner.full_name if learner else None,
        applicant_position=app.position,
        applicant_organisation=app.organisation_name,
        session_title=pick(run.title, lang) if run else None,
        programme_title=pick(run.programme_title, lang) if run else None,
        session_starts_at=run.starts_at if run else None,
        motivation=app.motivation,
    )
