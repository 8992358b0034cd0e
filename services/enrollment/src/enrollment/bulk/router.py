from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, File, Request, UploadFile, status
from pydantic import BaseModel, ConfigDict

from common.db import DBSession
from common.errors import NotFound
from common.security import StaffPrincipal
from enrollment.application.attachments import read_limited
from enrollment.bulk import service
from enrollment.bulk.models import ImportJob
from enrollment.dependencies import Settings
from enrollment.session import service as sessions

router = APIRouter(tags=["bulk enrolment"])

MAX_CSV_BYTES = 2 * 1024 * 1024


class ImportJobRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    session_id: str
    #: queued | validating | applying | completed | failed
    status: str
    total: int
    processed: int
    enrolled: int
    #: One per row at fault: `{row, field, message}` (row 1 is the header).
    errors: list[dict[str, Any]]
    message: str | None
    created_at: datetime
    finished_at: datetime | None


@router.post(
    "/sessions/{session_id}/imports",
    response_model=ImportJobRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Enrol learners from a CSV file",
)
async def start_import(
    session_id: str,
    request: Request,
    session: DBSession,
    principal: StaffPrincipal,
    settings: Settings,
    background: BackgroundTasks,
    file: Annotated[
        UploadFile, File(description="CSV: email or user_id; country, organisation_name, position optional")
    ],
) -> ImportJobRead:
    """Coordinators and admins. Every row is checked first; if one fails, nobody is enrolled and the
    job lists each row's problem. Otherwise all are enrolled (confirmed) in one transaction. Poll
    `GET /imports/{id}` for progress."""
    await sessions.get(session, session_id)
    rows = service.parse(await read_limited(file, MAX_CSV_BYTES), max_rows=settings.import_max_rows)
    job = ImportJob(
        session_id=session_id, total=len(rows), content=service.to_csv_text(rows), created_by=principal.subject
    )
    session.add(job)
    await session.flush()
    # Runs after the response is sent, hence after this request's transaction committed the job.
    background.add_task(service.run_job, request.app.state.database, job.id)
    return ImportJobRead.model_validate(job)


@router.get("/imports/{job_id}", response_model=ImportJobRead, summary="Progress and result of a CSV enrolment")
async def read_import(job_id: str, session: DBSession, _: StaffPrincipal) -> ImportJobRead:
    """Coordinators and admins."""
    job = await session.get(ImportJob, job_id)
    if job is None:
        raise NotFound("No import with this id.")
    return ImportJobRead.model_validate(job)
