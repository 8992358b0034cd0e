"""Database access: one async engine per service, one transaction per request.

SQLite (embedded default) and PostgreSQL (production, and tests when TEST_DATABASE_URL is set)
are both first-class. URLs may be given in their plain form (`sqlite:///…`, `postgresql://…`);
we pick the drivers: aiosqlite / psycopg 3 for the app, the sync forms for Alembic.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import MetaData, event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import registry

# Stable constraint names, so migrations autogenerate the same names on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_registry() -> registry:
    """A registry (and metadata) of a service's own: services never share table metadata."""
    return registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))


def async_url(url: str) -> str:
    u = make_url(url)
    if u.drivername in ("sqlite", "sqlite+pysqlite"):
        u = u.set(drivername="sqlite+aiosqlite")
    elif u.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    u = make_url(url)
    if u.drivername == "sqlite+aiosqlite":
        u = u.set(drivername="sqlite")
    elif u.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    return u.render_as_string(hide_password=False)


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # We emit BEGIN ourselves (see _sqlite_begin): the driver's own implicit BEGIN is DEFERRED.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers run while one writer writes; busy_timeout makes concurrent writers wait
    # for the lock instead of failing at once with "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    # A page cache of 16 MiB per connection instead of SQLite's 2 MiB: searches and listings
    # read the same index pages request after request, and a cache too small for them reads
    # them back from the operating system every time (a copy and a system call per page).
    cursor.execute("PRAGMA cache_size=-16384")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # A DEFERRED transaction that reads and then writes must upgrade its lock, and SQLite answers
    # "database is locked" at once (no busy wait) if another writer got there first. Transactions
    # that may write therefore start IMMEDIATE: they queue for the write lock at BEGIN, under
    # busy_timeout, and never fail half-way. Read-only requests stay DEFERRED (WAL readers run
    # alongside the writer).
    conn.exec_driver_sql("BEGIN " + conn.get_execution_options().get("sqlite_begin", "DEFERRED"))


#: Planner settings of every PostgreSQL connection of the services, sent with the connection
#: (libpq `options`, no extra round trip). The services' databases are small OLTP stores that
#: PostgreSQL serves from memory:
#: - `jit`: compiling a plan with LLVM costs tens of milliseconds, worth it only for long
#:   analytical queries; it starts at a plan cost (100,000) that a request's statement reaches as
#:   soon as the planner overestimates a row count, and then the request pays it, every time.
#: - `random_page_cost`: the default (4) models disks seeking; with the data in memory (or on
#:   SSD) a page read at random costs about what a sequential one does. With 4, the planner
#:   prefers reading every row of `session` and matching its search vector (8-10 ms for 10,000
#:   sessions) to the GIN index and a bitmap of the matching rows (2-4 ms), ADR 0006.
POSTGRES_SETTINGS: dict[str, str] = {"jit": "off", "random_page_cost": "1.1"}


def postgres_options(settings: dict[str, str] = POSTGRES_SETTINGS) -> str:
    """The libpq `options` string that sets `settings` on a new connection."""
    return " ".join(f"-c {name}={value}" for name, value in settings.items())


def create_engine_for(url: str, *, echo: bool = False) -> AsyncEngine:
    url = async_url(url)
    kwargs: dict[str, Any] = {"echo": echo}
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
    else:
        kwargs.update(pool_size=10, max_overflow=20, pool_pre_ping=True, pool_timeout=10)
        # After any `options` of the URL's own (`?options=-c …`), which connect_args would replace.
        given = make_url(url).query.get("options")
        own = given if isinstance(given, str) else " ".join(given or ())
        kwargs["connect_args"] = {"options": f"{own} {postgres_options()}".strip()}
    engine = create_async_engine(url, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _sqlite_connect)
        event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


class Database:
    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = async_url(url)
        self.engine = create_engine_for(url, echo=echo)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if is_sqlite(self.url) else self.engine
        #: Sessions that may write (the default, also for background work).
        self.sessionmaker = async_sessionmaker(writer, class_=AsyncSession, expire_on_commit=False, autoflush=True)
        #: Sessions that only read (GET requests): on SQLite they do not queue for the write lock.
        self.read_sessionmaker = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False, autoflush=True
        )
        #: Called after every successful commit that wrote outbox events (wakes the relay).
        self.on_events_committed: list[Any] = []

    def session(self) -> AsyncSession:
        """A session that may write. On SQLite it takes the write lock when its transaction
        begins: never open one while a writing transaction of the same task is still open."""
        return self.sessionmaker()

    def read_session(self) -> AsyncSession:
        """A session for reading only (safe alongside an open writing transaction)."""
        return self.read_sessionmaker()

    async def dispose(self) -> None:
        await self.engine.dispose()

    def notify_committed(self, session: AsyncSession) -> None:
        if session.info.pop("outbox_written", False):
            for callback in self.on_events_committed:
                callback()


READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def _request_session(request: Request) -> AsyncIterator[AsyncSession]:
    database: Database = request.app.state.database
    maker = database.read_sessionmaker if request.method in READ_ONLY_METHODS else database.sessionmaker
    async with maker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        else:
            # Committed here, before the response is sent: a client that got 2xx can rely on
            # the change (and its outbox events) being stored.
            await session.commit()
            database.notify_committed(session)


#: The request's session. `scope="function"` closes it (commit) when the endpoint returns,
#: before FastAPI sends the response.
DBSession = Annotated[AsyncSession, Depends(_request_session, scope="function")]
