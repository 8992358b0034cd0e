from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlmodel import col

from common.db import DBSession
from common.i18n import ReaderLanguage, pick
from common.security import StaffPrincipal
from enrollment.application import service as applications
from enrollment.application import workflow
from enrollment.application.models import Application, Status
from enrollment.attendance import service as attendance
from enrollment.certificate.models import Certificate
from enrollment.certificate.service import display_code
from enrollment.dependencies import Settings
from enrollment.learner.models import Learner
from enrollment.session import service
from enrollment.session.models import CourseSession
from enrollment.session.schemas import Roster, RosterEntry, SessionRead, SessionSettingsUpdate
from enrollment.session.seats import lock_session

router = APIRouter(prefix="/sessions", tags=["sessions"])

ROSTER_STATUSES = (Status.accepted, Status.confirmed, Status.completed, Status.no_show)


async def to_read(db: DBSession, run: CourseSession, lang: str) -> SessionRead:
    return SessionRead(
        id=run.id,
        title=pick(run.title, lang),
        title_variants=run.title or {},
        programme_id=run.programme_id,
        programme_title=pick(run.programme_title, lang),
        status=run.status,
        language=run.language,
        delivery_mode=run.delivery_mode,
        starts_at=run.starts_at,
        ends_at=run.ends_at,
        timezone=run.timezone,
        venue=run.venue or {},
        capacity=run.capacity,
        seats_taken=run.seats_taken,
        seats_available=max(run.capacity - run.seats_taken, 0),
        waitlist_length=await service.waitlist_length(db, run.id),
        applications_open=service.applications_open(run),
        applications_open_at=run.applications_open_at,
        applications_close_at=run.applications_close_at,
        admission_mode=run.admission_mode,
        requires_endorsement=run.requires_endorsement,
        confirmation_days=run.confirmation_days,
        completion_rule=service.completion_rule(run),
        completion_threshold=run.completion_threshold,
        country_quotas=run.country_quotas or {},
        questions=run.questions or [],
        days=attendance.session_days(run),
        revision=run.revision,
        synced_at=run.synced_at,
    )


@router.get("/{session_id}", response_model=SessionRead, summary="A session's seats and application settings")
async def read_session(session_id: str, session: DBSession, lang: ReaderLanguage) -> SessionRead:
    """Public: seats taken and left, the waiting list's length, whether one can apply now, and what
    the application form asks (questions, endorsement)."""
    return await to_read(session, await service.get(session, session_id), lang)


@router.patch("/{session_id}/settings", response_model=SessionRead, summary="Set enrollment's settings of a session")
async def update_settings(
    session_id: str, data: SessionSettingsUpdate, session: DBSession, principal: StaffPrincipal, lang: ReaderLanguage
) -> SessionRead:
    """Coordinators and admins: admission mode (review or automatic), endorsement, days to confirm a
    seat, completion rule, per-country quotas, questions. Only the fields sent change."""
    await service.get(session, session_id)
    run = await service.update_settings(session, session_id=session_id, data=data, by=principal.subject)
    return await to_read(session, run, lang)


def _csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet: neutralise it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def _roster(db: DBSession, run: CourseSession) -> Roster:
    apps = list(
        (
            await db.execute(
                select(Application)
                .where(col(Application.session_id) == run.id, col(Application.status).in_(ROSTER_STATUSES))
                .order_by(col(Application.confirmed_at), col(Application.decided_at), col(Application.id))
            )
        ).scalars()
    )
    ids = [a.id for a in apps]
    people = {
        p.user_id: p
        for p in (
            await db.execute(select(Learner).where(col(Learner.user_id).in_({a.learner_id for a in apps})))
        ).scalars()
    }
    certs = {
        c.application_id: c
        for c in (await db.execute(select(Certificate).where(col(Certificate.application_id).in_(ids)))).scalars()
    }
    present = await attendance.days_present(db, ids)
    total_days = len(attendance.session_days(run))
    items = []
    for app in apps:
        learner = people.get(app.learner_id)
        days = present.get(app.id, 0)
        cert = certs.get(app.id)
        items.append(
            RosterEntry(
                application_id=app.id,
                status=app.status,
                learner_id=app.learner_id,
                full_name=learner.full_name if learner else None,
                email=learner.email if learner else None,
                country=app.country,
                organisation_id=app.organisation_id,
                organisation_name=app.organisation_name,
                position=app.position,
                gender=learner.gender if learner else None,
                confirmed_at=app.confirmed_at,
                days_present=days,
                days_total=total_days,
                attendance_percent=round(days * 100 / total_days, 1) if total_days else None,
                certificate_code=display_code(cert.code) if cert else None,
            )
        )
    return Roster(session_id=run.id, capacity=run.capacity, seats_taken=run.seats_taken, items=items, total=len(items))


