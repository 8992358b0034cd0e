import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Column, DateTime, ForeignKey, Index, Integer, String, Text
from sqlmodel import Field

from catalogue.db import CatalogueModel
from catalogue.timeutil import utcnow


class CourseSession(CatalogueModel, table=True):
    """One run of a programme, of one of its modules, or a standalone event.

    `kind`, `theme_code` and the audiences are copied from the programme (kept in step by the
    service) so that search filters and facet counts need no join. Instants are stored in UTC;
    `timezone` says where they are shown."""

    __tablename__ = "session"
    __table_args__ = (
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        # Every column a search filters or counts on, after the id: the sessions a full-text match
        # finds (ids) are looked up here, and a listing without words scans it, instead of the
        # wide rows (texts in every language, the search document).
        Index(
            "ix_session_search_facets_by_id",
            "id",
            "status",
            "theme_code",
            "kind",
            "event_kind",
            "delivery_mode",
            "language",
            "venue_country",
            "audience_mask",
            "starts_at",
            "ends_at",
            "applications_open_at",
            "applications_close_at",
        ),
    )

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    programme_id: str | None = Field(default=None, foreign_key="programme.id", max_length=36, index=True)
    module_id: str | None = Field(default=None, foreign_key="module.id", max_length=36, index=True)
    kind: str = Field(max_length=30, index=True)
    event_kind: str | None = Field(default=None, max_length=40, index=True)
    theme_code: str | None = Field(default=None, foreign_key="theme.code", max_length=60, index=True)
    title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    delivery_mode: str = Field(max_length=30, index=True)
    language: str = Field(max_length=8, index=True)
    starts_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    ends_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, index=True))
    timezone: str = Field(max_length=64)
    venue_city: str | None = Field(default=None, max_length=120)
    venue_country: str | None = Field(default=None, max_length=2, index=True)
    venue_address: str | None = Field(default=None, max_length=300)
    online: bool = Field(default=False)
    online_url: str | None = Field(default=None, max_length=500)
    capacity: int
    applications_open_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    applications_close_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    #: Expert ids (the experts service owns them) of the trainers or speakers.
    trainer_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default="draft", max_length=30, index=True)
    cancellation_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    #: Bumped on every change the public sees (the iCalendar SEQUENCE).
    revision: int = Field(default=0)
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    #: The session's audiences as bits (vocabulary.AUDIENCE_BITS), for search. Triggers on
    #: `session_audience` keep it in step; the service only gives it with a new row (sparing the
    #: triggers a second write of the row). Not read back: the audiences are `session_audience`.
    audience_mask: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=64)
    updated_by: str | None = Field(default=None, max_length=64)


class SessionAudience(CatalogueModel, table=True):
    """Who a session is for (its programme's audiences, or an event's own): one row per audience."""

    __tablename__ = "session_audience"
    # The sessions of an audience, read from the index alone (the audience filter).
    __table_args__ = (Index("ix_session_audience_audience_session", "audience", "session_id"),)

    session_id: str = Field(
        sa_column=Column(String(36), ForeignKey("session.id", ondelete="CASCADE"), primary_key=True)
    )
    audience: str = Field(primary_key=True, max_length=40)
