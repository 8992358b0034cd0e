"""FastAPI dependencies that say who may call an endpoint.

Every endpoint declares one of:
- `CurrentPrincipal`         any valid token (user or integrator client);
- `require_roles("coordinator", "admin")`  a user holding one of the roles;
- `require_scopes("catalogue:read")`       an integrator client (or user) with the scopes;
- `OptionalPrincipal`        public, but answers more to a caller who is logged in.

Tokens come from `Authorization: Bearer …` (integrators, the gateway) or, for a browser talking to
a service directly, the `alga_access` HttpOnly cookie.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from common.auth import ACCESS_COOKIE, InvalidToken, JWKSUnavailable, Principal, TokenVerifier
from common.errors import Forbidden, ServiceUnavailable, Unauthorized

# auto_error=False: we answer 401 ourselves, as problem+json. Using the scheme makes OpenAPI
# mark the operation as secured (the gateway reads that to refuse anonymous calls early).
_bearer = HTTPBearer(auto_error=False, description="An access token from identity")


def _token_from(request: Request, credentials: HTTPAuthorizationCredentials | None) -> str | None:
    if credentials is not None and credentials.scheme.lower() == "bearer":
        return credentials.credentials
    return request.cookies.get(ACCESS_COOKIE)


async def _verify(request: Request, token: str) -> Principal:
    verifier: TokenVerifier = request.app.state.verifier
    try:
        principal = await verifier.verify(token)
    except InvalidToken as exc:
        raise Unauthorized(exc.reason) from exc
    except JWKSUnavailable as exc:
        raise ServiceUnavailable("Tokens cannot be checked right now; try again shortly.") from exc
    request.state.principal = principal
    return principal


async def _current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    token = _token_from(request, credentials)
    if not token:
        raise Unauthorized("Log in, or send an access token in the Authorization header.")
    return await _verify(request, token)


async def _optional_principal(request: Request) -> Principal | None:
    # Reads the header itself (no security scheme): the operation stays public in OpenAPI.
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    token = value.strip() if scheme.lower() == "bearer" else request.cookies.get(ACCESS_COOKIE)
    if not token:
        return None
    return await _verify(request, token)


CurrentPrincipal = Annotated[Principal, Depends(_current_principal)]
OptionalPrincipal = Annotated[Principal | None, Depends(_optional_principal)]


def require_roles(*roles: str) -> Callable[..., Awaitable[Principal]]:
    async def dependency(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden(f"This needs one of the roles: {', '.join(roles)}.")
        return principal

    return dependency


def require_scopes(*scopes: str) -> Callable[..., Awaitable[Principal]]:
    async def dependency(principal: CurrentPrincipal) -> Principal:
        missing = [s for s in scopes if s not in principal.scopes]
        if missing:
            raise Forbidden(f"This needs the scopes: {', '.join(missing)}.")
        return principal

    return dependency


StaffPrincipal = Annotated[Principal, Depends(require_roles("coordinator", "admin"))]
AdminPrincipal = Annotated[Principal, Depends(require_roles("admin"))]
