import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, String, Text
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class Endorsement(EnrollmentModel, table=True):
    """The endorsement a programme may require from the learner's employer or national association.

    The endorser acts through a signed link carrying `nonce`; using it clears the nonce, so the
    link works once."""

    __tablename__ = "endorsement"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    application_id: str = Field(
        sa_column=Column(String(36), ForeignKey("application.id", ondelete="CASCADE"), nullable=False, unique=True)
    )
    endorser_name: str = Field(max_length=200)
    endorser_email: str = Field(max_length=320, index=True)
    endorser_organisation: str | None = Field(default=None, max_length=300)
    endorser_role: str | None = Field(default=None, max_length=200)
    #: pending | endorsed | declined
    status: str = Field(default="pending", max_length=20)
    nonce: str | None = Field(default=None, max_length=64)
    comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    requested_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    decided_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
