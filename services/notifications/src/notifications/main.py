"""The notifications service: e-mails and in-app notices, fed by the other services' events (port 8006)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from common.app import create_service_app
from common.auth import TokenVerifier
from common.db import Database
from notifications.consumers import build_consumers
from notifications.db import OutboxEvent
from notifications.delivery.router import router as delivery_router
from notifications.delivery.sender import Sender
from notifications.notification.router import router as notification_router
from notifications.settings import NotificationsSettings

log = logging.getLogger("notifications")

DESCRIPTION = """Tells people what changed, in their language (French or English): application
received, accepted, waitlisted or rejected, a seat offered from the waiting list (with its deadline),
a session cancelled or moved, a certificate issued, an expert profile verified. Fed by the other
services' events; each event gives at most one message per person. By e-mail (SMTP, or `.eml` files
under `var/mail/` in the embedded default) and in the SPA: `GET /notifications` lists the caller's
own, with the unread count."""


def create_app(settings: NotificationsSettings | None = None, *, verifier: TokenVerifier | None = None) -> FastAPI:
    settings = settings or NotificationsSettings()

    def consumers(database: Database, nats_url: str) -> Any:
        return build_consumers(database, nats_url, settings)

    app = create_service_app(
        settings,
        title="ALGA Campus notifications",
        description=DESCRIPTION,
        routers=[notification_router, delivery_router],
        outbox_model=OutboxEvent,
        consumers=consumers,
        verifier=verifier,
    )
    service_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The sender needs the database the service's lifespan opens, and must stop before it closes.
        async with service_lifespan(app):
            sender = Sender(app.state.database, settings)
            app.state.sender = sender
            app.state.database.on_events_committed.append(sender.wake)
            if settings.env == "production" and not settings.uses_smtp:
                log.warning(
                    "NOTIFICATIONS_SMTP_HOST is not set: e-mails are written to %s, not sent", settings.mail_directory
                )
            task = asyncio.create_task(sender.run_forever()) if settings.sender_enabled else None
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
    # `uvicorn notifications.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