@router.get(
    "/{session_id}/roster",
    response_model=Roster,
    responses={200: {"content": {"text/csv": {}}}},
    summary="Who holds a seat (JSON, or CSV with format=csv)",
)
async def roster(
    session_id: str,
    session: DBSession,
    _: StaffPrincipal,
    format: Annotated[Literal["json", "csv"], Query()] = "json",
) -> Roster | Response:
    """Coordinators and admins: accepted, confirmed, completed and absent participants with their
    attendance. `format=csv` answers a spreadsheet-safe CSV file."""
    run = await service.get(session, session_id)
    data = await _roster(session, run)
    if format == "json":
        return data
    out = io.StringIO()
    writer = csv.writer(out)
    columns = list(RosterEntry.model_fields)
    writer.writerow(columns)
    for item in data.items:
        row = item.model_dump()
        writer.writerow([_csv_cell(row[c]) for c in columns])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="roster-{run.id}.csv"'},
    )


# ---------------------------------------------------------------------------- attendance


class AttendanceMark(BaseModel):
    model_config = ConfigDict(extra="forbid")

    application_id: str = Field(max_length=36)
    present: bool


class AttendanceDay(BaseModel):
    model_config = ConfigDict(extra="forbid")

    records: list[AttendanceMark] = Field(min_length=1, max_length=1000)


class AttendanceScan(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: What the learner's QR code holds.
    token: str = Field(min_length=8, max_length=64)
    #: Default: today, in the session's time zone.
    day: date | None = None


class AttendanceRecord(BaseModel):
    application_id: str
    day: date
    present: bool
    method: str


class AttendanceSheet(BaseModel):
    session_id: str
    days: list[date]
    records: list[AttendanceRecord]


class ScanResult(AttendanceRecord):
    full_name: str | None


@router.get("/{session_id}/attendance", response_model=AttendanceSheet, summary="The attendance sheet")
async def attendance_sheet(session_id: str, session: DBSession, _: StaffPrincipal) -> AttendanceSheet:
    """Coordinators and admins: every recorded day of every participant."""
    run = await service.get(session, session_id)
    return AttendanceSheet(
        session_id=run.id,
        days=attendance.session_days(run),
        records=[AttendanceRecord.model_validate(r) for r in await attendance.sheet(session, run)],
    )


@router.put("/{session_id}/attendance/{day}", response_model=AttendanceSheet, summary="Record one day's attendance")
async def record_day(
    session_id: str, day: date, data: AttendanceDay, session: DBSession, principal: StaffPrincipal
) -> AttendanceSheet:
    """Coordinators and admins: present or absent, per confirmed participant, for one of the session's days."""
    run = await service.get(session, session_id)
    attendance.check_day(run, day)
    for mark in data.records:
        app = await session.get(Application, mark.application_id)
        if app is None or app.session_id != run.id:
            raise applications.ValidationFailed.on(
                "records.application_id", f"{mark.application_id} is no participant of this session.", "not_found"
            )
        await attendance.record(
            session, run=run, app=app, day=day, present=mark.present, by=principal.subject, method="manual"
        )
    return AttendanceSheet(
        session_id=run.id,
        days=attendance.session_days(run),
        records=[AttendanceRecord.model_validate(r) for r in await attendance.sheet(session, run)],
    )


@router.post("/{session_id}/attendance/scan", response_model=ScanResult, summary="Mark present from a QR code")
async def scan(session_id: str, data: AttendanceScan, session: DBSession, principal: StaffPrincipal) -> ScanResult:
    """Coordinators and admins: the token read from a learner's QR code marks them present on the day."""
    run = await service.get(session, session_id)
    app = await attendance.by_token(session, run, data.token)
    day = data.day or attendance.default_day(run)
    row = await attendance.record(session, run=run, app=app, day=day, present=True, by=principal.subject, method="qr")
    learner = await session.get(Learner, app.learner_id)
    return ScanResult(
        application_id=app.id,
        day=row.day,
        present=row.present,
        method=row.method,
        full_name=learner.full_name if learner else None,
    )


class CompletionResult(BaseModel):
    session_id: str
    completion_rule: str
    completion_threshold: int
    completed: list[str]
    not_meeting_rule: list[str]


@router.post("/{session_id}/completion", response_model=CompletionResult, summary="Apply the completion rule")
async def complete_session(
    session_id: str, session: DBSession, principal: StaffPrincipal, settings: Settings
) -> CompletionResult:
    """Coordinators and admins: every confirmed participant who meets the session's completion rule
    (attendance ≥ threshold) is completed and receives a certificate; the others are listed."""
    run = await lock_session(session, session_id)
    if service.completion_rule(run) != "attendance":
        raise applications.Conflict("This session is completed participant by participant (completion rule: manual).")
    confirmed = list(
        (
            await session.execute(
                select(Application).where(
                    col(Application.session_id) == run.id, col(Application.status) == Status.confirmed
                )
            )
        ).scalars()
    )
    present = await attendance.days_present(session, [a.id for a in confirmed])
    total_days = len(attendance.session_days(run))
    done, short = [], []
    for app in confirmed:
        if attendance.meets_rule(present.get(app.id, 0), total_days, run.completion_threshold):
            await applications.apply_action(
                session,
                app,
                run,
                action="complete",
                principal=principal,
                message=None,
                settings=settings,
                now=workflow.utcnow(),
            )
            done.append(app.id)
        else:
            short.append(app.id)
    await session.flush()
    return CompletionResult(
        session_id=run.id,
        completion_rule="attendance",
        completion_threshold=run.completion_threshold,
        completed=done,
        not_meeting_rule=short,
    )
