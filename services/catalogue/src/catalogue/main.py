"""The catalogue service: programmes, modules, sessions and events, themes, calendars (port 8002)."""

from __future__ import annotations

from typing import Any

import httpx
from fastapi import FastAPI

from catalogue.calendar.router import router as calendar_router
from catalogue.db import OutboxEvent
from catalogue.expert.client import ExpertsClient
from catalogue.expert.consumer import build_consumers
from catalogue.programme.router import router as programme_router
from catalogue.session.router import router as session_router
from catalogue.settings import CatalogueSettings
from catalogue.statistics.router import router as statistics_router
from catalogue.theme.router import router as theme_router
from common.app import create_service_app
from common.auth import TokenVerifier

DESCRIPTION = """The ALGA catalogue: the Executive Master in City Management, the ALGA Colleges (one per
theme), events (conferences, seminars, round tables, workshops, international expert seminars) and
their sessions. Public search with facets, iCalendar feeds and schema.org JSON-LD; coordinators
create, publish, open applications, cancel and complete. Texts in French and English (`?lang=` or
Accept-Language)."""


def create_app(
    settings: CatalogueSettings | None = None,
    *,
    verifier: TokenVerifier | None = None,
    experts_transport: httpx.AsyncBaseTransport | None = None,
) -> FastAPI:
    """`experts_transport`: how to reach experts (tests pass an ASGI transport); default HTTP."""
    settings = settings or CatalogueSettings()
    app = create_service_app(
        settings,
        title="ALGA Campus catalogue",
        description=DESCRIPTION,
        # The calendar router first: its `/sessions/{id}/calendar.ics` must not be read as a session id.
        routers=[calendar_router, theme_router, programme_router, session_router, statistics_router],
        outbox_model=OutboxEvent,
        consumers=build_consumers,
        verifier=verifier,
    )
    app.state.experts_client = ExpertsClient(
        settings.experts_url, timeout=settings.experts_timeout, transport=experts_transport
    )
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn catalogue.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
