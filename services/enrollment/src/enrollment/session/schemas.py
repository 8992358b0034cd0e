from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from enrollment.countries import normalise_country


class Question(BaseModel):
    """A question the programme asks applicants (answered in `answers[id]`)."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    label: dict[Literal["fr", "en", "ar", "pt"], Annotated[str, StringConstraints(min_length=1, max_length=500)]]
    required: bool = False


class SessionSettingsUpdate(BaseModel):
    """Enrollment's own settings of a session; only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    admission_mode: Literal["review", "automatic"] | None = None
    requires_endorsement: bool | None = None
    confirmation_days: int | None = Field(None, ge=1, le=90)
    completion_rule: Literal["attendance", "manual"] | None = None
    completion_threshold: int | None = Field(None, ge=1, le=100, description="Percent of days attended")
    country_quotas: dict[str, Annotated[int, Field(ge=0, le=100_000)]] | None = None
    questions: list[Question] | None = Field(None, max_length=20)

    @field_validator("country_quotas")
    @classmethod
    def _countries(cls, value: dict[str, int] | None) -> dict[str, int] | None:
        if value is None:
            return None
        out: dict[str, int] = {}
        for code, quota in value.items():
            country = normalise_country(code)
            if country is None:
                raise ValueError("Empty country code.")
            out[country] = quota
        return out

    @field_validator("questions")
    @classmethod
    def _unique_ids(cls, value: list[Question] | None) -> list[Question] | None:
        if value is not None and len({q.id for q in value}) != len(value):
            raise ValueError("Question ids must be unique.")
        return value

    def for_storage(self) -> dict[str, Any]:
        data = self.model_dump(exclude_unset=True, mode="json")
        return data


class SessionRead(BaseModel):
    """A session as enrollment sees it: catalogue's data (as last received) and enrollment's settings."""

    id: str
    title: str | None
    title_variants: dict[str, Any]
    programme_id: str | None
    programme_title: str | None
    status: str
    language: str | None
    delivery_mode: str | None
    starts_at: datetime | None
    ends_at: datetime | None
    timezone: str | None
    venue: dict[str, Any]
    capacity: int
    seats_taken: int
    seats_available: int
    waitlist_length: int
    applications_open: bool
    applications_open_at: datetime | None
    applications_close_at: datetime | None
    admission_mode: str
    requires_endorsement: bool
    confirmation_days: int
    completion_rule: str
    completion_threshold: int
    country_quotas: dict[str, int]
    questions: list[dict[str, Any]]
    #: The days attendance is taken on (a residential seminar's days, in its time zone).
    days: list[date]
    revision: int
    synced_at: datetime


class RosterEntry(BaseModel):
    application_id: str
    status: str
    learner_id: str
    full_name: str | None
    email: str | None
    country: str | None
    organisation_id: str | None
    organisation_name: str | None
    position: str | None
    gender: str | None
    confirmed_at: datetime | None
    days_present: int
    days_total: int
    attendance_percent: float | None
    certificate_code: str | None


class Roster(BaseModel):
    session_id: str
    capacity: int
    seats_taken: int
    items: list[RosterEntry]
    total: int
