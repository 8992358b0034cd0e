"""The identity service: users, roles, organisations, tokens, integrator clients (port 8001)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from common.app import create_service_app
from common.auth import TokenVerifier
from identity.auth.router import router as auth_router
from identity.auth.service import LoginThrottler, TokenIssuer
from identity.client.router import router as client_router
from identity.consumers import build_consumers
from identity.db import OutboxEvent
from identity.organisation.router import router as organisation_router
from identity.settings import IdentitySettings
from identity.signing_key.router import router as key_router
from identity.signing_key.service import KeyStore
from identity.statistics.router import router as statistics_router
from identity.user.router import router as user_router

DESCRIPTION = """Accounts of learners, experts, coordinators and admins; organisations (local
governments, national associations, partner universities); access tokens (RS256, JWKS) and OAuth2
client credentials for integrators."""


def create_app(settings: IdentitySettings | None = None) -> FastAPI:
    settings = settings or IdentitySettings()
    holder: dict[str, Any] = {}

    async def own_jwks() -> dict[str, Any]:
        # identity verifies its own tokens from its database, not by calling itself over HTTP.
        # Called on an unknown kid: another replica may have rotated, so skip the key cache.
        keys: KeyStore = holder["app"].state.keys
        keys.invalidate()
        return await keys.jwks()

    async def on_startup(app: FastAPI) -> None:
        keys = KeyStore(
            app.state.database, settings.key_encryption_secret.get_secret_value(), settings.access_token_ttl_seconds
        )
        await keys.ensure_key()
        app.state.keys = keys
        app.state.issuer = TokenIssuer(keys, settings)
        app.state.throttler = LoginThrottler(app.state.database, settings)

    app = create_service_app(
        settings,
        title="ALGA Campus identity",
        description=DESCRIPTION,
        routers=[auth_router, user_router, organisation_router, client_router, key_router, statistics_router],
        outbox_model=OutboxEvent,
        consumers=build_consumers,
        verifier=TokenVerifier(
            issuer=settings.jwt_issuer, audience=settings.jwt_audience, jwks_loader=own_jwks, min_refresh_interval=1.0
        ),
        on_startup=on_startup,
    )
    holder["app"] = app
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn identity.main:app` builds the app on first access, so that importing this module
    # (tests, tools) does not read the environment.
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
