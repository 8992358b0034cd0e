from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, Field
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings


class ExpertsSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="EXPERTS_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "experts"

    #: The address users open (the gateway, serving the SPA): profile links and JSON-LD `@id`s.
    public_url: str = Field(
        "http://127.0.0.1:8000", validation_alias=AliasChoices("EXPERTS_PUBLIC_URL", "ALGA_PUBLIC_URL", "public_url")
    )
    #: `seed` adds the demo experts (fictional people); unset: everywhere but production.
    seed_demo_experts: bool | None = None
    #: The CSV export stops after this many rows (the directory is in the hundreds, not millions).
    export_max_rows: int = Field(10000, ge=1, le=100000)
    #: Counts of people below this are shown as "< N" in statistics (docs/decisions/0007).
    suppression_threshold: int = Field(5, ge=2, validation_alias=AliasChoices("ALGA_SUPPRESSION_THRESHOLD"))

    @property
    def seeds_demo_experts(self) -> bool:
        return self.env != "production" if self.seed_demo_experts is None else self.seed_demo_experts


def get_settings() -> ExpertsSettings:
    return ExpertsSettings()
