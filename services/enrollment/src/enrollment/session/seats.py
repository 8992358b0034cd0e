"""The seat lock: how accepted + confirmed never exceed a session's capacity under concurrency.

Every transaction that may change who holds a seat of a session (admission, a coordinator's
decision, a withdrawal, an expired offer, the waiting list moving up, a cancellation, a bulk
enrolment) first calls `lock_session`, and only then reads the counter and the applications.

- PostgreSQL: `SELECT … FOR UPDATE` on the session's row. A second transaction on the same session
  waits at that statement until the first commits, then reads the committed counter (READ
  COMMITTED takes a fresh snapshot per statement).
- SQLite has no row locks and no FOR UPDATE. It has one writer at a time: the transaction's first
  statement here is an UPDATE of the same row, which takes the database's write lock (waiting up to
  `busy_timeout` for the writer before it). Python's sqlite3 opens the transaction at the first
  write, so nothing was read inside the transaction before the lock: the counter read after it is
  the committed one. It is what `BEGIN IMMEDIATE` would do, without changing how the shared
  engine opens transactions.

`locked(session)` lets the code that moves seats assert that the lock is held.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import NotFound
from enrollment.dbutil import pin
from enrollment.session.models import CourseSession

_LOCKED = "enrollment_locked_sessions"


def _dialect(db: AsyncSession) -> str:
    bind = db.bind
    return bind.dialect.name if bind is not None else "sqlite"


async def lock_session(db: AsyncSession, session_id: str) -> CourseSession:
    """The session's row, locked until the transaction ends; 404 when enrollment does not know it."""
    if _dialect(db) == "sqlite":
        result = await db.execute(
            update(CourseSession)
            .where(col(CourseSession.id) == session_id)
            .values(lock_seq=col(CourseSession.lock_seq) + 1)
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 1) == 0:
            raise NotFound("No session with this id.")
        query = select(CourseSession).where(col(CourseSession.id) == session_id)
    else:
        query = select(CourseSession).where(col(CourseSession.id) == session_id).with_for_update()
    run = (await db.execute(query.execution_options(populate_existing=True))).scalar_one_or_none()
    if run is None:
        raise NotFound("No session with this id.")
    db.info.setdefault(_LOCKED, set()).add(session_id)
    return pin(db, run)


def is_locked(db: AsyncSession, session_id: str) -> bool:
    return session_id in db.info.get(_LOCKED, set())
