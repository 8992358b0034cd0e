from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from publications.identifiers import normalise_doi, normalise_isbn, normalise_orcid
from publications.schemas import AbstractText, KeywordLists, TitleText
from publications.vocabulary import LicenceId, RecordStatus, RecordType, is_language, is_theme

ShortStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
EARLIEST = date(1900, 1, 1)


def _uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except (ValueError, AttributeError, TypeError):
        raise ValueError("Not an id (a UUID such as 3f2a9c1d-…).") from None


def _ids(values: list[str]) -> list[str]:
    return list(dict.fromkeys(_uuid(v) for v in values))


class AuthorIn(BaseModel):
    """An author: a plain name, optionally an ORCID iD and/or the id of an expert of the Community.

    `name` may be written "Family, Given" (its order in citations); otherwise `family` says which
    part is the family name, else the last word is taken. Organisations (`organisation: true`)
    are cited by their whole name."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: ShortStr
    family: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    given: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    organisation: bool = False
    orcid: str | None = None
    expert_id: str | None = None

    @field_validator("orcid")
    @classmethod
    def _orcid(cls, value: str | None) -> str | None:
        return normalise_orcid(value) if value else None

    @field_validator("expert_id")
    @classmethod
    def _expert(cls, value: str | None) -> str | None:
        return _uuid(value) if value else None

    @model_validator(mode="after")
    def _parts(self) -> AuthorIn:
        if self.organisation:
            self.family = self.given = None
            return self
        if "," in self.name and not self.family:
            family, _, given = self.name.partition(",")
            self.family, self.given = family.strip(), given.strip() or None
            self.name = f"{self.given} {self.family}" if self.given else self.family
        elif not self.family:
            *first, last = self.name.split()
            self.family, self.given = last, " ".join(first) or None
        elif self.given is None:
            given = self.name.removesuffix(self.family).strip()
            self.given = given or None
        if self.organisation is False and not self.family:
            raise ValueError("Give the author's family name.")
        return self

    def stored(self) -> dict[str, Any]:
        return self.model_dump()


class _RecordFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("language", check_fields=False)
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip().lower()
        if not is_language(value):
            raise ValueError("Not an ISO 639-1 language code (fr, en, ar, pt, sw…).")
        return value

    @field_validator("published_on", check_fields=False)
    @classmethod
    def _date(cls, value: date | None) -> date | None:
        if value is None:
            return None
        if value < EARLIEST:
            raise ValueError("The publication date must be in 1900 or later.")
        if value > date.today() + timedelta(days=366):
            raise ValueError("The publication date is more than a year ahead.")
        return value

    @field_validator("themes", check_fields=False)
    @classmethod
    def _themes(cls, values: list[str] | None) -> list[str] | None:
        if values is None:
            return None
        codes = list(dict.fromkeys(v.strip() for v in values if v.strip()))
        unknown = [c for c in codes if not is_theme(c)]
        if unknown:
            raise ValueError(f"Unknown theme codes: {', '.join(unknown)} (see GET /vocabularies).")
        return codes

    @field_validator("doi", check_fields=False)
    @classmethod
    def _doi(cls, value: str | None) -> str | None:
        return normalise_doi(value) if value else None

    @field_validator("isbn", check_fields=False)
    @classmethod
    def _isbn(cls, value: str | None) -> str | None:
        return normalise_isbn(value) if value else None

    @field_validator(
        "related_programme_ids", "related_session_ids", "related_event_ids", "partner_ids", check_fields=False
    )
    @classmethod
    def _related(cls, values: list[str] | None) -> list[str] | None:
        return None if values is None else _ids(values)


class RecordCreate(_RecordFields):
    """A new record (a draft until it is published)."""

    type: RecordType
    title: TitleText
    abstract: AbstractText | None = None
    keywords: KeywordLists | None = None
    language: str
    published_on: date | None = None
    publisher: ShortStr | None = None
    place: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    series: ShortStr | None = None
    container_title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    authors: list[AuthorIn] = Field(default_factory=list, max_length=100)
    themes: list[str] = Field(default_factory=list, max_length=18)
    licence: LicenceId = LicenceId.all_rights_reserved
    doi: str | None = None
    isbn: str | None = None
    url: AnyHttpUrl | None = None
    related_programme_ids: list[str] = Field(default_factory=list, max_length=50)
    related_session_ids: list[str] = Field(default_factory=list, max_length=50)
    related_event_ids: list[str] = Field(default_factory=list, max_length=50)
    #: Partner institutions that took part (organisation ids in identity: `GET /api/identity/organisations`).
    partner_ids: list[str] = Field(default_factory=list, max_length=20)


class RecordUpdate(_RecordFields):
    """Only the fields sent change (`null` clears an optional one)."""

    type: RecordType | None = None
    title: TitleText | None = None
    abstract: AbstractText | None = None
    keywords: KeywordLists | None = None
    language: str | None = None
    published_on: date | None = None
    publisher: ShortStr | None = None
    place: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    series: ShortStr | None = None
    container_title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    authors: list[AuthorIn] | None = Field(None, max_length=100)
    themes: list[str] | None = Field(None, max_length=18)
    licence: LicenceId | None = None
    doi: str | None = None
    isbn: str | None = None
    url: AnyHttpUrl | None = None
    related_programme_ids: list[str] | None = Field(None, max_length=50)
    related_session_ids: list[str] | None = Field(None, max_length=50)
    related_event_ids: list[str] | None = Field(None, max_length=50)
    partner_ids: list[str] | None = Field(None, max_length=20)


class RecordAction(StrEnum):
    publish = "publish"
    withdraw = "withdraw"


class RecordTransition(BaseModel):
    action: RecordAction
    #: Required to withdraw: it stays public, on the record's tombstone and in its last version.
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


# ---------------------------------------------------------------------------- responses


class AuthorRead(BaseModel):
    name: str
    family: str | None = None
    given: str | None = None
    organisation: bool = False
    orcid: str | None = None
    orcid_url: str | None = None
    expert_id: str | None = None


class ThemeRead(BaseModel):
    code: str
    label: str


class LicenceRead(BaseModel):
    id: str
    label: str
    url: str | None


class FileRead(BaseModel):
    id: str
    filename: str
    media_type: str
    size_bytes: int
    sha256: str
    label: str | None
    uploaded_at: datetime
    #: Where to download it (through the gateway).
    url: str
    download_count: int | None = None
    #: Only in versions: the file was removed from the record later on.
    removed: bool = False


class RecordRead(BaseModel):
    id: str
    type: RecordType
    type_label: str
    title: str
    abstract: str | None
    keywords: list[str]
    #: The document's language (ISO 639-1) and its name in the asked language.
    language: str
    language_label: str
    published_on: date | None
    year: int | None
    publisher: str | None
    place: str | None
    series: str | None
    container_title: str | None
    authors: list[AuthorRead]
    themes: list[ThemeRead]
    licence: LicenceRead
    doi: str | None
    doi_url: str | None
    isbn: str | None
    url: str | None
    related_programme_ids: list[str]
    related_session_ids: list[str]
    related_event_ids: list[str]
    #: Partner institutions that took part (identity organisation ids).
    partner_ids: list[str] = []
    status: RecordStatus
    version: int
    files: list[FileRead]
    download_count: int
    #: The record's page (SPA) and its citation in each format.
    page_url: str
    citation_urls: dict[str, str]
    published_at: datetime | None
    updated_at: datetime
    #: The language asked for; a text missing in it is given in fr, else en.
    lang: str
    available_languages: list[str]
    #: Every stored variant of the record's texts (`?lang=all`, staff only).
    translations: dict[str, dict[str, Any]] | None = None
    #: Staff only: why it was withdrawn is public too, on the 410 tombstone.
    withdrawn_reason: str | None = None
    withdrawn_at: datetime | None = None
    #: What a coordinator may do now (`POST …/transitions`); staff only.
    allowed_actions: list[RecordAction] | None = None


class RecordDetail(RecordRead):
    #: schema.org JSON-LD: `Book`, `Report`, `ScholarlyArticle`, …
    json_ld: dict[str, Any]


class VersionSummary(BaseModel):
    number: int
    change: str
    created_at: datetime
    title: str


class VersionList(BaseModel):
    record_id: str
    current: int
    items: list[VersionSummary]
    total: int


class VersionRead(BaseModel):
    number: int
    change: str
    created_at: datetime
    #: Is this the record as it is now?
    current: bool
    record: RecordRead
