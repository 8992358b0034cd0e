from __future__ import annotations

from pydantic import BaseModel, Field

from identity.user.schemas import UserRead


class LoginRequest(BaseModel):
    email: str = Field(max_length=320)
    password: str = Field(max_length=1000)


class RefreshRequest(BaseModel):
    refresh_token: str | None = Field(None, description="Optional when the refresh cookie is sent")


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
    user: UserRead
