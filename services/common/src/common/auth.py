"""Verifying the access tokens that identity signs.

Every service (and the gateway) verifies tokens locally against identity's JWKS: no call to
identity on a user's request once the keys are cached. python-jose stays behind this module.

What is pinned and why:
- algorithms: RS256 only. Accepting the token's own `alg` is how `alg: none` and the
  "HS256 signed with the public key" attacks work; jose refuses both when we pin.
- `iss`, `aud` and `exp` are required and checked.
- keys are looked up by `kid`; an unknown `kid` triggers one JWKS refetch (identity rotated its
  key), rate-limited so a flood of forged kids cannot make us hammer identity.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from jose import jwk, jwt
from jose.exceptions import ExpiredSignatureError, JWTClaimsError, JWTError

ACCESS_COOKIE = "alga_access"
REFRESH_COOKIE = "alga_refresh"
ALGORITHM = "RS256"

ROLES = ("learner", "expert", "coordinator", "admin")


class InvalidToken(Exception):
    """The token cannot be trusted; `reason` says why (safe to show to the caller)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class JWKSUnavailable(Exception):
    """Identity's JWKS could not be fetched, so no token can be verified right now."""


@dataclass(frozen=True)
class Principal:
    """Who is calling: a user (browser or script) or an integrator client."""

    subject: str
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    email: str | None = None
    name: str | None = None
    client_id: str | None = None
    expires_at: int = 0
    kind: str = "user"  # "user" | "client"

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_staff(self) -> bool:
        """Coordinators and admins run the academy and see every learner's records."""
        return self.has_role("coordinator", "admin")


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    scope = claims.get("scope") or ""
    return Principal(
        subject=str(claims["sub"]),
        roles=frozenset(claims.get("roles") or ()),
        scopes=frozenset(scope.split()) if isinstance(scope, str) else frozenset(scope),
        email=claims.get("email"),
        name=claims.get("name"),
        client_id=claims.get("client_id"),
        expires_at=int(claims.get("exp", 0)),
        kind="client" if claims.get("client_id") and not claims.get("roles") else "user",
    )


class TokenVerifier:
    """Verifies RS256 access tokens against a JWKS (fetched from identity, or given)."""

    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        jwks_url: str | None = None,
        static_jwks: dict[str, Any] | None = None,
        jwks_loader: Callable[[], Awaitable[dict[str, Any]]] | None = None,
        http_timeout: float = 3.0,
        min_refresh_interval: float = 30.0,
    ) -> None:
        if jwks_url is None and static_jwks is None and jwks_loader is None:
            raise ValueError("TokenVerifier needs a jwks_url, a jwks_loader or a static_jwks")
        self.issuer = issuer
        self.audience = audience
        self.jwks_url = jwks_url
        # identity itself reads its keys from its database instead of calling itself over HTTP.
        self._jwks_loader = jwks_loader
        self._http_timeout = http_timeout
        self._min_refresh_interval = min_refresh_interval
        self._keys: dict[str, Any] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        self._client: httpx.AsyncClient | None = None
        if static_jwks is not None:
            self._load(static_jwks)

    def _load(self, jwks: dict[str, Any]) -> None:
        keys = {}
        for entry in jwks.get("keys", []):
            # Only RSA signing keys: a JWKS entry of another type must not widen what we accept.
            if entry.get("kty") != "RSA" or entry.get("use", "sig") != "sig" or "kid" not in entry:
                continue
            # Building the key object once matters: constructing it per call doubles the cost.
            keys[entry["kid"]] = jwk.construct(entry, algorithm=ALGORITHM)
        self._keys = keys

    async def _refresh(self) -> None:
        if self.jwks_url is None and self._jwks_loader is None:
            return
        async with self._lock:
            if time.monotonic() - self._fetched_at < self._min_refresh_interval and self._keys:
                return
            if self._jwks_loader is not None:
                self._load(await self._jwks_loader())
                self._fetched_at = time.monotonic()
                return
            assert self.jwks_url is not None
            if self._client is None:
                self._client = httpx.AsyncClient(timeout=self._http_timeout)
            try:
                response = await self._client.get(self.jwks_url)
                response.raise_for_status()
                self._load(response.json())
            except (httpx.HTTPError, ValueError) as exc:
                raise JWKSUnavailable(f"cannot fetch the signing keys: {exc}") from exc
            finally:
                self._fetched_at = time.monotonic()

    def invalidate(self) -> None:
        """Forget when the keys were fetched: the next unknown kid refetches at once."""
        self._fetched_at = 0.0

    async def _key_for(self, kid: str) -> Any:
        key = self._keys.get(kid)
        if key is None:
            await self._refresh()
            key = self._keys.get(kid)
        if key is None:
            raise InvalidToken("the token was signed by an unknown key")
        return key

    async def verify(self, token: str) -> Principal:
        claims = await self.verify_claims(token)
        return principal_from_claims(claims)

    async def verify_claims(self, token: str) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except JWTError as exc:
            raise InvalidToken("the token is malformed") from exc
        if header.get("alg") != ALGORITHM:
            raise InvalidToken(f"tokens must be signed with {ALGORITHM}")
        kid = header.get("kid")
        if not isinstance(kid, str):
            raise InvalidToken("the token names no key")
        key = await self._key_for(kid)
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                options={
                    "require_exp": True,
                    "require_iat": True,
                    "require_sub": True,
                    "require_aud": True,
                    "require_iss": True,
                },
            )
        except ExpiredSignatureError as exc:
            raise InvalidToken("the token has expired") from exc
        except JWTClaimsError as exc:
            raise InvalidToken(f"the token's claims are not valid: {exc}") from exc
        except JWTError as exc:
            raise InvalidToken("the token's signature is not valid") from exc
        if claims.get("typ") != "access":
            raise InvalidToken("this is not an access token")
        return claims

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
