"""Building a service's FastAPI app the same way everywhere.

`create_service_app` wires what every service has: problem+json errors, request ids, the token
verifier, the database, `/health` and `/ready`, and (when NATS is configured) the outbox relay
and the service's event consumers, run as background tasks for the app's lifetime.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from common.auth import TokenVerifier
from common.db import Database
from common.errors import install_problem_handlers
from common.events import EventConsumer, OutboxRelay
from common.observability import RequestIdMiddleware, configure_logging
from common.settings import ServiceSettings

log = logging.getLogger("alga.app")

READY_TIMEOUT_SECONDS = 2.0

#: Builds the consumers of a service once its database exists (they need it).
ConsumerFactory = Callable[[Database, str], Sequence[EventConsumer]]


def health_router(service: str) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", summary="Liveness: the process answers")
    async def health() -> dict[str, str]:
        """The process is up (it does not check its dependencies: see /ready)."""
        return {"status": "ok", "service": service}

    @router.get("/ready", summary="Readiness: the database answers", response_model=None)
    async def ready(request: Request) -> JSONResponse:
        """The database answers; NATS state is reported (events wait in the outbox when it is down)."""
        database: Database = request.app.state.database
        checks: dict[str, str] = {}
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                async with database.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
            checks["database"] = "up"
        except Exception as exc:  # any failure means "not ready", with the reason
            checks["database"] = f"down: {exc.__class__.__name__}"
        relay: OutboxRelay | None = request.app.state.relay
        checks["events"] = "disabled" if relay is None else ("up" if relay.connected else "down")
        ok = checks["database"] == "up"
        return JSONResponse(
            {"status": "ok" if ok else "unavailable", "service": service, "checks": checks},
            status_code=200 if ok else 503,
        )

    return router


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    outbox_model: Any | None = None,
    consumers: ConsumerFactory | None = None,
    verifier: TokenVerifier | None = None,
    version: str = "0.1.0",
    on_startup: Callable[[FastAPI], Any] | None = None,
) -> FastAPI:
    configure_logging(settings.log_level, settings.service_name)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.database_url)
        app.state.database = database
        app.state.relay = None
        tasks: list[asyncio.Task[None]] = []
        if settings.nats_url and outbox_model is not None:
            app.state.relay = OutboxRelay(database, outbox_model, settings.nats_url)
            tasks.append(asyncio.create_task(app.state.relay.run_forever()))
        running_consumers: Sequence[EventConsumer] = []
        if settings.nats_url and consumers is not None:
            running_consumers = consumers(database, settings.nats_url)
            tasks.extend(asyncio.create_task(c.run_forever()) for c in running_consumers)
        if on_startup is not None:
            result = on_startup(app)
            if asyncio.iscoroutine(result):
                await result
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            if app.state.relay is not None:
                await app.state.relay.close()
            for consumer in running_consumers:
                await consumer.close()
            await app.state.verifier.aclose()
            await database.dispose()

    app = FastAPI(title=title, description=description, version=version, lifespan=lifespan)
    app.state.settings = settings
    app.state.verifier = verifier or TokenVerifier(
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        jwks_url=settings.identity_jwks_url,
    )
    install_problem_handlers(app)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(health_router(settings.service_name))
    for router in routers:
        app.include_router(router)
    return app
