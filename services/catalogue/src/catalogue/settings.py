from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings, service_url


class CatalogueSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CATALOGUE_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "catalogue"

    #: The address users open (the gateway, serving the SPA): links in calendars and JSON-LD.
    public_url: str = Field(
        "http://127.0.0.1:8000", validation_alias=AliasChoices("CATALOGUE_PUBLIC_URL", "ALGA_PUBLIC_URL", "public_url")
    )
    #: A calendar feed holds at most this many sessions (the earliest first) ...
    calendar_max_events: int = Field(1000, ge=1, le=10000)
    #: ... and, unless `from` is given, none that ended more than this many days ago.
    calendar_past_days: int = Field(60, ge=0)
    #: The experts service, asked about trainer ids catalogue has not heard of through events.
    experts_url: str = Field(
        default_factory=lambda: service_url("experts"),
        validation_alias=AliasChoices("CATALOGUE_EXPERTS_URL", "EXPERTS_URL", "experts_url"),
    )
    #: Seconds to wait for experts before answering 503 (a coordinator is waiting).
    experts_timeout: float = Field(2.0, gt=0, le=30)
    #: `seed` adds example sessions and events; unset: everywhere but production.
    seed_sample_sessions: bool | None = None

    @field_validator("public_url", "experts_url")
    @classmethod
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def seeds_sample_sessions(self) -> bool:
        return self.env != "production" if self.seed_sample_sessions is None else self.seed_sample_sessions


def get_settings() -> CatalogueSettings:
    return CatalogueSettings()
