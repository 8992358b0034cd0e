"""What goes into a profile and what comes out of it.

Three views of one profile: `ExpertSummary`/`ExpertDetail` for the public directory (no private
field exists in them, whoever asks), and `ProfileRead` for the expert themselves and coordinators
(contact details, status, vetting note; duplicate candidates for coordinators).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AnyHttpUrl,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from experts.identifiers import InvalidIdentifier, is_country_code, normalise_language_tag, normalise_orcid
from experts.schemas import Bio
from experts.vocabulary import THEMES, Availability, LanguageLevel, ProfileStatus

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Keyword = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Phone = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=6, max_length=40, pattern=r"^\+?[0-9 ().\-/]+$")
]


class LanguageSkill(BaseModel):
    #: A BCP 47 tag (fr, en-GB, ar-MA, ff-Latn-SN); stored in its canonical form.
    tag: str = Field(max_length=35)
    level: LanguageLevel = LanguageLevel.fluent

    @field_validator("tag")
    @classmethod
    def _tag(cls, value: str) -> str:
        try:
            return normalise_language_tag(value)
        except InvalidIdentifier as exc:
            raise ValueError(str(exc)) from None


class Link(BaseModel):
    url: AnyHttpUrl
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = None


def _country(value: str) -> str:
    value = value.strip().upper()
    if not is_country_code(value):
        raise ValueError("Not an ISO 3166-1 alpha-2 country code.")
    return value


def _optional_country(value: str | None) -> str | None:
    return None if value is None else _country(value)


def _orcid(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return normalise_orcid(value)
    except InvalidIdentifier as exc:
        raise ValueError(str(exc)) from None


def _themes(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    codes = [v.strip() for v in value if v.strip()]
    unknown = [c for c in codes if c not in THEMES]
    if unknown:
        raise ValueError(f"Unknown theme code(s): {', '.join(unknown)}. Use the catalogue's theme codes.")
    return [c for c in THEMES if c in set(codes)]  # the catalogue's order, no repeats


def _languages(value: list[LanguageSkill] | None) -> list[LanguageSkill] | None:
    if value is None:
        return None
    seen: dict[str, LanguageSkill] = {}
    for skill in value:
        seen.setdefault(skill.tag, skill)
    return list(seen.values())


def _keywords(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    out: dict[str, str] = {}
    for keyword in value:
        out.setdefault(keyword.casefold(), keyword)
    return list(out.values())


def _countries(value: list[str] | None) -> list[str] | None:
    return None if value is None else sorted({_country(v) for v in value})


class ProfileFields(BaseModel):
    """The fields an expert fills in (all optional here: ProfileCreate says which are required)."""

    model_config = ConfigDict(extra="forbid")

    full_name: Name | None = None
    #: Honorific or academic title: Dr, Pr, Me, Eng.
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=60)] | None = None
    position: ShortText | None = None
    organisation: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)] | None = None
    #: Country of residence, ISO 3166-1 alpha-2.
    country: str | None = None
    #: Countries the expert has worked in or covers, ISO 3166-1 alpha-2.
    work_countries: list[str] | None = Field(None, max_length=60)
    languages: list[LanguageSkill] | None = Field(None, max_length=20)
    #: Catalogue theme codes (GET /api/catalogue/themes).
    themes: list[str] | None = Field(None, max_length=18)
    keywords: list[Keyword] | None = Field(None, max_length=30)
    bio: Bio | None = None
    #: ORCID iD, in any usual form (https://orcid.org/0000-0002-1825-0097, 0000000218250097…).
    orcid: str | None = Field(None, max_length=60)
    links: list[Link] | None = Field(None, max_length=10)
    years_of_experience: int | None = Field(None, ge=0, le=70)
    availability: Availability | None = None
    available_from: date | None = None
    available_until: date | None = None
    #: Consent to appear in the public directory (name, position, bio… never the e-mail or phone).
    public_listing_consent: bool | None = None
    #: Private: seen by the expert and coordinators only.
    email: EmailStr | None = None
    #: Private: seen by the expert and coordinators only.
    phone: Phone | None = None

    country_check = field_validator("country")(_optional_country)
    work_countries_check = field_validator("work_countries")(_countries)
    themes_check = field_validator("themes")(_themes)
    languages_check = field_validator("languages")(_languages)
    keywords_check = field_validator("keywords")(_keywords)
    orcid_check = field_validator("orcid")(_orcid)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return None if value is None else value.lower()


class ProfileCreate(ProfileFields):
    """Applying to join (and a coordinator's direct creation): a name and a country at least."""

    full_name: Name
    country: str
    public_listing_consent: bool = False
    availability: Availability = Availability.available

    @model_validator(mode="after")
    def _dates(self) -> ProfileCreate:
        if self.available_from and self.available_until and self.available_until < self.available_from:
            raise ValueError("available_until must not be before available_from.")
        return self


class StaffProfileCreate(ProfileCreate):
    """A coordinator adds a profile directly: already verified unless they say `pending`."""

    #: The identity account of the person, when they have one (one profile per account).
    user_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=36)] | None = None
    status: Literal["pending", "verified"] = "verified"
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class ProfileUpdate(ProfileFields):
    """Only the fields sent change (`null` clears an optional one); the result is checked whole."""


