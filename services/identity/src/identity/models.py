"""Every identity table, imported in one place (Alembic and the tests read the metadata here)."""

from identity.auth.models import LoginThrottle, RefreshToken
from identity.client.models import ApiClient
from identity.db import IdentityModel, OutboxEvent, ProcessedEvent
from identity.organisation.models import Organisation
from identity.signing_key.models import SigningKey
from identity.user.models import User, UserRole

metadata = IdentityModel.metadata

__all__ = [
    "ApiClient",
    "LoginThrottle",
    "Organisation",
    "OutboxEvent",
    "ProcessedEvent",
    "RefreshToken",
    "SigningKey",
    "User",
    "UserRole",
    "metadata",
]
