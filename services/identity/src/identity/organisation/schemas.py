from __future__ import annotations

import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator

from identity.organisation.countries import is_country_code
from identity.organisation.models import OrganisationKind


class OrganisationCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=300)]
    kind: OrganisationKind
    country: str

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        value = value.strip().upper()
        if not is_country_code(value):
            raise ValueError("Not an ISO 3166-1 alpha-2 country code.")
        return value


class OrganisationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    name: str
    kind: OrganisationKind
    country: str
    #: A partner institution of the academy (its activities are listed under `partner=<id>`).
    is_partner: bool = False
    #: The partner's focal point (a user id); shown to coordinators and admins only.
    focal_point_user_id: str | None = None


class PartnershipUpdate(BaseModel):
    """Make an organisation a partner (or stop), and name its focal point (a user id, or null)."""

    model_config = ConfigDict(extra="forbid")

    is_partner: bool
    focal_point_user_id: str | None = None

    @field_validator("focal_point_user_id")
    @classmethod
    def _user_id(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValueError("Not a user id.") from None


class Country(BaseModel):
    code: str
    name: str


class CountryList(BaseModel):
    items: list[Country]
    total: int
