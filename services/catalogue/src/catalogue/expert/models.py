from datetime import datetime

from sqlalchemy import Boolean, Column, DateTime, false
from sqlmodel import Field

from catalogue.db import CatalogueModel
from catalogue.timeutil import utcnow


class ExpertStatus(CatalogueModel, table=True):
    """Where an expert's profile stands in vetting, as the experts service last told us.

    A read model fed by `alga.experts.profile.*` events (docs/decisions/0008): naming trainers
    checks it instead of calling experts, and session pages show trainers by `full_name` from it.
    `revision` is the profile's own, so an event delivered late never undoes a newer one. Nothing
    private: the events carry public fields only."""

    __tablename__ = "expert_status"

    id: str = Field(primary_key=True, max_length=36)
    #: pending | verified | rejected | archived | merged (experts' ProfileStatus).
    status: str = Field(max_length=20)
    #: After a merge: the profile that now stands for the person.
    merged_into_id: str | None = Field(default=None, max_length=36)
    revision: int = Field(default=0)
    #: The name the profile gives publicly; None for rows synced before names were kept.
    full_name: str | None = Field(default=None, max_length=200)
    #: The profile has a public page in the directory (verified and consenting to be listed).
    listed: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))
    synced_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
