"""Logging in, refreshing and logging out; login throttling; integrator client credentials."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.db import Database
from common.errors import TooManyRequests, Unauthorized
from identity.auth.models import LoginThrottle, RefreshToken
from identity.organisation import service as organisations
from identity.passwords import DUMMY_HASH, verify_password
from identity.settings import IdentitySettings
from identity.signing_key.service import KeyStore, access_claims
from identity.timeutil import aware, utcnow
from identity.user import service as users
from identity.user.models import User

BAD_CREDENTIALS = "Incorrect e-mail or password."


class InvalidCredentials(Unauthorized):
    title, slug = "Login failed", "invalid-credentials"


@dataclass
class IssuedTokens:
    access_token: str
    refresh_token: str
    expires_in: int
    refresh_expires_in: int
    user: User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class LoginThrottler:
    """Fixed-window counters in their own transactions: a failed login rolls back the request's
    transaction, and the failure must still count. The request's transaction must not be open
    while they run (on SQLite it may hold the write lock they need)."""

    def __init__(self, database: Database, settings: IdentitySettings) -> None:
        self.database = database
        self.window = timedelta(seconds=settings.login_window_seconds)
        self.max_per_account = settings.login_max_failures_per_account
        self.max_per_ip = settings.login_max_attempts_per_ip

    async def _count(self, key: str, *, increment: bool) -> int:
        now = utcnow()
        async with self.database.session() as session:
            row = await session.get(LoginThrottle, key, with_for_update=increment)
            if row is None or aware(row.window_started_at) + self.window <= now:
                if not increment:
                    return 0
                if row is None:
                    row = LoginThrottle(key=key, window_started_at=now, count=0)
                else:
                    row.window_started_at, row.count = now, 0
            if increment:
                row.count += 1
                session.add(row)
                await session.commit()
            return row.count

    def _retry_after(self) -> dict[str, str]:
        return {"Retry-After": str(int(self.window.total_seconds()))}

    async def before_attempt(self, *, email: str, ip: str) -> None:
        if await self._count(f"ip:{ip}", increment=True) > self.max_per_ip:
            raise TooManyRequests(
                "Too many login attempts from this address; try again later.", headers=self._retry_after()
            )
        if await self._count(f"account:{email}", increment=False) >= self.max_per_account:
            # Same answer whether or not the account exists: no enumeration through the limiter.
            raise TooManyRequests(
                "Too many failed logins for this account; try again later.", headers=self._retry_after()
            )

    async def failed(self, *, email: str) -> None:
        await self._count(f"account:{email}", increment=True)

    async def succeeded(self, session: AsyncSession, *, email: str) -> None:
        """In the request's own transaction: the reset only matters if the login goes through."""
        row = await session.get(LoginThrottle, f"account:{email}")
        if row is not None:
            await session.delete(row)


class TokenIssuer:
    def __init__(self, keys: KeyStore, settings: IdentitySettings) -> None:
        self.keys = keys
        self.settings = settings

    async def access_token_for(self, session: AsyncSession, user: User) -> str:
        roles = await users.roles_of(session, user.id)
        extra: dict[str, object] = {}
        # Services let a partner's focal point read that partner's figures from this claim alone.
        partners = await organisations.focal_point_of(session, user.id)
        if partners:
            extra["focal_point_of"] = partners
        return await self.keys.sign(
            access_claims(
                issuer=self.settings.jwt_issuer,
                audience=self.settings.jwt_audience,
                subject=user.id,
                ttl_seconds=self.settings.access_token_ttl_seconds,
                roles=roles,
                email=user.email,
                name=user.full_name,
                **extra,
            )
        )

    async def issue(self, session: AsyncSession, user: User, *, family_id: str | None = None) -> IssuedTokens:
        refresh = secrets.token_urlsafe(48)
        now = utcnow()
        ttl = self.settings.refresh_token_ttl_seconds
        session.add(
            RefreshToken(
                id=str(uuid.uuid4()),
                token_hash=_hash(refresh),
                family_id=family_id or str(uuid.uuid4()),
                user_id=user.id,
                created_at=now,
                expires_at=now + timedelta(seconds=ttl),
            )
        )
        await session.flush()
        return IssuedTokens(
            access_token=await self.access_token_for(session, user),
            refresh_token=refresh,
            expires_in=self.settings.access_token_ttl_seconds,
            refresh_expires_in=ttl,
            user=user,
        )


async def authenticate(session: AsyncSession, *, email: str, password: str) -> User:
    user = await users.by_email(session, email)
    if user is None:
        verify_password(password, DUMMY_HASH)  # same cost as a real check: see passwords.py
        raise InvalidCredentials(BAD_CREDENTIALS)
    if not verify_password(password, user.password_hash) or not user.is_active:
        raise InvalidCredentials(BAD_CREDENTIALS)
    return user


async def rotate_refresh_token(session: AsyncSession, issuer: TokenIssuer, token: str) -> IssuedTokens:
    """Exchange a refresh token for new tokens. A token used twice revokes its whole family."""
    now = utcnow()
    row = (
        await session.execute(
            select(RefreshToken).where(col(RefreshToken.token_hash) == _hash(token)).with_for_update()
        )
    ).scalar_one_or_none()
    if row is None or row.revoked_at is not None or aware(row.expires_at) <= now:
        raise Unauthorized("The session has expired; log in again.")
    if row.replaced_at is not None:
        await _revoke_family(session, row.family_id, now)
        # Committed even though we answer 401: the revocation is the point.
        await session.commit()
        raise Unauthorized("This refresh token was already used; every session of this login was closed.")
    user = await session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise Unauthorized("The session has expired; log in again.")
    row.replaced_at = now
    session.add(row)
    return await issuer.issue(session, user, family_id=row.family_id)


async def _revoke_family(session: AsyncSession, family_id: str, now: datetime) -> None:
    await session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.family_id) == family_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=now)
    )


async def logout(session: AsyncSession, token: str | None) -> None:
    if not token:
        return
    row = (
        await session.execute(select(RefreshToken).where(col(RefreshToken.token_hash) == _hash(token)))
    ).scalar_one_or_none()
    if row is not None:
        await _revoke_family(session, row.family_id, utcnow())
