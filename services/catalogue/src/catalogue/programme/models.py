import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String, Text
from sqlmodel import Field

from catalogue.db import CatalogueModel
from catalogue.timeutil import utcnow


class Programme(CatalogueModel, table=True):
    """The Executive Master, an ALGA College, or a recurring series of events.

    Texts are translatable JSON objects (`{"fr": …, "en": …}`); `search_text` is their folded
    form, kept by the service and indexed per database (docs/decisions/0006)."""

    __tablename__ = "programme"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    code: str = Field(max_length=80, unique=True)
    kind: str = Field(max_length=30, index=True)
    theme_code: str | None = Field(default=None, foreign_key="theme.code", max_length=60, index=True)
    status: str = Field(default="draft", max_length=20, index=True)
    title: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    description: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    #: {"fr": ["…", "…"], "en": [...]}
    objectives: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    prerequisites: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    duration: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fees: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    scholarships: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    fee_amount: int | None = Field(default=None)
    fee_currency: str | None = Field(default=None, max_length=3)
    partner_institutions: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False))
    published_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    archived_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=64)
    updated_by: str | None = Field(default=None, max_length=64)


class ProgrammeAudience(CatalogueModel, table=True):
    """Who a programme is for: one row per audience, so filters and facet counts stay in SQL."""

    __tablename__ = "programme_audience"

    programme_id: str = Field(
        sa_column=Column(String(36), ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    )
    audience: str = Field(primary_key=True, max_length=40, index=True)


class ProgrammePartner(CatalogueModel, table=True):
    """A partner institution taking part in a programme (an identity organisation id), one row per
    partner, so the partner's programmes, sessions and figures are found in SQL."""

    __tablename__ = "programme_partner"

    programme_id: str = Field(
        sa_column=Column(String(36), ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    )
    organisation_id: str = Field(primary_key=True, max_length=36, index=True)
