from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from catalogue.countries import is_currency_code
from catalogue.module.schemas import ModuleRead
from catalogue.schemas import LongText, ShortText, Text, TextList, Title
from catalogue.session.schemas import SessionRead
from catalogue.vocabulary import Audience, ProgrammeKind, ProgrammeStatus

Code = Annotated[
    str, StringConstraints(strip_whitespace=True, to_lower=True, pattern=r"^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$")
]
Institution = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
#: A partner institution: the id of an organisation in identity (`GET /api/identity/organisations?partner=true`).
OrganisationId = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, to_lower=True, pattern=r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$"
    ),
]


def _currency(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip().upper()
    if not is_currency_code(value):
        raise ValueError("Not an ISO 4217 currency code (e.g. XOF, MAD, EUR, USD).")
    return value


def _unique(values: list[Any] | None) -> list[Any] | None:
    return None if values is None else list(dict.fromkeys(values))


class ProgrammeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Stable, readable identifier (`college-local-finance`); made from the title when omitted.
    code: Code | None = None
    kind: ProgrammeKind
    #: A theme code (`GET /themes`); Colleges need one.
    theme: str | None = Field(None, max_length=60)
    title: Title
    summary: Text | None = None
    description: LongText | None = None
    objectives: TextList | None = None
    prerequisites: Text | None = None
    duration: ShortText | None = None
    fees: Text | None = None
    scholarships: Text | None = None
    fee_amount: int | None = Field(None, ge=0, le=1_000_000_000)
    fee_currency: str | None = Field(None, description="ISO 4217")
    audiences: list[Audience] = Field(default_factory=list, max_length=len(Audience))
    partner_institutions: list[Institution] = Field(default_factory=list, max_length=20)
    #: The partner institutions' organisation ids (identity), which their pages and figures follow.
    partner_ids: list[OrganisationId] = Field(default_factory=list, max_length=20)

    check_currency = field_validator("fee_currency")(_currency)
    deduplicate = field_validator("audiences", "partner_institutions", "partner_ids")(_unique)


class ProgrammeUpdate(BaseModel):
    """Only the fields sent change; `null` clears an optional text."""

    model_config = ConfigDict(extra="forbid")

    kind: ProgrammeKind | None = None
    theme: str | None = Field(None, max_length=60)
    title: Title | None = None
    summary: Text | None = None
    description: LongText | None = None
    objectives: TextList | None = None
    prerequisites: Text | None = None
    duration: ShortText | None = None
    fees: Text | None = None
    scholarships: Text | None = None
    fee_amount: int | None = Field(None, ge=0, le=1_000_000_000)
    fee_currency: str | None = None
    audiences: list[Audience] | None = Field(None, max_length=len(Audience))
    partner_institutions: list[Institution] | None = Field(None, max_length=20)
    partner_ids: list[OrganisationId] | None = Field(None, max_length=20)

    check_currency = field_validator("fee_currency")(_currency)
    deduplicate = field_validator("audiences", "partner_institutions", "partner_ids")(_unique)


ProgrammeAction = Literal["publish", "archive"]


class ProgrammeTransition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: ProgrammeAction


class ProgrammeRead(BaseModel):
    id: str
    code: str
    kind: ProgrammeKind
    theme: str | None
    theme_title: str | None
    status: ProgrammeStatus
    title: str
    summary: str | None
    duration: str | None
    audiences: list[Audience]
    partner_institutions: list[str]
    #: Organisation ids (identity) of the partner institutions.
    partner_ids: list[str]
    fee_amount: int | None
    fee_currency: str | None
    module_count: int
    #: Sum of the modules' hours, when they have hours.
    total_hours: int | None
    #: The programme's page in the SPA.
    url: str
    published_at: datetime | None
    updated_at: datetime
    #: The language asked for; a text missing in it is given in fr, else en (see available_languages).
    lang: str
    available_languages: list[str]
    #: Every stored variant of every text (`?lang=all`, staff only).
    translations: dict[str, dict[str, Any]] | None = None
    #: What a coordinator may do now (`POST …/transitions`); staff only.
    allowed_actions: list[ProgrammeAction] | None = None


class ProgrammeDetail(ProgrammeRead):
    description: str | None
    objectives: list[str]
    prerequisites: str | None
    fees: str | None
    scholarships: str | None
    modules: list[ModuleRead]
    #: The next sessions open to the public (at most 20), earliest first.
    upcoming_sessions: list[SessionRead]
    #: schema.org `Course`, to embed as JSON-LD.
    json_ld: dict[str, Any]
