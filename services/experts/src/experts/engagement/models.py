import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, UniqueConstraint
from sqlmodel import Field

from experts.db import ExpertsModel
from experts.timeutil import utcnow


class Engagement(ExpertsModel, table=True):
    """A session an expert taught or spoke at (catalogue events) or a publication they authored
    (publications events): a read model of other services' data, rebuilt by replaying their events."""

    __tablename__ = "engagement"
    __table_args__ = (UniqueConstraint("profile_id", "kind", "source_id"),)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    profile_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    #: session | publication
    kind: str = Field(max_length=20)
    #: The catalogue session id or the publications record id.
    source_id: str = Field(max_length=36, index=True)
    #: trainer | speaker | author
    role: str = Field(max_length=20)
    title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: The source's own status: published, applications_open, cancelled, completed… or withdrawn.
    status: str = Field(max_length=30)
    theme: str | None = Field(default=None, max_length=60)
    starts_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    ends_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    year: int | None = Field(default=None)
    #: What else is shown: a session's city, country, language, delivery mode; a record's type.
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: The source's revision (catalogue sessions carry one) and event time: an older event than the
    #: one applied is ignored, so redelivery out of order cannot bring back stale data.
    source_revision: int | None = Field(default=None)
    source_time: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class SessionPartner(ExpertsModel, table=True):
    """A partner institution of a catalogue session's programme (an identity organisation id), from
    catalogue's session events: the experts mobilised for a partner are those of its sessions."""

    __tablename__ = "session_partner"

    session_id: str = Field(primary_key=True, max_length=36)
    organisation_id: str = Field(primary_key=True, max_length=36, index=True)
