from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from common.pagination import Page
from enrollment.countries import normalise_country

Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_lower=True, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

Action = Literal["submit", "review", "accept", "waitlist", "reject", "confirm", "withdraw", "complete", "no_show"]
BulkAction = Literal["review", "accept", "waitlist", "reject", "withdraw", "complete", "no_show"]


class EndorserIn(BaseModel):
    """Who endorses the application (the learner's employer or national association)."""

    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    email: Email
    organisation: ShortText | None = None
    role: ShortText | None = None


class ApplicationCreate(BaseModel):
    """`{session_id, motivation}` is enough; the rest is optional or taken from the profile."""

    model_config = ConfigDict(extra="forbid")

    session_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=36)]
    motivation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=5000)]
    position: ShortText | None = None
    organisation_id: Annotated[str, StringConstraints(max_length=36)] | None = None
    organisation_name: ShortText | None = None
    #: ISO 3166-1 alpha-2; defaults to the profile's country.
    country: str | None = None
    #: Answers to the session's questions, by question id.
    answers: dict[
        Annotated[str, StringConstraints(max_length=40)], Annotated[str, StringConstraints(max_length=5000)]
    ] = Field(default_factory=dict, max_length=20)
    #: Required when the session asks for an endorsement.
    endorser: EndorserIn | None = None
    #: Keep as a draft (submitted later with the `submit` action).
    draft: bool = False

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return normalise_country(value)


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Action
    #: Why: shown to the learner in the timeline and sent with the notification.
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class BulkTransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    application_ids: list[Annotated[str, StringConstraints(max_length=36)]] = Field(min_length=1, max_length=500)
    action: BulkAction
    message: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class TimelineEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: str
    from_status: str | None
    to_status: str
    by: str
    by_role: str
    message: str | None
    at: datetime


class EndorsementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    endorser_name: str
    endorser_email: str
    endorser_organisation: str | None
    endorser_role: str | None
    status: str
    comment: str | None
    requested_at: datetime
    decided_at: datetime | None


class AttachmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    filename: str
    size: int
    sha256: str
    uploaded_at: datetime


class PlacementIn(BaseModel):
    """An internship or study trip: host, tutor, report."""

    model_config = ConfigDict(extra="forbid")

    host_organisation: ShortText | None = None
    host_city: Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)] | None = None
    host_country: str | None = None
    tutor_name: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    tutor_email: Email | None = None
    report_title: ShortText | None = None
    report_summary: Annotated[str, StringConstraints(max_length=10000)] | None = None
    #: An attachment of kind `report` of this application.
    report_attachment_id: Annotated[str, StringConstraints(max_length=36)] | None = None
    report_accepted: bool | None = None

    @field_validator("host_country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return normalise_country(value)


class PlacementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    host_organisation: str | None
    host_city: str | None
    host_country: str | None
    tutor_name: str | None
    tutor_email: str | None
    report_title: str | None
    report_summary: str | None
    report_attachment_id: str | None
    report_accepted: bool | None
    updated_at: datetime


class SessionSummary(BaseModel):
    id: str
    title: str | None
    status: str
    starts_at: datetime | None
    ends_at: datetime | None
    language: str | None
    delivery_mode: str | None


class LearnerSummary(BaseModel):
    user_id: str
    full_name: str | None
    email: str | None
    country: str | None
    organisation_id: str | None
    position: str | None
    gender: str | None


class ApplicationRead(BaseModel):
    id: str
    session_id: str
    session: SessionSummary
    learner_id: str
    learner: LearnerSummary | None
    status: str
    motivation: str
    position: str | None
    organisation_id: str | None
    organisation_name: str | None
    country: str | None
    answers: dict[str, Any]
    language: str
    source: str
    #: 1 for the first in line (waitlisted only).
    waitlist_position: int | None
    #: Confirm before this, or the seat goes to the next learner (accepted only).
    offer_expires_at: datetime | None
    submitted_at: datetime | None
    decided_at: datetime | None
    confirmed_at: datetime | None
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    endorsement: EndorsementRead | None
    certificate_code: str | None
    #: What the caller may do now (`POST /applications/{id}/transitions`).
    allowed_actions: list[str]


class ApplicationDetail(ApplicationRead):
    timeline: list[TimelineEntry]
    attachments: list[AttachmentRead]
    placement: PlacementRead | None
    #: What the learner's attendance QR code holds (a seat taken: confirmed, completed, no-show):
    #: typed or pasted at the door when the code cannot be scanned.
    attendance_code: str | None = None


class ApplicationPage(Page[ApplicationRead]):
    #: Counts per value of the filtered list: status (everyone); country and gender (coordinators).
    facets: dict[str, dict[str, int]]


class BulkResult(BaseModel):
    action: str
    items: list[ApplicationRead]
    total: int
