from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from common.db import Database
from common.testing import running_app
from common.testing.fixtures import ServiceMigrations
from identity import seed
from identity.main import create_app
from identity.models import metadata
from identity.settings import IdentitySettings
from identity.user.models import Role

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PASSWORD = "correct horse battery staple 42"


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("identity", ALEMBIC_INI, metadata)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> IdentitySettings:
    return IdentitySettings(
        env="test",
        database_url=database_url,
        key_encryption_secret="test-only-secret",
        nats_url=None,
        var_dir=tmp_path,
        login_max_failures_per_account=5,
        login_max_attempts_per_ip=30,
    )


@pytest.fixture
async def client(settings: IdentitySettings) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(create_app(settings)) as http:
        http.app = http._transport.app  # type: ignore[attr-defined]  # tests reach app.state
        yield http


@pytest.fixture
async def db(settings: IdentitySettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


async def make_user(
    db: Database, email: str, *roles: Role, password: str = PASSWORD, full_name: str = "Awa Diop", country: str = "SN"
) -> str:
    async with db.session() as session:
        user = await seed.ensure_account(
            session, email=email, full_name=full_name, password=password, roles=list(roles), country=country
        )
        await session.commit()
        return user.id


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, Any]:
    response = await client.post("/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    client.cookies.clear()  # tests choose explicitly how they authenticate
    return response.json()  # type: ignore[no-any-return]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
