from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, String
from sqlmodel import Field

from enrollment.db import EnrollmentModel
from enrollment.timeutil import utcnow


class Attendance(EnrollmentModel, table=True):
    """Whether a participant was there on one day of a residential seminar."""

    __tablename__ = "attendance"

    application_id: str = Field(
        sa_column=Column(String(36), ForeignKey("application.id", ondelete="CASCADE"), primary_key=True)
    )
    day: date = Field(sa_column=Column(Date, primary_key=True))
    session_id: str = Field(max_length=36, index=True)
    present: bool
    #: manual | qr
    method: str = Field(default="manual", max_length=10)
    recorded_by: str = Field(max_length=64)
    recorded_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
