import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Text
from sqlmodel import Field

from experts.db import ExpertsModel
from experts.timeutil import utcnow
from experts.vocabulary import Availability, ProfileStatus


class ExpertProfile(ExpertsModel, table=True):
    """One expert or practitioner: their public profile, private contact details and vetting state."""

    __tablename__ = "expert_profile"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    #: The identity account (token subject) this profile belongs to; None for a profile a
    #: coordinator created for someone without an account. One profile per account.
    user_id: str | None = Field(default=None, max_length=36, unique=True)
    status: str = Field(default=ProfileStatus.pending.value, max_length=20, index=True)

    full_name: str = Field(max_length=200)
    #: fold(full_name) with its words sorted: what duplicate detection compares.
    name_key: str = Field(max_length=200, index=True)
    #: fold(full_name): accent-blind order of lists.
    sort_name: str = Field(max_length=200, index=True)
    title: str | None = Field(default=None, max_length=60)
    position: str | None = Field(default=None, max_length=200)
    organisation: str | None = Field(default=None, max_length=300)
    #: Country of residence, ISO 3166-1 alpha-2 (the countries of work are in expert_country).
    country: str = Field(max_length=2, index=True)
    keywords: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: The bio, one variant per language: {"fr": "…", "en": "…"}.
    bio: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: Canonical form 0000-0002-1825-0097 (checksum verified).
    orcid: str | None = Field(default=None, max_length=19, index=True)
    #: [{"url": "https://…", "label": "…"}]
    links: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    years_of_experience: int | None = Field(default=None)
    availability: str = Field(default=Availability.available.value, max_length=20, index=True)
    available_from: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    available_until: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    #: The expert's consent to appear in the public directory. Without it the profile is never public.
    public_listing_consent: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, index=True))
    consent_changed_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))

    # Private: never in a public response nor in an event.
    email: str | None = Field(default=None, max_length=320, index=True)
    phone: str | None = Field(default=None, max_length=40)
    #: The coordinator's note on the last vetting decision (shown to the expert and to staff).
    vetting_note: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    #: Set when a coordinator merged this profile into another (status `merged`).
    merged_into_id: str | None = Field(default=None, max_length=36, index=True)
    #: Every searchable text folded (experts.text.fold); indexed by the migrations (experts.search).
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    #: Grows by one at each change: consumers of our events order updates by it.
    revision: int = Field(default=1, sa_column=Column(Integer, nullable=False))

    created_by: str | None = Field(default=None, max_length=36)
    verified_by: str | None = Field(default=None, max_length=36)
    submitted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    verified_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    rejected_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    archived_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class ExpertTheme(ExpertsModel, table=True):
    """A profile's expertise themes (catalogue theme codes): a table so that facets count in SQL."""

    __tablename__ = "expert_theme"

    profile_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), primary_key=True)
    )
    theme: str = Field(primary_key=True, max_length=60, index=True)


class ExpertLanguage(ExpertsModel, table=True):
    """A language the expert works in: its BCP 47 tag, the tag's language subtag (the facet) and a level."""

    __tablename__ = "expert_language"

    profile_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), primary_key=True)
    )
    tag: str = Field(primary_key=True, max_length=35)
    language: str = Field(max_length=3, index=True)
    level: str = Field(max_length=20)
    position: int = Field(default=0)


class ExpertCountry(ExpertsModel, table=True):
    """The countries a profile is found under: residence and countries of work, one row each."""

    __tablename__ = "expert_country"

    profile_id: str = Field(
        sa_column=Column(String(36), ForeignKey("expert_profile.id", ondelete="CASCADE"), primary_key=True)
    )
    country: str = Field(primary_key=True, max_length=2, index=True)
    is_residence: bool = Field(default=False)
    is_work: bool = Field(default=False)
