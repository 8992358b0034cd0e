import secrets
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, LargeBinary, String, Text
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class Status(StrEnum):
    draft = "draft"
    submitted = "submitted"
    endorsed = "endorsed"
    under_review = "under_review"
    accepted = "accepted"
    waitlisted = "waitlisted"
    rejected = "rejected"
    confirmed = "confirmed"
    completed = "completed"
    withdrawn = "withdrawn"
    no_show = "no_show"
    #: An accepted learner did not confirm in time: the seat went to the next one.
    expired = "expired"
    #: The session was cancelled.
    cancelled = "cancelled"


#: Statuses that take one of the session's seats.
HOLDS_SEAT = frozenset({Status.accepted, Status.confirmed, Status.completed, Status.no_show})
#: Statuses of a learner's one live application to a session (a second one is refused).
LIVE = frozenset(
    {
        Status.draft,
        Status.submitted,
        Status.endorsed,
        Status.under_review,
        Status.accepted,
        Status.waitlisted,
        Status.confirmed,
        Status.completed,
        Status.no_show,
    }
)
#: Awaiting a decision.
PENDING = frozenset({Status.submitted, Status.endorsed, Status.under_review})


def new_attendance_token() -> str:
    return secrets.token_urlsafe(18)


class Application(EnrollmentModel, table=True):
    __tablename__ = "application"
    __table_args__ = (Index("ix_application_session_status", "session_id", "status"),)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    session_id: str = Field(sa_column=Column(String(36), ForeignKey("course_session.id"), nullable=False))
    learner_id: str = Field(max_length=36, index=True)
    status: str = Field(max_length=20)
    #: `<learner>:<session>` while the application is live, else NULL: a unique column that makes a
    #: second live application impossible on every backend (NULLs never collide).
    live_slot: str | None = Field(default=None, max_length=80, unique=True)
    motivation: str = Field(sa_column=Column(Text, nullable=False))
    position: str | None = Field(default=None, max_length=200)
    organisation_id: str | None = Field(default=None, max_length=36, index=True)
    organisation_name: str | None = Field(default=None, max_length=300)
    #: ISO 3166-1 alpha-2, from the form or the learner's profile (per-country quotas count it).
    country: str | None = Field(default=None, max_length=2, index=True)
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: The learner's language when they applied (what notifications write in).
    language: str = Field(default="fr", max_length=5)
    #: `learner` (applied), `import` (bulk enrolment by a coordinator).
    source: str = Field(default="learner", max_length=20)
    waitlist_seq: int | None = Field(default=None)
    offer_expires_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), index=True))
    #: Opaque token in the learner's attendance QR code.
    attendance_token: str = Field(default_factory=new_attendance_token, max_length=40, unique=True)
    submitted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    decided_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    completed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class ApplicationTransition(EnrollmentModel, table=True):
    """One step of an application's timeline: who moved it, when, why."""

    __tablename__ = "application_transition"

    id: int | None = Field(default=None, primary_key=True)
    application_id: str = Field(
        sa_column=Column(String(36), ForeignKey("application.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    action: str = Field(max_length=30)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str = Field(max_length=20)
    #: A user id, or `system` (automatic admission, expiry, waiting list) or `endorser`.
    by: str = Field(max_length=64)
    #: learner | coordinator | endorser | system
    by_role: str = Field(max_length=20)
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Attachment(EnrollmentModel, table=True):
    """A PDF joined to an application: CV, letter of support, internship or study-trip report."""

    __tablename__ = "attachment"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    application_id: str = Field(
        sa_column=Column(String(36), ForeignKey("application.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    kind: str = Field(max_length=20)
    filename: str = Field(max_length=200)
    size: int
    sha256: str = Field(max_length=64)
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    uploaded_by: str = Field(max_length=64)
    uploaded_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class IdempotencyKey(EnrollmentModel, table=True):
    """A submission made with an `Idempotency-Key`: the same key and body give the same answer."""

    __tablename__ = "idempotency_key"

    owner: str = Field(primary_key=True, max_length=64)
    key: str = Field(primary_key=True, max_length=200)
    request_hash: str = Field(max_length=64)
    application_id: str = Field(max_length=36)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Placement(EnrollmentModel, table=True):
    """Where an internship or study trip took place: host, tutor, and the report."""

    __tablename__ = "placement"

    application_id: str = Field(
        sa_column=Column(String(36), ForeignKey("application.id", ondelete="CASCADE"), primary_key=True)
    )
    host_organisation: str | None = Field(default=None, max_length=300)
    host_city: str | None = Field(default=None, max_length=120)
    host_country: str | None = Field(default=None, max_length=2)
    tutor_name: str | None = Field(default=None, max_length=200)
    tutor_email: str | None = Field(default=None, max_length=320)
    report_title: str | None = Field(default=None, max_length=300)
    report_summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    report_attachment_id: str | None = Field(default=None, max_length=36)
    report_accepted: bool | None = Field(default=None)
    updated_by: str = Field(max_length=64)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
