import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Column, DateTime, String, UniqueConstraint, false
from sqlmodel import Field

from identity.db import IdentityModel
from identity.timeutil import utcnow


class OrganisationKind(StrEnum):
    local_government = "local_government"
    national_association = "national_association"
    university = "university"
    #: A training or research institute (the anchoring institutes of the academy's partnerships).
    institute = "institute"
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
    #: A partner institution of the academy (framework agreements: universities, national
    #: associations, anchoring institutes); its activities are listed and counted by partner.
    is_partner: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false(), index=True)
    )
    #: The user who follows the activities run with the partner (the agreement's "point focal").
    #: No foreign key: user_account already references organisation, and a cycle would tie them.
    focal_point_user_id: str | None = Field(default=None, sa_column=Column(String(36), nullable=True, index=True))
    updated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    updated_by: str | None = Field(default=None, max_length=36)
