import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field

from notifications.db import NotificationsModel
from notifications.timeutil import utcnow


class Channel(StrEnum):
    in_app = "in_app"
    email = "email"


class Status(StrEnum):
    #: In-app: visible as soon as it is stored.
    delivered = "delivered"
    #: E-mail: waiting for the sender (first try, or a retry after a failure).
    pending = "pending"
    sent = "sent"
    #: E-mail: given up (a permanent refusal, or too many attempts); staff see it at GET /deliveries.
    failed = "failed"


class Notification(NotificationsModel, table=True):
    """One message to one person on one channel, for one event.

    The unique (event_id, user_id, channel) is the last line of defence against a second message
    for a redelivered event (the first being the consumers' processed-event dedup). An e-mail row is
    this service's outbox: written in the consumer's transaction, sent afterwards by the sender."""

    __tablename__ = "notification"
    __table_args__ = (
        UniqueConstraint("event_id", "user_id", "channel", name="uq_notification_event_user_channel"),
        # The in-app list: one person's messages, newest first.
        Index("ix_notification_inbox", "user_id", "channel", "created_at"),
        # The sender's queue: pending e-mails whose time has come.
        Index("ix_notification_queue", "channel", "status", "next_attempt_at"),
    )

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    event_id: str = Field(max_length=36)
    event_type: str = Field(max_length=100)
    kind: str = Field(max_length=40)
    user_id: str = Field(max_length=36)
    channel: str = Field(max_length=10)
    language: str = Field(max_length=5)
    subject: str = Field(max_length=300)
    body_text: str = Field(sa_column=Column(Text, nullable=False))
    body_html: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    #: Where the message leads in the SPA (a path under the public URL).
    path: str | None = Field(default=None, max_length=500)
    to_address: str | None = Field(default=None, max_length=320)
    to_name: str | None = Field(default=None, max_length=200)
    status: str = Field(max_length=20)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    last_error: str | None = Field(default=None, max_length=1000)
    sent_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    read_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
