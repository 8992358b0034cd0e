from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, Text
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class CourseSession(EnrollmentModel, table=True):
    """A catalogue session as enrollment knows it, plus enrollment's own settings and seat counter.

    The catalogue part is a read model fed by `alga.catalogue.session.*` events (applying works while
    catalogue is down); `revision` is catalogue's, so an older event never overwrites a newer state.
    The settings part belongs to enrollment: coordinators set it here, never in catalogue.
    This row is also the session's seat lock: every change of who holds a seat locks it first
    (see `enrollment.session.seats`)."""

    __tablename__ = "course_session"

    id: str = Field(primary_key=True, max_length=36)
    # -- from catalogue
    programme_id: str | None = Field(default=None, max_length=36, index=True)
    programme_code: str | None = Field(default=None, max_length=60)
    programme_title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    module_id: str | None = Field(default=None, max_length=36)
    kind: str | None = Field(default=None, max_length=30)
    event_kind: str | None = Field(default=None, max_length=40)
    theme: str | None = Field(default=None, max_length=60)
    title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="published", max_length=30, index=True)
    language: str | None = Field(default=None, max_length=8)
    delivery_mode: str | None = Field(default=None, max_length=30)
    capacity: int = Field(default=0)
    starts_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    ends_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    timezone: str | None = Field(default=None, max_length=64)
    venue: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    applications_open_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    applications_close_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    audiences: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    cancellation_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    revision: int = Field(default=0)
    synced_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    # -- enrollment's own settings
    #: `review`: coordinators decide; `automatic`: first come, first served while seats last.
    admission_mode: str = Field(default="review", max_length=20)
    requires_endorsement: bool = Field(default=False)
    #: Days an accepted learner has to confirm the seat before it is offered to the next one.
    confirmation_days: int = Field(default=7)
    #: `attendance`: completed with at least `completion_threshold`% of the days; `manual`: coordinators decide.
    completion_rule: str | None = Field(default=None, max_length=20)
    completion_threshold: int = Field(default=80)
    #: Most seats learners of one country may hold (`{"SN": 5}`); a country not listed has no limit.
    country_quotas: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: What the programme asks applicants: `[{"id", "label": {"fr", "en"}, "required"}]`.
    questions: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    settings_updated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    settings_updated_by: str | None = Field(default=None, max_length=64)
    # -- the seat counter (accepted + confirmed + completed + no-show) and the waiting list's order
    seats_taken: int = Field(default=0)
    waitlist_seq: int = Field(default=0)
    #: Bumped to take SQLite's write lock before reading the counter (SQLite has no FOR UPDATE).
    lock_seq: int = Field(default=0)


class SessionPartner(EnrollmentModel, table=True):
    """A partner institution of the session's programme (an identity organisation id), from
    catalogue's session events: a partner's figures count the sessions of its programmes."""

    __tablename__ = "session_partner"

    session_id: str = Field(
        sa_column=Column(String(36), ForeignKey("course_session.id", ondelete="CASCADE"), primary_key=True)
    )
    organisation_id: str = Field(primary_key=True, max_length=36, index=True)
