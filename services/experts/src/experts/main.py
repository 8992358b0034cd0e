"""The experts service: the Community of Experts and Practitioners (port 8004)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from common.app import create_service_app
from common.auth import TokenVerifier
from experts.db import OutboxEvent
from experts.directory.router import router as directory_router
from experts.duplicate.router import router as duplicate_router
from experts.engagement.consumer import build_consumers
from experts.profile.router import router as profile_router
from experts.settings import ExpertsSettings
from experts.statistics.router import router as statistics_router
from experts.vetting.router import router as vetting_router

DESCRIPTION = """The ALGA Community of Experts and Practitioners in decentralisation and local
governance. A public directory of verified experts who consented to be listed (full-text search,
facets by theme, country, language and availability; schema.org `Person` JSON-LD); people apply to
join and edit their own profile; coordinators vet applications, review possible duplicates and
export the directory. Engagement history (sessions taught, publications authored) comes from
catalogue and publications events. E-mail and phone are never public. Bios in French and English
(`?lang=` or Accept-Language)."""


def create_app(settings: ExpertsSettings | None = None, *, verifier: TokenVerifier | None = None) -> FastAPI:
    settings = settings or ExpertsSettings()
    return create_service_app(
        settings,
        title="ALGA Campus experts",
        description=DESCRIPTION,
        # The directory first: `/experts/export.csv` must not be read as an expert id.
        routers=[directory_router, profile_router, vetting_router, duplicate_router, statistics_router],
        outbox_model=OutboxEvent,
        consumers=build_consumers,
        verifier=verifier,
    )


def __getattr__(name: str) -> Any:
    # `uvicorn experts.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
