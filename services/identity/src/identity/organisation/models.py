import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, DateTime, UniqueConstraint
from sqlmodel import Field

from identity.db import IdentityModel
from identity.timeutil import utcnow


class OrganisationKind(StrEnum):
    local_government = "local_government"
    national_association = "national_association"
    university = "university"
    other = "other"


class Organisation(IdentityModel, table=True):
    """A body users belong to: a local government, a national association of local governments,
    a partner university…"""

    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("name", "country"),)

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    name: str = Field(max_length=300, index=True)
    kind: str = Field(max_length=40)
    country: str = Field(max_length=2, index=True)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=36)
