"""Integrator clients (admin) and the OAuth2 token endpoint (client credentials, RFC 6749 §4.4)."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated

from fastapi import APIRouter, Form, Header, status
from fastapi.responses import JSONResponse

from common.db import DBSession
from common.errors import problem_response
from common.security import AdminPrincipal
from identity.client import service
from identity.client.schemas import ClientCreate, ClientCreated, ClientRead, ClientToken
from identity.dependencies import Keys, Settings
from identity.signing_key.service import access_claims

router = APIRouter(tags=["integrators"])


@router.post(
    "/clients", response_model=ClientCreated, status_code=status.HTTP_201_CREATED, summary="Create an integrator client"
)
async def create_client(data: ClientCreate, session: DBSession, admin: AdminPrincipal) -> ClientCreated:
    """Admins only. The secret is in this answer and nowhere else: it is stored hashed."""
    client, secret = await service.create(session, data=data, by=admin.subject)
    return ClientCreated(**service.to_read(client).model_dump(), client_secret=secret)


@router.get("/clients", response_model=list[ClientRead], summary="Integrator clients")
async def list_clients(session: DBSession, _: AdminPrincipal) -> list[ClientRead]:
    """Admins only (secrets are never shown again)."""
    return [service.to_read(c) for c in await service.list_all(session)]


@router.delete("/clients/{client_id}", status_code=status.HTTP_204_NO_CONTENT, summary="Revoke a client")
async def revoke_client(client_id: str, session: DBSession, _: AdminPrincipal) -> None:
    """Admins only. Tokens already issued stay valid until they expire (at most an hour)."""
    await service.revoke(session, client_id)


def _oauth_error(status_code: int, error: str, description: str) -> JSONResponse:
    # RFC 6749 §5.2 fields (`error`, `error_description`) inside an RFC 9457 body: OAuth client
    # libraries and problem+json readers both find what they look for.
    headers = {"WWW-Authenticate": 'Basic realm="alga"'} if status_code == 401 else None
    return problem_response(
        status_code,
        "OAuth2 token request refused",
        description,
        type="https://alga-campus.org/problems/oauth-" + error.replace("_", "-"),
        error=error,
        error_description=description,
        headers=headers,
    )


@router.post(
    "/oauth/token",
    response_model=ClientToken,
    summary="OAuth2 client credentials token",
    responses={
        400: {"description": "invalid_request, unsupported_grant_type or invalid_scope"},
        401: {"description": "invalid_client"},
    },
)
async def token(
    session: DBSession,
    settings: Settings,
    keys: Keys,
    grant_type: Annotated[str, Form()],
    scope: Annotated[str | None, Form()] = None,
    client_id: Annotated[str | None, Form()] = None,
    client_secret: Annotated[str | None, Form()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> ClientToken | JSONResponse:
    """Public (the client's credentials are the authentication): HTTP Basic or form fields."""
    if grant_type != "client_credentials":
        return _oauth_error(400, "unsupported_grant_type", "Only grant_type=client_credentials is supported.")
    if authorization and authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
            client_id, _, client_secret = decoded.partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return _oauth_error(400, "invalid_request", "The Basic credentials are malformed.")
    if not client_id or not client_secret:
        return _oauth_error(401, "invalid_client", "Send the client id and secret (HTTP Basic or form).")
    client = await service.authenticate(session, client_id, client_secret)
    if client is None:
        return _oauth_error(401, "invalid_client", "Unknown client, wrong secret, or revoked client.")
    granted = set(client.scopes.split())
    asked = set(scope.split()) if scope else granted
    if not asked <= granted:
        return _oauth_error(400, "invalid_scope", f"Not granted to this client: {' '.join(sorted(asked - granted))}.")
    ttl = settings.client_token_ttl_seconds
    access = await keys.sign(
        access_claims(
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            subject=f"client:{client.client_id}",
            ttl_seconds=ttl,
            client_id=client.client_id,
            scope=" ".join(sorted(asked)),
            name=client.name,
        )
    )
    return ClientToken(access_token=access, expires_in=ttl, scope=" ".join(sorted(asked)))
