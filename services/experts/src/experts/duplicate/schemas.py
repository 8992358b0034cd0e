from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from experts.duplicate.models import DuplicateReason, DuplicateStatus
from experts.timeutil import aware
from experts.vocabulary import ProfileStatus


class ProfileBrief(BaseModel):
    """Enough of each profile for a coordinator to judge whether two are one person."""

    id: str
    status: ProfileStatus
    full_name: str
    country: str
    position: str | None
    organisation: str | None
    email: str | None
    orcid: str | None
    user_id: str | None
    created_at: datetime

    @field_validator("created_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return aware(value)


class DuplicateRead(BaseModel):
    id: str
    status: DuplicateStatus
    reasons: list[DuplicateReason]
    #: The profile flagged when it was created, applied or changed.
    profile: ProfileBrief
    #: The profile it matched, which was there before.
    other: ProfileBrief
    merged_into_id: str | None
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None


class Resolution(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: merge: fold one profile into the other; keep_both: two people, never flag this pair again.
    action: Literal["merge", "keep_both"]
    #: For merge: the profile that remains (either of the pair); default the older one (`other`).
    into: str | None = Field(None, max_length=36)
