import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Text
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class ImportJob(EnrollmentModel, table=True):
    """A bulk enrolment from CSV: every row validated first, then all applied in one transaction
    (or none). `processed`/`total` show progress while it runs."""

    __tablename__ = "import_job"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    session_id: str = Field(max_length=36, index=True)
    #: queued | validating | applying | completed | failed
    status: str = Field(default="queued", max_length=20)
    total: int = Field(default=0)
    processed: int = Field(default=0)
    enrolled: int = Field(default=0)
    errors: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    #: The uploaded CSV, kept until the job ends.
    content: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    message: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    finished_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
