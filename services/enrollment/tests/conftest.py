from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from common.auth import TokenVerifier
from common.db import Database
from common.events import Event, EventConsumer
from common.testing import TokenFactory, running_app
from common.testing.fixtures import ServiceMigrations
from enrollment.application.models import Application
from enrollment.consumers import LEARNERS_DURABLE, SESSIONS_DURABLE
from enrollment.db import OutboxEvent, ProcessedEvent
from enrollment.learner.service import apply_identity_event
from enrollment.main import create_app
from enrollment.models import metadata
from enrollment.session.service import apply_catalogue_event
from enrollment.settings import EnrollmentSettings

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PUBLIC_URL = "https://campus.example.org"


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("enrollment", ALEMBIC_INI, metadata)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> EnrollmentSettings:
    return EnrollmentSettings(
        env="test",
        database_url=database_url,
        nats_url=None,
        var_dir=tmp_path,
        public_url=PUBLIC_URL,
        link_secret="test-only-link-secret",
        sweep_interval_seconds=0,
        max_attachment_bytes=64 * 1024,
    )


def make_app(settings: EnrollmentSettings, token_factory: TokenFactory) -> Any:
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    return create_app(settings, verifier=verifier)


@pytest.fixture
async def client(settings: EnrollmentSettings, token_factory: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(make_app(settings, token_factory)) as http:
        yield http


@pytest.fixture
async def db(settings: EnrollmentSettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class Person:
    """A user with a token: `headers` to send, `id` to compare."""

    def __init__(self, factory: TokenFactory, roles: tuple[str, ...] = ("learner",), **claims: Any) -> None:
        self.id = str(uuid.uuid4())
        self.name = claims.pop("name", f"Learner {self.id[:6]}")
        self.email = claims.pop("email", f"{self.id[:8]}@example.org")
        self.token = factory.user(self.id, roles=roles, name=self.name, email=self.email, **claims)
        self.headers = bearer(self.token)


@pytest.fixture
def coordinator(token_factory: TokenFactory) -> Person:
    return Person(token_factory, ("learner", "coordinator"), name="Coordinatrice ALGA")


@pytest.fixture
def learner(token_factory: TokenFactory) -> Person:
    return Person(token_factory, name="Aïssatou Bâ")


@pytest.fixture
def other_learner(token_factory: TokenFactory) -> Person:
    return Person(token_factory, name="Kwame Mensah")


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def session_data(session_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A catalogue session event's data, applications open now."""
    now = datetime.now(UTC)
    data: dict[str, Any] = {
        "session_id": session_id or str(uuid.uuid4()),
        "programme_id": str(uuid.uuid4()),
        "programme_code": "COL-FIN",
        "programme_title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "module_id": None,
        "kind": "college",
        "event_kind": None,
        "theme": "local_finance",
        "title": {"fr": "Finances locales, Dakar 2027", "en": "Local finance, Dakar 2027"},
        "status": "applications_open",
        "language": "fr",
        "delivery_mode": "residential_seminar",
        "capacity": 3,
        "starts_at": iso(now + timedelta(days=40)),
        "ends_at": iso(now + timedelta(days=44)),
        "timezone": "Africa/Dakar",
        "venue": {"city": "Dakar", "country": "SN", "address": None, "online": False},
        "applications_open_at": iso(now - timedelta(days=5)),
        "applications_close_at": iso(now + timedelta(days=30)),
        "trainer_ids": [],
        "audiences": ["finance_director"],
        "cancellation_reason": None,
        "revision": 2,
    }
    data.update(overrides)
    return data


def catalogue_event(data: dict[str, Any], verb: str = "published", event_id: str | None = None) -> Event:
    return Event(
        id=event_id or str(uuid.uuid4()),
        type=f"catalogue.session.{verb}",
        source="catalogue",
        time=datetime.now(UTC).isoformat(),
        data=data,
    )


def session_consumer(db: Database) -> EventConsumer:
    return EventConsumer(
        db, ProcessedEvent, "nats://unused", durable=SESSIONS_DURABLE, subjects=[], handler=apply_catalogue_event
    )


def learner_consumer(db: Database) -> EventConsumer:
    return EventConsumer(
        db, ProcessedEvent, "nats://unused", durable=LEARNERS_DURABLE, subjects=[], handler=apply_identity_event
    )


async def publish_session(db: Database, **overrides: Any) -> dict[str, Any]:
    """A session as catalogue would announce it, applied to enrollment's read model."""
    data = session_data(**overrides)
    await session_consumer(db).apply(catalogue_event(data))
    return data


async def register_learner(db: Database, person: Person, **profile: Any) -> None:
    data = {
        "user_id": person.id,
        "email": person.email,
        "full_name": person.name,
        "country": "SN",
        "organisation_id": None,
        "position": "Directrice financière",
        "preferred_language": "fr",
        "gender": "female",
        **profile,
    }
    event = Event(str(uuid.uuid4()), "identity.user.registered", "identity", datetime.now(UTC).isoformat(), data)
    await learner_consumer(db).apply(event)


async def configure(client: httpx.AsyncClient, staff: Person, session_id: str, **settings: Any) -> dict[str, Any]:
    response = await client.patch(f"/sessions/{session_id}/settings", json=settings, headers=staff.headers)
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


async def apply(
    client: httpx.AsyncClient, person: Person, session_id: str, *, expect: int = 201, **body: Any
) -> dict[str, Any]:
    payload = {"session_id": session_id, "motivation": "Je veux renforcer la gestion financière de ma commune."}
    payload.update(body)
    response = await client.post("/applications", json=payload, headers=person.headers)
    assert response.status_code == expect, response.text
    return response.json()  # type: ignore[no-any-return]


async def act(
    client: httpx.AsyncClient, person: Person, application_id: str, action: str, *, expect: int = 200, **extra: Any
) -> dict[str, Any]:
    response = await client.post(
        f"/applications/{application_id}/transitions", json={"action": action, **extra}, headers=person.headers
    )
    assert response.status_code == expect, response.text
    return response.json()  # type: ignore[no-any-return]


async def outbox(db: Database, type: str | None = None) -> list[dict[str, Any]]:
    """The data of every outbox event (of one type), oldest first."""
    async with db.session() as session:
        query = select(OutboxEvent).order_by(OutboxEvent.created_at, OutboxEvent.id)  # type: ignore[arg-type]
        if type:
            query = query.where(OutboxEvent.type == type)
        rows = (await session.execute(query)).scalars()
        return [json.loads(row.payload)["data"] for row in rows]


async def statuses(db: Database, session_id: str) -> dict[str, int]:
    async with db.session() as session:
        rows = (await session.execute(select(Application).where(Application.session_id == session_id))).scalars()
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        return counts
