"""Test helpers every service's tests use (fixtures are in `common.testing.fixtures`)."""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import AsyncIterator, Iterable
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from jose import jwk, jwt
from sqlalchemy import MetaData, create_engine, make_url, text
from sqlalchemy.pool import NullPool

from common.db import is_sqlite, sync_url

TEST_ISSUER = "alga-identity"
TEST_AUDIENCE = "alga"


class TokenFactory:
    """Signs tokens the way identity does, with a key of the test's own."""

    def __init__(self, *, issuer: str = TEST_ISSUER, audience: str = TEST_AUDIENCE) -> None:
        self.issuer = issuer
        self.audience = audience
        self.kid = uuid.uuid4().hex
        self._private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private_pem = self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.public_pem = (
            self._private.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        public = jwk.construct(self.public_pem, algorithm="RS256").to_dict()
        public.update(kid=self.kid, use="sig", alg="RS256")
        self.jwks = {"keys": [public]}

    def claims(self, subject: str, **extra: Any) -> dict[str, Any]:
        now = int(time.time())
        base = {
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "iat": now,
            "exp": now + 600,
            "jti": uuid.uuid4().hex,
            "typ": "access",
        }
        base.update(extra)
        return base

    def sign(self, claims: dict[str, Any], *, kid: str | None = None) -> str:
        return str(jwt.encode(claims, self.private_pem, algorithm="RS256", headers={"kid": kid or self.kid}))

    def user(self, subject: str | None = None, roles: Iterable[str] = ("learner",), **extra: Any) -> str:
        subject = subject or str(uuid.uuid4())
        extra.setdefault("email", f"{subject[:8]}@example.org")
        extra.setdefault("name", "Test User")
        return self.sign(self.claims(subject, roles=list(roles), **extra))

    def client(self, client_id: str = "alga_test", scopes: Iterable[str] = ()) -> str:
        return self.sign(self.claims(f"client:{client_id}", client_id=client_id, scope=" ".join(scopes)))

    def bad_tokens(self) -> dict[str, str]:
        """Tokens every service must refuse, each for a different reason."""
        return bad_tokens(
            sign=self.sign,
            kid=self.kid,
            public_pem=self.public_pem,
            claims=self.claims("00000000-0000-0000-0000-000000000001", roles=["admin"]),
        )


def bad_tokens(*, sign: Any, kid: str, public_pem: str, claims: dict[str, Any]) -> dict[str, str]:
    """Forged or unacceptable tokens around a real key: `sign(claims)` signs with that key, whose
    id is `kid` and public key `public_pem`. Each must be refused, each for its own reason."""
    import base64
    import json

    def b64(data: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    stranger = TokenFactory()
    now = int(time.time())
    return {
        "alg_none": f"{b64({'alg': 'none', 'typ': 'JWT', 'kid': kid})}.{b64(claims)}.",
        "hs256_with_public_key": _hs256_with_public_key(claims, public_pem, kid),
        "expired": sign({**claims, "iat": now - 7200, "exp": now - 3600}),
        "wrong_audience": sign({**claims, "aud": "someone-else"}),
        "wrong_issuer": sign({**claims, "iss": "https://evil.example"}),
        "not_an_access_token": sign({**claims, "typ": "refresh"}),
        "other_key_same_kid": stranger.sign(claims, kid=kid),
        "unknown_kid": stranger.sign(claims),
        "garbage": "not.a.token",
    }


def _hs256_with_public_key(claims: dict[str, Any], public_pem: str, kid: str) -> str:
    # The classic confusion attack: sign with HMAC using the public key bytes as the secret.
    # python-jose refuses to do it for us (it knows it is an attack), so we do it by hand.
    import base64
    import hashlib
    import hmac
    import json

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    signing_input = (
        b64(json.dumps({"alg": "HS256", "typ": "JWT", "kid": kid}).encode()) + "." + b64(json.dumps(claims).encode())
    )
    signature = hmac.new(public_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(signature)


@contextlib.asynccontextmanager
async def running_app(app: FastAPI, *, base_url: str = "http://testserver") -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan started, and an HTTP client talking to it in-process."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 50000))
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            yield client


def postgres_server_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


def create_postgres_database(server_url: str, name: str) -> str:
    """A fresh database on the test server; returns its URL."""
    admin = create_engine(sync_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(sync_url(server_url)).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(server_url: str, name: str) -> None:
    admin = create_engine(sync_url(server_url), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def truncate_all(url: str, metadata: MetaData) -> None:
    """Empty every table of the service (the schema stays): each test starts from nothing."""
    engine = create_engine(sync_url(url), poolclass=NullPool)
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    with engine.begin() as conn:
        # Table names come from the service's own metadata, never from input.
        if is_sqlite(url):
            conn.execute(text("PRAGMA foreign_keys=OFF"))
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))  # noqa: S608
        elif tables:
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
    engine.dispose()
