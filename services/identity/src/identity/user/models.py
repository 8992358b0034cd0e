import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, DateTime, ForeignKey, String
from sqlmodel import Field

from identity.db import IdentityModel
from identity.timeutil import utcnow


class Role(StrEnum):
    learner = "learner"
    expert = "expert"
    coordinator = "coordinator"
    admin = "admin"


class Gender(StrEnum):
    """Self-declared, optional: only used for gender-disaggregated reporting."""

    female = "female"
    male = "male"
    other = "other"
    undisclosed = "undisclosed"


class User(IdentityModel, table=True):
    __tablename__ = "user_account"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    # Stored lower-cased: e-mail addresses are unique whatever their case.
    email: str = Field(max_length=320, unique=True)
    password_hash: str = Field(max_length=300)
    full_name: str = Field(max_length=200)
    country: str = Field(max_length=2)
    organisation_id: str | None = Field(
        default=None, sa_column=Column(String(36), ForeignKey("organisation.id"), nullable=True)
    )
    position: str | None = Field(default=None, max_length=200)
    preferred_language: str = Field(default="fr", max_length=5)
    gender: str | None = Field(default=None, max_length=20)
    is_active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class UserRole(IdentityModel, table=True):
    __tablename__ = "user_role"

    user_id: str = Field(
        sa_column=Column(String(36), ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True)
    )
    role: str = Field(primary_key=True, max_length=20)
    granted_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    granted_by: str | None = Field(default=None, max_length=36)
