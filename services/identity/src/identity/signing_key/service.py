"""Identity's RSA signing keys: creation, rotation, the JWKS, and signing tokens.

Private keys are stored encrypted (Fernet) in identity's database so that every replica signs
with the same key and a rotation done on one is seen by all (the `KeyStore` cache is short).
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
import uuid
from datetime import timedelta
from typing import Any

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jose import jwk, jwt
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.auth import ALGORITHM
from common.db import Database
from identity.signing_key.models import SigningKey
from identity.timeutil import aware, utcnow

KEY_SIZE = 2048
CACHE_SECONDS = 30.0


def _fernet(secret: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def new_signing_key(secret: str) -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)
    pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    kid = uuid.uuid4().hex
    public = jwk.construct(public_pem.decode(), algorithm=ALGORITHM).to_dict()
    public.update(kid=kid, use="sig", alg=ALGORITHM)
    return SigningKey(
        kid=kid,
        private_key_encrypted=_fernet(secret).encrypt(pem).decode(),
        public_jwk=json.dumps(public),
        created_at=utcnow(),
    )


async def rotate(session: AsyncSession, secret: str) -> SigningKey:
    """Make a new signing key; the previous ones are retired (still published until expiry)."""
    now = utcnow()
    for key in (await session.execute(select(SigningKey).where(col(SigningKey.retired_at).is_(None)))).scalars():
        key.retired_at = now
    key = new_signing_key(secret)
    session.add(key)
    await session.flush()
    return key


class KeyStore:
    """Signs tokens with the newest active key and serves the JWKS, from a short cache."""

    def __init__(self, database: Database, secret: str, access_ttl_seconds: int) -> None:
        self.database = database
        self._secret = secret
        self._retention = timedelta(seconds=access_ttl_seconds + 300)
        self._loaded_at = 0.0
        self._active: tuple[str, str] | None = None  # (kid, private PEM)
        self._jwks: dict[str, Any] = {"keys": []}

    def invalidate(self) -> None:
        self._loaded_at = 0.0

    async def ensure_key(self) -> None:
        """Called at start-up: a fresh install gets its first key."""
        async with self.database.session() as session:
            query = select(SigningKey).where(col(SigningKey.retired_at).is_(None)).limit(1)
            active = (await session.execute(query)).first()
            if active is None:
                session.add(new_signing_key(self._secret))
                await session.commit()
        self.invalidate()

    async def _load(self) -> None:
        if time.monotonic() - self._loaded_at < CACHE_SECONDS and self._active:
            return
        now = utcnow()
        async with self.database.read_session() as session:
            query = select(SigningKey).order_by(col(SigningKey.created_at).desc())
            keys = (await session.execute(query)).scalars().all()
        published = []
        active = None
        for key in keys:
            if key.retired_at is None:
                if active is None:
                    pem = _fernet(self._secret).decrypt(key.private_key_encrypted.encode()).decode()
                    active = (key.kid, pem)
                published.append(json.loads(key.public_jwk))
            elif aware(key.retired_at) + self._retention > now:
                published.append(json.loads(key.public_jwk))
        if active is None:
            raise RuntimeError("identity has no active signing key; run the migrations and start it again")
        self._active = active
        self._jwks = {"keys": published}
        self._loaded_at = time.monotonic()

    async def jwks(self) -> dict[str, Any]:
        await self._load()
        return self._jwks

    async def sign(self, claims: dict[str, Any]) -> str:
        await self._load()
        assert self._active is not None
        kid, pem = self._active
        return str(jwt.encode(claims, pem, algorithm=ALGORITHM, headers={"kid": kid}))


def access_claims(*, issuer: str, audience: str, subject: str, ttl_seconds: int, **extra: Any) -> dict[str, Any]:
    now = int(time.time())
    return {
        "iss": issuer,
        "aud": audience,
        "sub": subject,
        "iat": now,
        "nbf": now,
        "exp": now + ttl_seconds,
        "jti": uuid.uuid4().hex,
        "typ": "access",
        **extra,
    }
