import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, UniqueConstraint
from sqlmodel import Field

from experts.db import ExpertsModel
from experts.timeutil import utcnow


class DuplicateStatus(StrEnum):
    open = "open"
    #: A coordinator merged one profile of the pair into the other.
    merged = "merged"
    #: A coordinator said they are two people ("keep both"): the pair is not flagged again.
    dismissed = "dismissed"
    #: One profile of the pair was merged into a third one; the pair no longer exists.
    superseded = "superseded"


class DuplicateReason(StrEnum):
    email = "email"
    orcid = "orcid"
    name_country = "name_country"


class DuplicateCandidate(ExpertsModel, table=True):
    """A pair of profiles that may be one person: `profile_id` (the newer, flagged when created,
    applied or changed) matched `other_id` (already there) on `reasons`."""

    __tablename__ = "duplicate_candidate"
    __table_args__ = (UniqueConstraint("profile_id", "other_id"),)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    profile_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    other_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    status: str = Field(default=DuplicateStatus.open.value, max_length=20, index=True)
    #: After a merge: the profile that remains.
    merged_into_id: str | None = Field(default=None, max_length=36)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    resolved_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    resolved_by: str | None = Field(default=None, max_length=36)
