"""Attendance per day of a residential seminar, and the completion rule built on it."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import Conflict, NotFound, ValidationFailed
from enrollment.application.models import Application, Status
from enrollment.attendance.models import Attendance
from enrollment.dbutil import insert_ignore
from enrollment.session.models import CourseSession
from enrollment.timeutil import local_days, today_in, utcnow

#: Who is expected on the days: learners holding a confirmed seat (or already marked completed / absent).
ATTENDING = (Status.confirmed, Status.completed, Status.no_show)


def session_days(run: CourseSession) -> list[date]:
    if run.starts_at is None or run.ends_at is None:
        return []
    return local_days(run.starts_at, run.ends_at, run.timezone)


def check_day(run: CourseSession, day: date) -> None:
    if day not in session_days(run):
        raise ValidationFailed.on("day", "This day is not one of the session's days.", "not_a_session_day")


async def record(
    db: AsyncSession, *, run: CourseSession, app: Application, day: date, present: bool, by: str, method: str
) -> Attendance:
    check_day(run, day)
    if app.session_id != run.id:
        raise NotFound("No participant with this id in this session.")
    if app.status not in ATTENDING:
        raise Conflict(f"Only confirmed participants attend; this application is {app.status}.")
    await insert_ignore(
        db,
        Attendance,
        {
            "application_id": app.id,
            "day": day,
            "session_id": run.id,
            "present": present,
            "method": method,
            "recorded_by": by,
            "recorded_at": utcnow(),
        },
        ["application_id", "day"],
    )
    row = await db.get(Attendance, (app.id, day), populate_existing=True)
    assert row is not None
    row.present, row.method, row.recorded_by, row.recorded_at = present, method, by, utcnow()
    db.add(row)
    await db.flush()
    return row


async def by_token(db: AsyncSession, run: CourseSession, token: str) -> Application:
    app = (await db.execute(select(Application).where(col(Application.attendance_token) == token))).scalar_one_or_none()
    if app is None or app.session_id != run.id:
        raise NotFound("This code belongs to no participant of this session.")
    return app


def default_day(run: CourseSession) -> date:
    return today_in(run.timezone)


async def days_present(db: AsyncSession, application_ids: list[str]) -> dict[str, int]:
    if not application_ids:
        return {}
    rows = await db.execute(
        select(col(Attendance.application_id), func.count())
        .where(col(Attendance.application_id).in_(application_ids), col(Attendance.present).is_(True))
        .group_by(col(Attendance.application_id))
    )
    return {app_id: int(count) for app_id, count in rows.all()}


async def sheet(db: AsyncSession, run: CourseSession) -> list[dict[str, Any]]:
    rows = await db.execute(select(Attendance).where(col(Attendance.session_id) == run.id))
    return [
        {"application_id": a.application_id, "day": a.day, "present": a.present, "method": a.method}
        for a in rows.scalars()
    ]


def meets_rule(present: int, total_days: int, threshold: int) -> bool:
    if total_days == 0:
        return False
    return present * 100 >= threshold * total_days
