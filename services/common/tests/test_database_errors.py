"""A database that cannot be reached, or a pool with no free connection, answers 503 problem+json
with Retry-After (the caller may try again); a bad statement is still a 500 (it is a bug)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from common.db import Database
from common.errors import install_problem_handlers
from common.testing import running_app
from common.testing.processes import free_port


def _app(database: Database) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/count")
    async def count() -> dict[str, int]:
        async with database.read_session() as session:
            return {"n": (await session.execute(text("SELECT count(*) FROM missing_table"))).scalar_one()}

    @app.get("/busy")
    async def busy() -> None:
        # What SQLAlchemy raises when every pooled connection stays checked out for pool_timeout.
        raise sa_exc.TimeoutError("QueuePool limit of size 10 overflow 20 reached")

    return app


@pytest.fixture
async def unreachable() -> AsyncIterator[httpx.AsyncClient]:
    # Nothing listens on this port: connecting is refused at once, as when PostgreSQL is down.
    database = Database(f"postgresql://alga@127.0.0.1:{free_port()}/alga")
    async with running_app(_app(database)) as client:
        yield client
    await database.dispose()


async def test_an_unreachable_database_gives_503_with_retry_after(unreachable: httpx.AsyncClient) -> None:
    response = await unreachable.get("/count")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["retry-after"] == "5"
    body = response.json()
    assert body["title"] == "Database unavailable" and body["status"] == 503 and body["instance"] == "/count"


async def test_an_exhausted_pool_gives_503_busy(unreachable: httpx.AsyncClient) -> None:
    response = await unreachable.get("/busy")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.json()["title"] == "Service busy"


async def test_a_bad_statement_is_still_a_server_error(tmp_path: object) -> None:
    # SQLite says "no such table" with the same exception class as an outage: it must stay a 500.
    database = Database(f"sqlite:///{tmp_path}/x.db")
    try:
        async with running_app(_app(database)) as client:
            response = await client.get("/count")
    finally:
        await database.dispose()
    assert response.status_code == 500
    assert response.json()["title"] == "Internal server error"
