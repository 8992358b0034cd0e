from __future__ import annotations

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


class Country(BaseModel):
    code: str
    name: str


class CountryList(BaseModel):
    items: list[Country]
    total: int
