"""pytest fixtures shared by every service (registered in the repository's root conftest.py).

A service's conftest.py only says which migrations and metadata are its own:

    @pytest.fixture(scope="session")
    def service_migrations():
        return ServiceMigrations("identity", ALEMBIC_INI, metadata)

and then uses `database_url` (a migrated, empty database), `token_factory`, `running_app`.
When TEST_DATABASE_URL is set, every database test runs twice: on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import MetaData

from common import migrations
from common.testing import (
    TokenFactory,
    create_postgres_database,
    drop_postgres_database,
    postgres_server_url,
    truncate_all,
)

BACKENDS = ["sqlite"] + (["postgresql"] if postgres_server_url() else [])
#: For a test of PostgreSQL's own machinery: `@pytest.mark.parametrize("db_backend", POSTGRES_ONLY,
#: indirect=True)` runs it on PostgreSQL alone (no SQLite run to skip; none at all without one).
POSTGRES_ONLY = [backend for backend in BACKENDS if backend == "postgresql"]


@dataclass(frozen=True)
class ServiceMigrations:
    service: str
    alembic_ini: Path
    metadata: MetaData


def fresh_database(service: str, backend: str, directory: Path) -> tuple[str, str | None]:
    """(url, postgres database name or None) of a new, empty database."""
    if backend == "sqlite":
        return f"sqlite:///{directory / f'{service}-{uuid.uuid4().hex[:8]}.db'}", None
    server = postgres_server_url()
    assert server is not None
    name = f"test_{service}_{uuid.uuid4().hex[:10]}"
    return create_postgres_database(server, name), name


@pytest.fixture(scope="session", params=BACKENDS)
def db_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


class _MigratedDatabases:
    """One migrated database per (service, backend), made the first time a test asks for it.

    Not a session fixture per service: pytest caches a session fixture by its one definition, so
    a run over several services would hand every service the first one's database."""

    def __init__(self, directory: pytest.TempPathFactory) -> None:
        self._directory = directory
        self._urls: dict[tuple[str, str], str] = {}
        self._postgres_names: list[str] = []

    def get(self, migrations_: ServiceMigrations, backend: str) -> str:
        key = (migrations_.service, backend)
        if key not in self._urls:
            url, pg_name = fresh_database(migrations_.service, backend, self._directory.mktemp(migrations_.service))
            migrations.upgrade(migrations_.alembic_ini, url)
            self._urls[key] = url
            if pg_name is not None:
                self._postgres_names.append(pg_name)
        return self._urls[key]

    def drop_all(self) -> None:
        for name in self._postgres_names:
            drop_postgres_database(postgres_server_url() or "", name)


@pytest.fixture(scope="session")
def _migrated_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_MigratedDatabases]:
    databases = _MigratedDatabases(tmp_path_factory)
    yield databases
    databases.drop_all()


@pytest.fixture
def migrated_database_url(
    db_backend: str, service_migrations: ServiceMigrations, _migrated_databases: _MigratedDatabases
) -> str:
    """A database built by running the service's migrations, once per service and backend."""
    return _migrated_databases.get(service_migrations, db_backend)


@pytest.fixture
def database_url(migrated_database_url: str, service_migrations: ServiceMigrations) -> Iterator[str]:
    """The migrated database, emptied after each test."""
    yield migrated_database_url
    truncate_all(migrated_database_url, service_migrations.metadata)


@pytest.fixture(scope="session")
def token_factory() -> TokenFactory:
    return TokenFactory()


@pytest.fixture(scope="session")
def nats_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real NATS server with JetStream, on a free port, for this test session."""
    from common.testing.processes import start_nats

    with start_nats(tmp_path_factory.mktemp("nats")) as url:
        yield url
