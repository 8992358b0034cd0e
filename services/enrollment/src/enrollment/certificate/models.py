import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, DateTime, ForeignKey, String, Text
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class Certificate(EnrollmentModel, table=True):
    """Issued when an enrolment is completed. What it certifies is copied in at issue time, so the
    certificate reads the same whatever happens to the session later."""

    __tablename__ = "certificate"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    #: The public verification code: 16 base32 characters (80 random bits).
    code: str = Field(max_length=32, unique=True)
    application_id: str = Field(sa_column=Column(String(36), ForeignKey("application.id"), nullable=False, unique=True))
    learner_id: str = Field(max_length=36, index=True)
    session_id: str = Field(max_length=36, index=True)
    holder_name: str = Field(max_length=200)
    programme_title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    session_title: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    session_starts_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    session_ends_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    completed_on: date = Field(sa_column=Column(Date, nullable=False))
    language: str = Field(default="fr", max_length=5)
    #: valid | revoked
    status: str = Field(default="valid", max_length=10)
    issued_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    revocation_reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
