from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field

from notifications.db import NotificationsModel
from notifications.timeutil import utcnow


class Recipient(NotificationsModel, table=True):
    """Who we write to: identity's user, as its events describe them (never fetched from identity).

    `source` says where the row comes from: `identity` (its user events: authoritative) or
    `enrollment` (the learner copy carried by an enrollment event, for accounts whose identity event
    we have not seen, such as the demo accounts); identity's data always wins over enrollment's."""

    __tablename__ = "recipient"

    user_id: str = Field(primary_key=True, max_length=36)
    email: str | None = Field(default=None, max_length=320)
    full_name: str | None = Field(default=None, max_length=200)
    preferred_language: str | None = Field(default=None, max_length=5)
    source: str = Field(max_length=20)
    #: The time of the event the row was last written from: an older event never overwrites it.
    source_time: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
