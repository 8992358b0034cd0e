"""Every notifications table, imported in one place (Alembic and the tests read the metadata here)."""

from notifications.db import NotificationsModel, OutboxEvent, ProcessedEvent
from notifications.notification.models import Notification
from notifications.place.models import SessionPlace
from notifications.recipient.models import Recipient

metadata = NotificationsModel.metadata

__all__ = ["Notification", "OutboxEvent", "ProcessedEvent", "Recipient", "SessionPlace", "metadata"]
