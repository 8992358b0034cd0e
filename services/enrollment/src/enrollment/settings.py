from __future__ import annotations

from typing import ClassVar

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import SettingsConfigDict

from common.settings import ServiceSettings, dev_secret


class EnrollmentSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="ENROLLMENT_", extra="ignore", populate_by_name=True)
    service_name: ClassVar[str] = "enrollment"

    #: Signs the single-use endorsement links (ENROLLMENT_LINK_SECRET): refused by default outside development.
    link_secret: SecretStr = dev_secret("development-only-enrollment-link-secret")
    #: The address users open (the gateway serving the SPA): endorsement links, certificate QR codes.
    public_url: str = Field(
        "http://127.0.0.1:8000",
        validation_alias=AliasChoices("ENROLLMENT_PUBLIC_URL", "ALGA_PUBLIC_URL", "public_url"),
    )
    #: Largest attachment (CV, letter of support, report) accepted, in bytes.
    max_attachment_bytes: int = Field(5 * 1024 * 1024, ge=1024)
    #: How often the sweeper releases the seats of offers not confirmed in time (seconds; 0: never).
    sweep_interval_seconds: float = Field(60.0, ge=0)
    #: How long an endorsement link stays valid (it is single-use in any case).
    endorsement_link_days: int = Field(30, ge=1, le=365)
    #: Largest CSV of a bulk enrolment.
    import_max_rows: int = Field(5000, ge=1)
    #: Counts of people below this are shown as "< N" in statistics (docs/decisions/0007).
    suppression_threshold: int = Field(5, ge=2, validation_alias=AliasChoices("ALGA_SUPPRESSION_THRESHOLD"))


def get_settings() -> EnrollmentSettings:
    return EnrollmentSettings()
