from datetime import datetime

from sqlalchemy import Column, DateTime, Text
from sqlmodel import Field

from identity.db import IdentityModel


class SigningKey(IdentityModel, table=True):
    """An RSA key identity signs tokens with. The newest active key signs; a retired key stays in
    the JWKS until every token it signed has expired, so rotation logs nobody out."""

    __tablename__ = "signing_key"

    kid: str = Field(primary_key=True, max_length=64)
    private_key_encrypted: str = Field(sa_column=Column(Text, nullable=False))
    public_jwk: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    retired_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
