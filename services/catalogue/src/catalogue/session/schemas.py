from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints, field_validator

from catalogue.countries import is_country_code
from catalogue.schemas import Text, Title
from catalogue.timeutil import is_time_zone
from catalogue.vocabulary import Audience, DeliveryMode, EventKind, SessionKind, SessionStatus
from common.i18n import LanguageCode

City = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class Venue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    city: City | None = None
    #: ISO 3166-1 alpha-2 (`SN`, `MA`…).
    country: str | None = None
    address: Address | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().upper()
        if not is_country_code(value):
            raise ValueError("Not an ISO 3166-1 alpha-2 country code.")
        return value


def _zone(value: str | None) -> str | None:
    if value is not None and not is_time_zone(value):
        raise ValueError("Not an IANA time zone (e.g. Africa/Dakar, Africa/Casablanca).")
    return value


def _trainers(value: list[UUID] | None) -> list[UUID] | None:
    return None if value is None else list(dict.fromkeys(value))


class SessionCreate(BaseModel):
    """A run of a programme (or of one of its modules), or a standalone event (no programme).

    Times without an offset are wall-clock times in `timezone`."""

    model_config = ConfigDict(extra="forbid")

    programme_id: str | None = Field(None, max_length=36)
    module_id: str | None = Field(None, max_length=36)
    #: Defaults to the module's or programme's title; required for a standalone event.
    title: Title | None = None
    summary: Text | None = None
    delivery_mode: DeliveryMode
    event_kind: EventKind | None = None
    #: Standalone events only (a programme's sessions take its theme).
    theme: str | None = Field(None, max_length=60)
    #: Standalone events only (a programme's sessions take its audiences).
    audiences: list[Audience] | None = Field(None, max_length=len(Audience))
    starts_at: datetime
    ends_at: datetime
    timezone: str = Field(description="IANA time zone, e.g. Africa/Dakar")
    venue: Venue | None = None
    #: Defaults to true for e-learning, webinars and hybrid sessions.
    online: bool | None = None
    online_url: AnyHttpUrl | None = None
    #: Teaching language.
    language: LanguageCode
    capacity: int = Field(gt=0, le=100_000)
    applications_open_at: datetime | None = None
    applications_close_at: datetime | None = None
    #: Expert ids of the trainers or speakers.
    trainer_ids: list[UUID] = Field(default_factory=list, max_length=50)

    check_zone = field_validator("timezone")(_zone)
    deduplicate = field_validator("trainer_ids")(_trainers)


class SessionUpdate(BaseModel):
    """Only the fields sent change. Changing `timezone` alone keeps the instants (the local
    times shown change)."""

    model_config = ConfigDict(extra="forbid")

    module_id: str | None = Field(None, max_length=36)
    title: Title | None = None
    summary: Text | None = None
    delivery_mode: DeliveryMode | None = None
    event_kind: EventKind | None = None
    theme: str | None = Field(None, max_length=60)
    audiences: list[Audience] | None = Field(None, max_length=len(Audience))
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    timezone: str | None = None
    venue: Venue | None = None
    online: bool | None = None
    online_url: AnyHttpUrl | None = None
    language: LanguageCode | None = None
    capacity: int | None = Field(None, gt=0, le=100_000)
    applications_open_at: datetime | None = None
    applications_close_at: datetime | None = None
    trainer_ids: list[UUID] | None = Field(None, max_length=50)

    check_zone = field_validator("timezone")(_zone)
    deduplicate = field_validator("trainer_ids")(_trainers)


SessionAction = Literal["publish", "open_applications", "close_applications", "cancel", "complete"]


class SessionTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: SessionAction
    #: Required to cancel: it is shown to the public and sent to applicants.
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class VenueRead(BaseModel):
    city: str | None
    country: str | None
    country_name: str | None
    address: str | None


class SessionRead(BaseModel):
    id: str
    programme_id: str | None
    programme_code: str | None
    programme_title: str | None
    module_id: str | None
    module_title: str | None
    kind: SessionKind
    event_kind: EventKind | None
    theme: str | None
    theme_title: str | None
    title: str
    summary: str | None
    delivery_mode: DeliveryMode
    #: Teaching language.
    language: str
    #: Local times, with the offset of `timezone`.
    starts_at: datetime
    ends_at: datetime
    timezone: str
    venue: VenueRead | None
    online: bool
    #: Staff only: the link is sent to participants, not published.
    online_url: str | None = None
    capacity: int
    applications_open_at: datetime | None
    applications_close_at: datetime | None
    #: One can apply now: applications are open and the window holds now.
    applications_open: bool
    trainer_ids: list[str]
    audiences: list[Audience]
    status: SessionStatus
    cancellation_reason: str | None
    revision: int
    #: The session's page in the SPA, and its iCalendar file.
    url: str
    ical_url: str
    published_at: datetime | None
    updated_at: datetime
    #: The language asked for; a text missing in it is given in fr, else en.
    lang: str
    available_languages: list[str]
    #: Every stored variant of the session's own texts (`?lang=all`, staff only).
    translations: dict[str, dict[str, Any]] | None = None
    #: What a coordinator may do now (`POST …/transitions`); staff only.
    allowed_actions: list[SessionAction] | None = None


class TrainerRead(BaseModel):
    """A trainer or speaker as the session page shows them."""

    id: str
    #: The name the expert's profile gives publicly; None when catalogue has not learnt it yet.
    name: str | None
    #: The expert has a public page in the directory (`/experts/{id}`).
    listed: bool


class SessionDetail(SessionRead):
    #: The trainers or speakers of `trainer_ids`, in the same order, by name.
    trainers: list[TrainerRead]
    #: schema.org `CourseInstance` (a run of a programme) or `Event` (a standalone event).
    json_ld: dict[str, Any]