class Transition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["verify", "reject", "archive"]
    #: Required to reject: the applicant reads it.
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


# ---------------------------------------------------------------------------- reads


class CodeName(BaseModel):
    code: str
    name: str


class LanguageRead(BaseModel):
    tag: str
    language: str
    level: LanguageLevel
    #: "French (Senegal)" / "français (Sénégal)".
    name: str
    level_label: str


class LinkRead(BaseModel):
    url: str
    label: str | None = None


class EngagementRead(BaseModel):
    kind: Literal["session", "publication"]
    #: The catalogue session id or the publications record id.
    id: str
    role: str
    title: str
    status: str
    theme: str | None = None
    theme_title: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    year: int | None = None
    details: dict[str, Any] = {}
    url: str


class ExpertSummary(BaseModel):
    """A directory entry: public fields only."""

    id: str
    full_name: str
    title: str | None
    position: str | None
    organisation: str | None
    country: str
    country_name: str
    themes: list[CodeName]
    languages: list[LanguageRead]
    availability: Availability
    url: str


class ExpertDetail(ExpertSummary):
    """A public profile page: public fields only, the bio in the asked language, schema.org JSON-LD."""

    work_countries: list[CodeName]
    keywords: list[str]
    bio: str | None
    orcid: str | None
    orcid_url: str | None
    links: list[LinkRead]
    years_of_experience: int | None
    available_from: date | None
    available_until: date | None
    verified_at: datetime | None
    engagements: list[EngagementRead]
    lang: str
    available_languages: list[str]
    json_ld: dict[str, Any]


class DuplicateRef(BaseModel):
    """A possible duplicate, as shown on a profile to coordinators."""

    id: str
    other_profile_id: str
    other_full_name: str
    other_status: ProfileStatus
    reasons: list[str]
    status: str


class ProfileRead(BaseModel):
    """The whole profile: for the expert themselves (GET /me) and coordinators."""

    id: str
    user_id: str | None
    status: ProfileStatus
    full_name: str
    title: str | None
    position: str | None
    organisation: str | None
    country: str
    country_name: str
    work_countries: list[CodeName]
    languages: list[LanguageRead]
    themes: list[CodeName]
    keywords: list[str]
    bio: str | None
    #: Every stored variant of the bio, for editing.
    bio_translations: dict[str, str]
    orcid: str | None
    orcid_url: str | None
    links: list[LinkRead]
    years_of_experience: int | None
    availability: Availability
    available_from: date | None
    available_until: date | None
    public_listing_consent: bool
    #: Listed in the public directory now (verified and consenting).
    listed: bool
    email: str | None
    phone: str | None
    vetting_note: str | None
    merged_into_id: str | None
    submitted_at: datetime | None
    verified_at: datetime | None
    rejected_at: datetime | None
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    revision: int
    engagements: list[EngagementRead]
    lang: str
    url: str
    #: Coordinators only: open duplicate candidates involving this profile.
    duplicate_candidates: list[DuplicateRef] | None = None
    #: Coordinators only: the vetting actions the status allows now.
    allowed_actions: list[str] | None = None


class ExpertStatus(BaseModel):
    """Whether an id names an expert who may be named as a trainer or speaker."""

    id: str
    #: The profile that stands for the person now (another id after a merge); None when unknown.
    resolved_id: str | None
    status: ProfileStatus | Literal["unknown"]
    #: True for a verified profile: the only ones catalogue sessions should name.
    verified: bool


class StatusCheck(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=36)]] = Field(
        min_length=1, max_length=100
    )


class StatusList(BaseModel):
    items: list[ExpertStatus]
