"""Bulk enrolment from a CSV file: every row is checked first, then all are enrolled in one
transaction, or none (a job reports each row's problem). Progress is kept on the job row."""

from __future__ import annotations

import csv
import io
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.db import Database
from common.errors import ValidationFailed
from enrollment import events
from enrollment.application import notify, workflow
from enrollment.application.models import Application, Status
from enrollment.bulk.models import ImportJob
from enrollment.countries import is_country_code
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession
from enrollment.session.seats import lock_session
from enrollment.timeutil import utcnow

log = logging.getLogger("enrollment.bulk")

COLUMNS = ("email", "user_id", "country", "organisation_name", "position", "motivation")
#: Rows validated between two progress updates.
PROGRESS_EVERY = 25


def parse(content: bytes, *, max_rows: int) -> list[dict[str, str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed.on("file", "The CSV file must be UTF-8.", "encoding") from exc
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t") if sample.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "email" not in header and "user_id" not in header:
        raise ValidationFailed.on("file", "The CSV needs an `email` or a `user_id` column.", "missing_column")
    rows = []
    for raw in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        rows.append(row)
        if len(rows) > max_rows:
            raise ValidationFailed.on("file", f"At most {max_rows} rows per file.", "too_many_rows")
    if not rows:
        raise ValidationFailed.on("file", "The CSV file has no rows.", "empty")
    return rows


def to_csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@dataclass
class Planned:
    row: int
    learner: Learner
    country: str | None
    values: dict[str, str]


def _error(row: int, field: str, message: str) -> dict[str, Any]:
    return {"row": row, "field": field, "message": message}


async def _learner_for(db: AsyncSession, row: dict[str, str]) -> Learner | None:
    if row.get("user_id"):
        return await db.get(Learner, row["user_id"])
    email = row.get("email", "").lower()
    if not email:
        return None
    return (
        await db.execute(select(Learner).where(func.lower(col(Learner.email)) == email).limit(1))
    ).scalar_one_or_none()


async def validate(
    db: AsyncSession, run: CourseSession, rows: list[dict[str, str]], *, on_progress: Any = None
) -> tuple[list[Planned], list[dict[str, Any]]]:
    """Check every row against the current state; (what would be enrolled, the errors)."""
    planned: list[Planned] = []
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=2):  # row 1 is the header
        learner = await _learner_for(db, row)
        if learner is None:
            field = "user_id" if row.get("user_id") else "email"
            errors.append(_error(index, field, "No learner with this " + field.replace("_", " ") + "."))
        else:
            country = (row.get("country") or learner.country or "").upper() or None
            if country and not is_country_code(country):
                errors.append(_error(index, "country", "Not an ISO 3166-1 alpha-2 country code."))
            elif learner.user_id in seen:
                errors.append(_error(index, "email", "This learner appears twice in the file."))
            else:
                live = (
                    await db.execute(
                        select(col(Application.status)).where(
                            col(Application.live_slot) == f"{learner.user_id}:{run.id}"
                        )
                    )
                ).scalar_one_or_none()
                if live is not None:
                    errors.append(
                        _error(
                            index, "email", f"Already applied to this session ({live}): decide it in the review queue."
                        )
                    )
                elif run.country_quotas and not country:
                    errors.append(_error(index, "country", "Seats are shared out by country: give the country."))
                else:
                    planned.append(Planned(index, learner, country, row))
            seen.add(learner.user_id)
        if on_progress is not None and (index - 1) % PROGRESS_EVERY == 0:
            await on_progress(index - 1)
    # Seats: the file must fit in what is left, country by country too.
    free = run.capacity - run.seats_taken
    if len(planned) > free:
        for item in planned[free:]:
            errors.append(_error(item.row, "email", f"No seat left: {free} free for {len(planned)} learners."))
    wanted = Counter(p.country for p in planned if p.country in (run.country_quotas or {}))
    for country, count in wanted.items():
        quota = run.country_quotas[country or ""]
        held = await workflow.seats_held_by_country(db, run.id, country or "")
        if held + count > quota:
            for item in [p for p in planned if p.country == country][max(quota - held, 0) :]:
                errors.append(_error(item.row, "country", f"The quota for {country} ({quota}) would be exceeded."))
    errors.sort(key=lambda e: (e["row"], e["field"]))
    return planned, errors


async def enrol(db: AsyncSession, run: CourseSession, planned: list[Planned], *, by: str) -> list[Application]:
    now = utcnow()
    created = []
    for item in planned:
        app = Application(
            session_id=run.id,
            learner_id=item.learner.user_id,
            status=Status.draft,
            motivation=item.values.get("motivation") or "Enrolled by a coordinator (bulk enrolment).",
            position=item.values.get("position") or item.learner.position,
            organisation_id=item.learner.organisation_id,
            organisation_name=item.values.get("organisation_name") or None,
            country=item.country,
            language=item.learner.preferred_language or "fr",
            source="import",
            submitted_at=now,
            created_at=now,
            updated_at=now,
        )
        db.add(app)
        await db.flush()
        workflow.move(db, app, run, Status.confirmed, action="enrol", by=by, by_role="coordinator", now=now)
        await notify.record(db, events.APPLICATION_CONFIRMED, app, run, message="Enrolled by a coordinator.")
        created.append(app)
    await db.flush()
    return created


async def run_job(database: Database, job_id: str) -> None:
    """The job's work, after the request that created it has answered: validate, then apply."""
    try:
        await _run_job(database, job_id)
    except Exception:
        log.exception("import job %s failed", job_id)
        async with database.session() as db:
            job = await db.get(ImportJob, job_id)
            if job is not None:
                job.status, job.message, job.finished_at, job.content = "failed", "Internal error", utcnow(), None
                db.add(job)
                await db.commit()


async def _progress(database: Database, job_id: str, **values: Any) -> None:
    async with database.session() as db:
        job = await db.get(ImportJob, job_id)
        if job is not None:
            for name, value in values.items():
                setattr(job, name, value)
            db.add(job)
            await db.commit()


async def _run_job(database: Database, job_id: str) -> None:
    async with database.session() as db:
        job = await db.get(ImportJob, job_id)
        if job is None or job.content is None:
            return
        rows = parse(job.content.encode(), max_rows=max(job.total, 1))
        run = await db.get(CourseSession, job.session_id)
        by, session_id = job.created_by, job.session_id
    if run is None:
        await _progress(
            database, job_id, status="failed", message="Unknown session", finished_at=utcnow(), content=None
        )
        return
    await _progress(database, job_id, status="validating")

    async def on_progress(done: int) -> None:
        await _progress(database, job_id, processed=done)

    async with database.session() as db:
        _, errors = await validate(db, run, rows, on_progress=on_progress)
    if errors:
        await _progress(
            database,
            job_id,
            status="failed",
            processed=len(rows),
            errors=errors,
            message=f"{len(errors)} rows cannot be enrolled; nobody was enrolled.",
            finished_at=utcnow(),
            content=None,
        )
        return
    await _progress(database, job_id, status="applying", processed=len(rows))
    # One transaction, under the seat lock; the rows are checked again against what changed meanwhile.
    async with database.session() as db:
        locked = await lock_session(db, session_id)
        planned, errors = await validate(db, locked, rows)
        if errors:
            await db.rollback()
            await _progress(
                database,
                job_id,
                status="failed",
                errors=errors,
                message="The session changed while the file was checked; nobody was enrolled.",
                finished_at=utcnow(),
                content=None,
            )
            return
        created = await enrol(db, locked, planned, by=by)
        job = await db.get(ImportJob, job_id)
        assert job is not None
        job.status, job.enrolled, job.finished_at, job.content = "completed", len(created), utcnow(), None
        job.message = f"{len(created)} learners enrolled."
        db.add(job)
        await db.commit()
        database.notify_committed(db)
