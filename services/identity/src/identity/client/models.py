import uuid
from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field

from identity.db import IdentityModel
from identity.timeutil import utcnow


class ApiClient(IdentityModel, table=True):
    """An integrator (partner university, national association, library) using OAuth2 client
    credentials. The secret is stored hashed (Argon2) and shown once, at creation."""

    __tablename__ = "api_client"

    id: str = Field(default_factory=lambda: str(uuid.uuid4()), primary_key=True, max_length=36)
    client_id: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=200)
    secret_hash: str = Field(max_length=300)
    scopes: str = Field(default="", max_length=2000)  # space-separated, as OAuth2 writes them
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    created_by: str | None = Field(default=None, max_length=36)
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
