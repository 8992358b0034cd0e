"""The periodic half of the confirmation deadline: offers not confirmed in time release their seat,
and the waiting list moves up, even when nobody looks at the application (the lazy half is in
`application.service.expire_if_due`)."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import select
from sqlmodel import col

from common.db import Database
from enrollment.application import workflow
from enrollment.application.models import Application, Status
from enrollment.session.seats import lock_session
from enrollment.timeutil import utcnow

log = logging.getLogger("enrollment.sweeper")


async def sweep(database: Database) -> int:
    """Expire every overdue offer; returns how many."""
    now = utcnow()
    async with database.session() as db:
        session_ids = list(
            (
                await db.execute(
                    select(col(Application.session_id))
                    .where(col(Application.status) == Status.accepted, col(Application.offer_expires_at) <= now)
                    .distinct()
                )
            ).scalars()
        )
    expired = 0
    for session_id in session_ids:
        async with database.session() as db:
            run = await lock_session(db, session_id)
            count = await workflow.expire_overdue(db, run, now=now)
            await db.commit()
            database.notify_committed(db)
            expired += count
    return expired


async def run_forever(database: Database, interval: float) -> None:
    while True:
        try:
            count = await sweep(database)
            if count:
                log.info("released %d seats whose offer was not confirmed in time", count)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("seat sweep failed; retrying")
        await asyncio.sleep(interval)
