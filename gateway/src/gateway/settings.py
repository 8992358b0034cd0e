"""Gateway configuration, read from the environment.

Most settings carry the `GATEWAY_` prefix; the per-service ones (`IDENTITY_URL`,
`IDENTITY_PORT`, ...) and the JWT ones (`JWT_ISSUER`, `JWT_AUDIENCE`, `IDENTITY_JWKS_URL`) are
shared with the rest of the stack, so they are read under their own names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Order matters: the default ports are 8001..8006 in this order (DESIGN.md).
KNOWN_SERVICES: tuple[str, ...] = (
    "identity",
    "catalogue",
    "enrollment",
    "experts",
    "publications",
    "notifications",
)

# gateway/src/gateway/settings.py -> repository root is four levels up (in a checkout).
_REPO_ROOT = Path(__file__).resolve().parents[3]


def _default_spa_dir() -> Path:
    # In a checkout, the repository's frontend/; in an installed image (the package under
    # site-packages), the working directory's, where the image puts the built SPA.
    for root in (_REPO_ROOT, Path.cwd()):
        if (root / "frontend").is_dir():
            return root / "frontend" / "dist"
    return Path.cwd() / "frontend" / "dist"


def _env(name: str, field: str) -> AliasChoices:
    # The environment name first; the field name lets tests build Settings(field=...).
    return AliasChoices(name, field)


def _split_commas(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GATEWAY_", populate_by_name=True, extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    services: Annotated[list[str], NoDecode] = Field(default_factory=lambda: list(KNOWN_SERVICES))
    upstream_timeout: float = Field(15.0, gt=0)
    connect_timeout: float = Field(2.0, gt=0)
    health_timeout: float = Field(2.0, gt=0)
    #: Each service's part of the dashboard and the donor report must come within this (seconds);
    #: a slower or stopped service's part is marked missing and the rest is answered.
    dashboard_timeout: float = Field(3.0, gt=0)
    # How long fetched service OpenAPI documents are reused (merged document and the table of
    # protected operations). Short, so a redeployed service is picked up quickly.
    openapi_ttl: float = Field(30.0, ge=0)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    spa_dir: Path = Field(default_factory=_default_spa_dir)
    # Upstream keep-alive connections per service. The gateway is one process; 100 covers the
    # concurrency one uvicorn worker can usefully serve without queueing requests at the pool.
    pool_per_host: int = Field(100, ge=1)
    # Bodies up to this size are read whole (one write upstream / to the client); larger ones
    # are streamed so file uploads and downloads never sit in memory.
    buffer_limit: int = Field(256 * 1024, ge=0)
    token_cache_size: int = Field(10_000, ge=0)

    jwt_issuer: str = Field("alga-identity", validation_alias=_env("JWT_ISSUER", "jwt_issuer"))
    jwt_audience: str = Field("alga", validation_alias=_env("JWT_AUDIENCE", "jwt_audience"))
    identity_jwks_url: str | None = Field(None, validation_alias=_env("IDENTITY_JWKS_URL", "identity_jwks_url"))

    identity_url: str | None = Field(None, validation_alias=_env("IDENTITY_URL", "identity_url"))
    catalogue_url: str | None = Field(None, validation_alias=_env("CATALOGUE_URL", "catalogue_url"))
    enrollment_url: str | None = Field(None, validation_alias=_env("ENROLLMENT_URL", "enrollment_url"))
    experts_url: str | None = Field(None, validation_alias=_env("EXPERTS_URL", "experts_url"))
    publications_url: str | None = Field(None, validation_alias=_env("PUBLICATIONS_URL", "publications_url"))
    notifications_url: str | None = Field(None, validation_alias=_env("NOTIFICATIONS_URL", "notifications_url"))

    identity_port: int = Field(8001, validation_alias=_env("IDENTITY_PORT", "identity_port"))
    catalogue_port: int = Field(8002, validation_alias=_env("CATALOGUE_PORT", "catalogue_port"))
    enrollment_port: int = Field(8003, validation_alias=_env("ENROLLMENT_PORT", "enrollment_port"))
    experts_port: int = Field(8004, validation_alias=_env("EXPERTS_PORT", "experts_port"))
    publications_port: int = Field(8005, validation_alias=_env("PUBLICATIONS_PORT", "publications_port"))
    notifications_port: int = Field(8006, validation_alias=_env("NOTIFICATIONS_PORT", "notifications_port"))

    @field_validator("services", "cors_origins", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        # "identity,catalogue" in the environment, a list when built in code.
        return _split_commas(value)

    @field_validator("services")
    @classmethod
    def _known_services(cls, value: list[str]) -> list[str]:
        names = [name.lower() for name in value]
        unknown = sorted(set(names) - set(KNOWN_SERVICES))
        if unknown:
            raise ValueError(
                f"unknown service(s) {', '.join(unknown)} in GATEWAY_SERVICES; known: {', '.join(KNOWN_SERVICES)}"
            )
        return list(dict.fromkeys(names))

    def service_url(self, name: str) -> str:
        url = getattr(self, f"{name}_url")
        if not url:
            url = f"http://127.0.0.1:{getattr(self, f'{name}_port')}"
        return str(url).rstrip("/")

    def service_urls(self) -> dict[str, str]:
        """Upstream base URL of every enabled service, in the canonical order."""
        enabled = set(self.services)
        return {name: self.service_url(name) for name in KNOWN_SERVICES if name in enabled}

    def jwks_url(self) -> str:
        return self.identity_jwks_url or f"{self.service_url('identity')}/.well-known/jwks.json"
