import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, String
from sqlmodel import Field

from catalogue.db import CatalogueModel
from catalogue.timeutil import utcnow


class Module(CatalogueModel, table=True):
    """A unit of a programme (the Master's residential seminars, e-learning courses, study trips,
    internships), in order, with its hours."""

    __tablename__ = "module"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    programme_id: str = Field(
        sa_column=Column(String(36), ForeignKey("programme.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    position: int = Field(default=0)
    title: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    summary: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    hours: int | None = Field(default=None)
    delivery_mode: str = Field(max_length=30)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
