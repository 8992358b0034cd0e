from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

from identity.organisation.countries import is_country_code
from identity.user.models import Gender, Role

Language = Literal["fr", "en"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Position = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


def _country(value: str) -> str:
    value = value.strip().upper()
    if not is_country_code(value):
        raise ValueError("Not an ISO 3166-1 alpha-2 country code (e.g. SN, MA, KE).")
    return value


class UserRegister(BaseModel):
    email: EmailStr
    password: str = Field(min_length=1, max_length=1000)
    full_name: Name
    country: str = Field(description="ISO 3166-1 alpha-2 code", examples=["SN"])
    organisation_id: str | None = None
    position: Position | None = None
    preferred_language: Language = "fr"
    gender: Gender | None = Field(None, description="Optional, self-declared; used only in aggregate reports")

    @field_validator("country")
    @classmethod
    def _check_country(cls, value: str) -> str:
        return _country(value)


class UserUpdate(BaseModel):
    """Fields a user may change on their own account (all optional)."""

    full_name: Name | None = None
    country: str | None = None
    organisation_id: str | None = None
    position: Position | None = None
    preferred_language: Language | None = None
    gender: Gender | None = None

    @field_validator("country")
    @classmethod
    def _check_country(cls, value: str | None) -> str | None:
        return None if value is None else _country(value)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    email: str
    full_name: str
    country: str
    organisation_id: str | None
    position: str | None
    preferred_language: str
    gender: str | None
    roles: list[Role]
    created_at: datetime
    #: The partner institutions (organisation ids) whose focal point this user is.
    focal_point_of: list[str] = []


class RolesUpdate(BaseModel):
    roles: list[Role] = Field(description="The complete set of roles the user should hold")
