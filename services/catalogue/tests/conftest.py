from __future__ import annotations

import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from catalogue import seed
from catalogue.db import OutboxEvent
from catalogue.expert.consumer import experts_consumer
from catalogue.main import create_app
from catalogue.models import metadata
from catalogue.settings import CatalogueSettings
from common.auth import TokenVerifier
from common.db import Database
from common.events import Event
from common.testing import TokenFactory, running_app
from common.testing.fixtures import ServiceMigrations

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PUBLIC_URL = "https://campus.example.org"


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("catalogue", ALEMBIC_INI, metadata)


@pytest.fixture(scope="session")
def closed_port() -> Iterator[int]:
    """A port held by a socket that never listens: connecting is refused at once, and nothing else
    on the machine can take it (a real experts service on 8004 must not answer our tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


@pytest.fixture
def settings(database_url: str, tmp_path: Path, closed_port: int) -> CatalogueSettings:
    # experts is unreachable unless a test says otherwise: trainers must then be known from events.
    return CatalogueSettings(
        env="test",
        database_url=database_url,
        nats_url=None,
        var_dir=tmp_path,
        public_url=PUBLIC_URL,
        experts_url=f"http://127.0.0.1:{closed_port}",
    )


@pytest.fixture
async def client(settings: CatalogueSettings, token_factory: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    async with running_app(create_app(settings, verifier=verifier)) as http:
        yield http


@pytest.fixture
async def db(settings: CatalogueSettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
async def themes(db: Database) -> None:
    """The 18 themes (every test that creates a College needs them)."""
    async with db.session() as session:
        await seed.seed_themes(session)
        await session.commit()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def coordinator(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["learner", "coordinator"]))


@pytest.fixture
def admin(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["learner", "admin"]))


@pytest.fixture
def learner(token_factory: TokenFactory) -> dict[str, str]:
    return bearer(token_factory.user(roles=["learner"]))


def local(days: float, hour: int = 9, minute: int = 0) -> str:
    """A wall-clock time `days` from today (no offset: the session's time zone applies)."""
    moment = datetime.now().replace(hour=hour, minute=minute, second=0, microsecond=0) + timedelta(days=days)
    return moment.isoformat()


def programme_body(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "college",
        "theme": "local_finance",
        "title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "summary": {"fr": "Mobiliser les ressources propres.", "en": "Mobilising own-source revenue."},
        "audiences": ["finance_director", "elected_official"],
        "partner_institutions": ["Université Cadi Ayyad"],
        **overrides,
    }


def session_body(programme_id: str | None, **overrides: Any) -> dict[str, Any]:
    return {
        "programme_id": programme_id,
        "delivery_mode": "residential_seminar",
        "language": "fr",
        "starts_at": local(40),
        "ends_at": local(44, 17),
        "timezone": "Africa/Dakar",
        "venue": {"city": "Dakar", "country": "SN", "address": "Place de l'Indépendance"},
        "capacity": 30,
        "applications_open_at": local(-5),
        "applications_close_at": local(30),
        **overrides,
    }


def event_body(**overrides: Any) -> dict[str, Any]:
    defaults: dict[str, Any] = {
        "title": {
            "fr": "Table ronde : les universités et la transition",
            "en": "Round table: universities and the transition",
        },
        "event_kind": "round_table",
        "theme": "sustainable_inclusive_cities",
        "audiences": ["elected_official"],
    }
    return session_body(None, **{**defaults, **overrides})


async def create_programme(
    client: httpx.AsyncClient, headers: dict[str, str], *, publish: bool = True, **overrides: Any
) -> dict[str, Any]:
    created = await client.post("/programmes", json=programme_body(**overrides), headers=headers)
    assert created.status_code == 201, created.text
    body = created.json()
    if publish:
        published = await client.post(
            f"/programmes/{body['id']}/transitions", json={"action": "publish"}, headers=headers
        )
        assert published.status_code == 200, published.text
        body = published.json()
    return body


async def act(
    client: httpx.AsyncClient, headers: dict[str, str], session_id: str, action: str, **extra: Any
) -> httpx.Response:
    return await client.post(f"/sessions/{session_id}/transitions", json={"action": action, **extra}, headers=headers)


async def create_session(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    programme_id: str | None,
    *,
    status: str = "published",
    body: dict[str, Any] | None = None,
    **overrides: Any,
) -> dict[str, Any]:
    """A session brought to `status` through the API."""
    payload = body if body is not None else session_body(programme_id, **overrides)
    created = await client.post("/sessions", json=payload, headers=headers)
    assert created.status_code == 201, created.text
    result = created.json()
    steps = {
        "draft": [],
        "published": ["publish"],
        "applications_open": ["publish", "open_applications"],
        "applications_closed": ["publish", "open_applications", "close_applications"],
        "cancelled": ["publish", "cancel"],
    }[status]
    for step in steps:
        extra = {"reason": "Venue unavailable"} if step == "cancel" else {}
        response = await act(client, headers, result["id"], step, **extra)
        assert response.status_code == 200, response.text
        result = response.json()
    return result


async def outbox(db: Database) -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of every event in the outbox, oldest first."""
    import json

    async with db.session() as session:
        rows = (await session.execute(select(OutboxEvent).order_by(OutboxEvent.created_at, OutboxEvent.id))).scalars()
        return [(row.type, json.loads(row.payload)["data"]) for row in rows]


def expert_event(
    profile_id: str,
    verb: str = "verified",
    *,
    status: str | None = None,
    revision: int = 1,
    merged_into: str | None = None,
    event_id: str | None = None,
    full_name: str | None = "Aïssatou Diallo",
    listed: bool | None = None,
) -> Event:
    """An experts profile event, in the shape of experts/profile/service.py `event_data`
    (`full_name=None`: an event without a name)."""
    data: dict[str, Any] = {
        "profile_id": profile_id,
        "user_id": None,
        "full_name": full_name,
        "title": "Dr",
        "status": status
        or {"submitted": "pending", "rejected": "rejected", "archived": "archived"}.get(verb, "verified"),
        "listed": verb in ("verified", "updated") if listed is None else listed,
        "country": "SN",
        "work_countries": ["ML"],
        "themes": ["local_finance"],
        "languages": ["fr"],
        "orcid": None,
        "availability": "available",
        "verified_at": "2026-11-29T10:00:00+00:00",
        "revision": revision,
    }
    if full_name is None:
        del data["full_name"]
    if verb == "archived":
        data.update(reason="merged" if merged_into else "archived", merged_into=merged_into)
    return Event(
        id=event_id or str(uuid.uuid4()),
        type=f"experts.profile.{verb}",
        source="experts",
        time="2026-11-29T10:00:00+00:00",
        data=data,
    )


async def tell(db: Database, *events: Event) -> None:
    """Deliver experts events the way the running consumer does (dedup + handler, one transaction)."""
    consumer = experts_consumer(db, "nats://127.0.0.1:1")
    for event in events:
        await consumer.apply(event)


async def verified_experts(db: Database, *ids: str) -> None:
    await tell(db, *(expert_event(i) for i in ids))
