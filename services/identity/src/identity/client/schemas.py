from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, StringConstraints

#: What integrator clients may be granted. Services check these with `require_scopes`.
KNOWN_SCOPES = (
    "identity:read",
    "catalogue:read",
    "catalogue:write",
    "enrollment:read",
    "enrollment:write",
    "experts:read",
    "publications:read",
    "publications:write",
    "statistics:read",
)
Scope = Literal[
    "identity:read",
    "catalogue:read",
    "catalogue:write",
    "enrollment:read",
    "enrollment:write",
    "experts:read",
    "publications:read",
    "publications:write",
    "statistics:read",
]


class ClientCreate(BaseModel):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=200)]
    scopes: list[Scope]


class ClientRead(BaseModel):
    id: str
    client_id: str
    name: str
    scopes: list[str]
    created_at: datetime
    revoked_at: datetime | None


class ClientCreated(ClientRead):
    client_secret: str


class ClientToken(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int
    scope: str
