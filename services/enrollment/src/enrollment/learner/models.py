from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class Learner(EnrollmentModel, table=True):
    """What enrollment keeps of a user, fed by `alga.identity.user.*` events (filters of the review
    queue, the roster, the language of notifications), so no request calls identity."""

    __tablename__ = "learner"

    user_id: str = Field(primary_key=True, max_length=36)
    email: str | None = Field(default=None, max_length=320)
    full_name: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=2, index=True)
    organisation_id: str | None = Field(default=None, max_length=36, index=True)
    position: str | None = Field(default=None, max_length=200)
    preferred_language: str | None = Field(default=None, max_length=5)
    gender: str | None = Field(default=None, max_length=20, index=True)
    #: `identity` once an identity event was applied; `token` while only the access token told us.
    source: str = Field(default="token", max_length=20)
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
