from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from common.db import DBSession
from common.security import AdminPrincipal
from identity.client.schemas import KNOWN_SCOPES
from identity.dependencies import Keys, Settings
from identity.signing_key import service

router = APIRouter(tags=["keys"])


@router.get("/.well-known/jwks.json", summary="The public keys tokens are signed with")
async def jwks(keys: Keys, response: Response) -> dict[str, Any]:
    """Public. Includes retired keys until the tokens they signed have expired."""
    response.headers["Cache-Control"] = "public, max-age=60"
    return await keys.jwks()


@router.get("/.well-known/openid-configuration", summary="Discovery document")
async def discovery(settings: Settings) -> dict[str, Any]:
    """Public. OpenID-style metadata so integrators' libraries find the endpoints and keys."""
    base = settings.public_url.rstrip("/")
    return {
        "issuer": settings.jwt_issuer,
        "jwks_uri": f"{base}/.well-known/jwks.json",
        "token_endpoint": f"{base}/oauth/token",
        "grant_types_supported": ["client_credentials", "password", "refresh_token"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": list(KNOWN_SCOPES),
        "claims_supported": ["sub", "email", "name", "roles", "scope", "client_id"],
    }


@router.post("/admin/signing-keys/rotate", summary="Rotate the token signing key", status_code=201)
async def rotate(
    request: Request, session: DBSession, settings: Settings, keys: Keys, _: AdminPrincipal
) -> dict[str, str]:
    """Admins only. New tokens use the new key; tokens signed before stay valid until they expire."""
    key = await service.rotate(session, settings.key_encryption_secret.get_secret_value())
    await session.commit()
    keys.invalidate()
    request.app.state.verifier.invalidate()
    return {"kid": key.kid}
