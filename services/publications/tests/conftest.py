from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import select

from common.auth import TokenVerifier
from common.db import Database
from common.testing import TokenFactory, running_app
from common.testing.fixtures import ServiceMigrations
from common.testing.processes import free_port
from publications.db import OutboxEvent
from publications.main import create_app
from publications.models import metadata
from publications.record import service
from publications.record.models import Record
from publications.record.schemas import RecordAction, RecordCreate
from publications.settings import PublicationsSettings

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PUBLIC_URL = "https://campus.example.org"
REPOSITORY = "campus.example.org"


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("publications", ALEMBIC_INI, metadata)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> PublicationsSettings:
    return PublicationsSettings(
        env="test",
        database_url=database_url,
        nats_url=None,
        var_dir=tmp_path,
        public_url=PUBLIC_URL,
        max_upload_bytes=64 * 1024,
        oai_page_size=100,
    )


def verifier_for(settings: PublicationsSettings, tokens: TokenFactory) -> TokenVerifier:
    return TokenVerifier(issuer=tokens.issuer, audience=tokens.audience, static_jwks=tokens.jwks)


@pytest.fixture
async def client(settings: PublicationsSettings, token_factory: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(create_app(settings, verifier=verifier_for(settings, token_factory))) as http:
        yield http


@pytest.fixture
async def db(settings: PublicationsSettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def coordinator(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["learner", "coordinator"]))


@pytest.fixture
def admin(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["admin"]))


@pytest.fixture
def learner(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["learner"]))


def record_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": "policy_brief",
        "title": {
            "fr": "Les finances locales à l'épreuve de la décentralisation",
            "en": "Local finance put to the test of decentralisation",
        },
        "abstract": {"fr": "Une note sur l'économie des communes.", "en": "A brief on municipal economics."},
        "keywords": {"fr": ["fiscalité"], "en": ["taxation"]},
        "language": "fr",
        "published_on": "2024-05-12",
        "publisher": "UCLG Africa",
        "place": "Rabat",
        "authors": [{"name": "Aminata Diallo"}],
        "themes": ["local_finance"],
        "licence": "CC-BY-4.0",
    }
    body.update(overrides)
    return body


async def create_record(
    client: httpx.AsyncClient, headers: dict[str, str], *, publish: bool = True, **overrides: Any
) -> dict[str, Any]:
    created = await client.post("/records", json=record_body(**overrides), headers=headers)
    assert created.status_code == 201, created.text
    body: dict[str, Any] = created.json()
    if publish:
        published = await client.post(f"/records/{body['id']}/transitions", json={"action": "publish"}, headers=headers)
        assert published.status_code == 200, published.text
        body = published.json()
    return body


async def make_record(
    db: Database, settings: PublicationsSettings, *, status: str = "published", **overrides: Any
) -> Record:
    """A record made through the service (faster than HTTP when a test needs hundreds)."""
    fields = record_body(**overrides)
    async with db.session() as session:
        record = await service.create(session, data=RecordCreate.model_validate(fields), by="test")
        if status in ("published", "withdrawn"):
            await service.transition(
                session, record=record, action=RecordAction.publish, reason=None, by="test", settings=settings
            )
        if status == "withdrawn":
            await service.transition(
                session, record=record, action=RecordAction.withdraw, reason="Superseded", by="test", settings=settings
            )
        await session.commit()
        return record


async def outbox(db: Database) -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of every event in the outbox, oldest first."""
    async with db.session() as session:
        rows = (await session.execute(select(OutboxEvent).order_by(OutboxEvent.created_at, OutboxEvent.id))).scalars()
        return [(row.type, json.loads(row.payload)["data"]) for row in rows]


def day(text: str) -> date:
    return date.fromisoformat(text)


@contextlib.contextmanager
def serving(settings: PublicationsSettings, tokens: TokenFactory) -> Iterator[str]:
    """The service in a real uvicorn server on a free port (its own thread and event loop)."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings, verifier=verifier_for(settings, tokens)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if server.started:
                break
            if not thread.is_alive():
                raise RuntimeError("uvicorn stopped before it started")
            threading.Event().wait(0.05)
        else:
            raise TimeoutError("uvicorn did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


async def in_thread(function: Any, *args: Any, **kwargs: Any) -> Any:
    return await asyncio.to_thread(function, *args, **kwargs)
