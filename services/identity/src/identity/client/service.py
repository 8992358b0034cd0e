from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from common.errors import NotFound
from identity.client.models import ApiClient
from identity.client.schemas import ClientCreate, ClientRead
from identity.passwords import DUMMY_HASH, hash_password, verify_password
from identity.timeutil import utcnow


def to_read(client: ApiClient) -> ClientRead:
    return ClientRead(
        id=client.id,
        client_id=client.client_id,
        name=client.name,
        scopes=client.scopes.split(),
        created_at=client.created_at,
        revoked_at=client.revoked_at,
    )


async def create(session: AsyncSession, *, data: ClientCreate, by: str) -> tuple[ApiClient, str]:
    secret = secrets.token_urlsafe(32)
    client = ApiClient(
        client_id="alga_" + secrets.token_hex(8),
        name=data.name,
        secret_hash=hash_password(secret),
        scopes=" ".join(sorted(set(data.scopes))),
        created_by=by,
    )
    session.add(client)
    await session.flush()
    return client, secret


async def list_all(session: AsyncSession) -> list[ApiClient]:
    return list((await session.execute(select(ApiClient).order_by(col(ApiClient.created_at)))).scalars())


async def revoke(session: AsyncSession, client_id: str) -> None:
    client = await session.get(ApiClient, client_id)
    if client is None:
        raise NotFound("No client with this id.")
    client.revoked_at = client.revoked_at or utcnow()
    session.add(client)
    await session.flush()


async def authenticate(session: AsyncSession, client_id: str, secret: str) -> ApiClient | None:
    query = select(ApiClient).where(col(ApiClient.client_id) == client_id)
    client = (await session.execute(query)).scalar_one_or_none()
    if client is None:
        verify_password(secret, DUMMY_HASH)
        return None
    if not verify_password(secret, client.secret_hash) or client.revoked_at is not None:
        return None
    return client
