"""What a fresh install starts with: the 18 themes, the Executive Master with its modules, the 18
Colleges, the international expert seminars, and (outside production) example sessions.

Idempotent: what exists (by code, or by the fixed id of an example session) is left as it is, so
running it twice adds nothing and never undoes a coordinator's edits. Separate from the migrations.
It goes through the services, so the data obeys the same rules as the API's and the published
programmes and sessions have their events in the outbox for the other services' read models.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from catalogue import seed_data as data
from catalogue.module import service as modules
from catalogue.module.schemas import ModuleCreate
from catalogue.programme import service as programmes
from catalogue.programme.models import Programme
from catalogue.programme.schemas import ProgrammeCreate
from catalogue.session import service as sessions
from catalogue.session.models import CourseSession
from catalogue.session.schemas import SessionCreate
from catalogue.theme.models import Theme
from catalogue.timeutil import utcnow

log = logging.getLogger("catalogue.seed")

SEED_BY = "seed"
#: Example sessions get ids derived from their key: the same on every run and every install.
NAMESPACE = uuid.UUID("6f1f3a52-7c55-4e0b-9a43-2f4a1d0c8e11")


def sample_session_id(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"session:{key}"))


@dataclass
class SeedReport:
    themes: int = 0
    programmes: int = 0
    sessions: int = 0

    def __str__(self) -> str:
        return f"{self.themes} themes, {self.programmes} programmes, {self.sessions} sessions added"


async def seed_themes(session: AsyncSession) -> int:
    existing = set((await session.execute(select(col(Theme.code)))).scalars())
    added = 0
    for position, (code, title_fr, title_en, summary_fr, summary_en) in enumerate(data.THEMES, start=1):
        if code in existing:
            continue
        session.add(
            Theme(
                code=code,
                position=position,
                title={"fr": title_fr, "en": title_en},
                summary={"fr": summary_fr, "en": summary_en},
            )
        )
        added += 1
    await session.flush()
    return added


ModuleSpec = tuple[str, str, str, str, int, str]


def _programme_specs() -> list[tuple[dict[str, Any], list[ModuleSpec]]]:
    specs: list[tuple[dict[str, Any], list[ModuleSpec]]] = [(data.MASTER, data.MASTER_MODULES)]
    for code, title_fr, title_en, summary_fr, summary_en in data.THEMES:
        specs.append(
            (
                {
                    "code": data.college_code(code),
                    "kind": "college",
                    "theme": code,
                    "title": {"fr": f"Collège ALGA : {title_fr}", "en": f"ALGA College: {title_en}"},
                    "summary": {
                        "fr": summary_fr + data.COLLEGE_TEXT["summary_fr"],
                        "en": summary_en + data.COLLEGE_TEXT["summary_en"],
                    },
                    "duration": data.COLLEGE_TEXT["duration"],
                    "fees": data.COLLEGE_TEXT["fees"],
                    "scholarships": data.COLLEGE_TEXT["scholarships"],
                    "audiences": ["elected_official", "secretary_general", *data.COLLEGE_AUDIENCES[code]],
                    "partner_institutions": [data.UCA],
                    "partner_ids": [data.UCA_ID],
                },
                [],
            )
        )
    specs.append((data.SERIES, []))
    return specs


async def seed_programmes(session: AsyncSession) -> int:
    existing = set((await session.execute(select(col(Programme.code)))).scalars())
    added = 0
    for spec, module_specs in _programme_specs():
        if spec["code"] in existing:
            continue
        programme = await programmes.create(session, data=ProgrammeCreate.model_validate(spec), by=SEED_BY)
        for title_fr, title_en, summary_fr, summary_en, hours, mode in module_specs:
            await modules.create(
                session,
                programme=programme,
                data=ModuleCreate.model_validate(
                    {
                        "title": {"fr": title_fr, "en": title_en},
                        "summary": {"fr": summary_fr, "en": summary_en},
                        "hours": hours,
                        "delivery_mode": mode,
                    }
                ),
            )
        await programmes.transition(session, programme=programme, action="publish", by=SEED_BY)
        added += 1
    return added


def _times(sample: data.SampleSession, today: datetime) -> tuple[datetime, datetime]:
    zone = ZoneInfo(sample.timezone)
    day = (today + timedelta(days=sample.days_ahead)).date()
    if sample.hours is not None:
        starts = datetime.combine(day, time(10, 0), tzinfo=zone)
        return starts, starts + timedelta(hours=sample.hours)
    starts = datetime.combine(day, time(9, 0), tzinfo=zone)
    last_day = day + timedelta(days=sample.days - 1)
    return starts, datetime.combine(last_day, time(17, 0), tzinfo=zone)


def _window(sample: data.SampleSession, starts: datetime, now: datetime) -> tuple[datetime, datetime]:
    if sample.status == "published":
        # Applications open later: an announced session.
        opens = max(starts - timedelta(days=60), now + timedelta(days=7))
        return opens, starts - timedelta(days=10)
    return now - timedelta(days=7), starts - timedelta(days=min(7, sample.days_ahead - 3))


async def seed_sample_sessions(session: AsyncSession, *, now: datetime | None = None) -> int:
    now = now or utcnow()
    ids = {sample_session_id(s.key): s for s in data.SAMPLE_SESSIONS}
    existing = set(
        (await session.execute(select(col(CourseSession.id)).where(col(CourseSession.id).in_(ids)))).scalars()
    )
    codes = {p.code: p for p in (await session.execute(select(Programme))).scalars()}
    added = 0
    for session_id, sample in ids.items():
        if session_id in existing:
            continue
        programme = codes.get(sample.programme) if sample.programme else None
        if sample.programme and programme is None:
            log.warning("seed: programme %s is missing; session %s skipped", sample.programme, sample.key)
            continue
        module_id = None
        if programme is not None and sample.module is not None:
            module_id = next(
                (m.id for m in await modules.of_programme(session, programme.id) if m.position == sample.module), None
            )
        starts, ends = _times(sample, now)
        opens, closes = _window(sample, starts, now)
        payload: dict[str, Any] = {
            "programme_id": programme.id if programme else None,
            "module_id": module_id,
            "delivery_mode": sample.mode,
            "event_kind": sample.event_kind,
            "starts_at": starts,
            "ends_at": ends,
            "timezone": sample.timezone,
            "language": sample.language,
            "capacity": sample.capacity,
            "applications_open_at": opens,
            "applications_close_at": closes,
        }
        if sample.city:
            payload["venue"] = {"city": sample.city, "country": sample.country}
        if sample.title:
            payload["title"] = sample.title
        if sample.summary:
            payload["summary"] = sample.summary
        if sample.theme:
            payload["theme"] = sample.theme
        if programme is None:
            payload["audiences"] = ["elected_official", *data.DIRECTORS]
        run = await sessions.create(
            session, data=SessionCreate.model_validate(payload), by=SEED_BY, session_id=session_id
        )
        await sessions.transition(session, run=run, action="publish", reason=None, by=SEED_BY, now=now)
        if sample.status in ("applications_open", "applications_closed"):
            await sessions.transition(session, run=run, action="open_applications", reason=None, by=SEED_BY, now=now)
        if sample.status == "applications_closed":
            await sessions.transition(session, run=run, action="close_applications", reason=None, by=SEED_BY, now=now)
        added += 1
    return added


async def seed(session: AsyncSession, *, sample_sessions: bool = True) -> SeedReport:
    report = SeedReport()
    report.themes = await seed_themes(session)
    report.programmes = await seed_programmes(session)
    if sample_sessions:
        report.sessions = await seed_sample_sessions(session)
    await session.flush()
    return report
