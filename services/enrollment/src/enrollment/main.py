"""The enrollment service: applications, endorsements, seats, waiting lists, attendance and
certificates (port 8003)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI

from common.app import create_service_app
from common.auth import TokenVerifier
from enrollment import sweeper
from enrollment.application.router import router as application_router
from enrollment.bulk.router import MAX_CSV_BYTES
from enrollment.bulk.router import router as bulk_router
from enrollment.certificate.router import router as certificate_router
from enrollment.consumers import build_consumers
from enrollment.db import OutboxEvent
from enrollment.endorsement.router import router as endorsement_router
from enrollment.limits import BodyLimitMiddleware
from enrollment.session.router import router as session_router
from enrollment.settings import EnrollmentSettings
from enrollment.statistics.router import router as statistics_router

DESCRIPTION = """Applications to the academy's sessions and what follows them: endorsements by employers or
national associations, review by coordinators, seats and waiting lists (never oversold), confirmation,
attendance, completion and certificates with public verification. Sessions and learners are local
copies fed by catalogue's and identity's events, so applying works while those services are down."""


def create_app(settings: EnrollmentSettings | None = None, *, verifier: TokenVerifier | None = None) -> FastAPI:
    settings = settings or EnrollmentSettings()
    app = create_service_app(
        settings,
        title="ALGA Campus enrollment",
        description=DESCRIPTION,
        routers=[
            application_router,
            session_router,
            bulk_router,
            endorsement_router,
            certificate_router,
            statistics_router,
        ],
        outbox_model=OutboxEvent,
        consumers=build_consumers,
        verifier=verifier,
    )
    app.add_middleware(
        BodyLimitMiddleware,
        limits=[
            (r"^/applications/[^/]+/attachments$", settings.max_attachment_bytes + 64 * 1024),
            (r"^/sessions/[^/]+/imports$", MAX_CSV_BYTES + 64 * 1024),
        ],
    )
    base_lifespan = app.router.lifespan_context

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with base_lifespan(app):
            task = None
            if settings.sweep_interval_seconds > 0:
                task = asyncio.create_task(sweeper.run_forever(app.state.database, settings.sweep_interval_seconds))
            try:
                yield
            finally:
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task

    app.router.lifespan_context = lifespan
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn enrollment.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
