from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, String
from sqlmodel import Field

from identity.db import IdentityModel


class RefreshToken(IdentityModel, table=True):
    """A refresh token, stored as its SHA-256 only. Tokens of one login form a family: using a
    token replaces it; presenting an already-replaced token means it was stolen, and the whole
    family is revoked."""

    __tablename__ = "refresh_token"

    id: str = Field(primary_key=True, max_length=36)
    token_hash: str = Field(max_length=64, unique=True)
    family_id: str = Field(max_length=36, index=True)
    user_id: str = Field(
        sa_column=Column(String(36), ForeignKey("user_account.id", ondelete="CASCADE"), nullable=False, index=True)
    )
    created_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    replaced_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))


class LoginThrottle(IdentityModel, table=True):
    """Counts login attempts per key ("ip:…", "account:…") in a fixed window. In the database so
    that every identity replica sees the same counts."""

    __tablename__ = "login_throttle"

    key: str = Field(primary_key=True, max_length=400)
    window_started_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    count: int = 0
