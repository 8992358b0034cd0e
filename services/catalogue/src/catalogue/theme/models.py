from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlmodel import Field

from catalogue.db import CatalogueModel
from catalogue.timeutil import utcnow


class Theme(CatalogueModel, table=True):
    """One of the 18 themes of the ALGA Colleges (seed document), under a stable code."""

    __tablename__ = "theme"

    code: str = Field(primary_key=True, max_length=60)
    position: int = Field(default=0)
    title: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
