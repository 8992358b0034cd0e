from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field

from notifications.db import NotificationsModel
from notifications.timeutil import utcnow

#: Application statuses that hold a place in the session (enrollment's HOLDS_SEAT before the session).
LIVE_STATUSES = ("accepted", "confirmed")


class SessionPlace(NotificationsModel, table=True):
    """Each application enrollment told us about, with its last known status: who to tell when a
    session moves. Fed by enrollment's application events only."""

    __tablename__ = "session_place"

    application_id: str = Field(primary_key=True, max_length=36)
    session_id: str = Field(max_length=36, index=True)
    user_id: str = Field(max_length=36)
    status: str = Field(max_length=20)
    #: The time of the event the status comes from: a redelivered older event never rolls it back.
    event_time: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
