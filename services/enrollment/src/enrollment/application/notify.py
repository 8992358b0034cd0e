"""The payload of enrollment's application events: what notifications needs, nothing to look up."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from enrollment import events
from enrollment.application.models import Application
from enrollment.dbutil import pin
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession
from enrollment.timeutil import aware_or_none


def iso(value: Any) -> str | None:
    value = aware_or_none(value)
    return None if value is None else value.isoformat()


def application_data(
    app: Application, run: CourseSession, learner: Learner | None, *, message: str | None = None
) -> dict[str, Any]:
    return {
        "application_id": app.id,
        "user_id": app.learner_id,
        "email": learner.email if learner else None,
        "full_name": learner.full_name if learner else None,
        #: The language to write to the learner in.
        "language": (learner.preferred_language if learner and learner.preferred_language else app.language),
        "session_id": run.id,
        "session_title": run.title,
        "programme_id": run.programme_id,
        "programme_title": run.programme_title,
        "session_language": run.language,
        "starts_at": iso(run.starts_at),
        "ends_at": iso(run.ends_at),
        "status": app.status,
        "message": message,
        "offer_expires_at": iso(app.offer_expires_at),
    }


async def record(
    db: AsyncSession, type: str, app: Application, run: CourseSession, *, message: str | None = None, **extra: Any
) -> None:
    learner = pin(db, await db.get(Learner, app.learner_id))
    events.record(db, type, {**application_data(app, run, learner, message=message), **extra})
