from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlmodel import col

from common.auth import TokenVerifier
from common.db import Database
from common.events import Event
from common.testing import TokenFactory, running_app
from common.testing.fixtures import ServiceMigrations
from experts.db import OutboxEvent
from experts.main import create_app
from experts.models import metadata
from experts.settings import ExpertsSettings

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PUBLIC_URL = "https://campus.example.org"
# Private values planted in profiles: no public response may contain them.
PRIVATE_EMAIL = "aissatou.private@example.org"
PRIVATE_PHONE = "+221 77 123 45 67"


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("experts", ALEMBIC_INI, metadata)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> ExpertsSettings:
    return ExpertsSettings(
        env="test", database_url=database_url, nats_url=None, var_dir=tmp_path, public_url=PUBLIC_URL
    )


@pytest.fixture
async def client(settings: ExpertsSettings, token_factory: TokenFactory) -> AsyncIterator[httpx.AsyncClient]:
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    async with running_app(create_app(settings, verifier=verifier)) as http:
        yield http


@pytest.fixture
async def db(settings: ExpertsSettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class User:
    """A person with a token: `id` is the token's subject (identity's user id)."""

    def __init__(self, factory: TokenFactory, *roles: str, email: str | None = None) -> None:
        self.id = str(uuid.uuid4())
        self.email = email or f"user-{self.id[:8]}@example.org"
        self.headers = bearer(factory.user(self.id, roles=roles or ("learner",), email=self.email))


@pytest.fixture
def coordinator(token_factory: TokenFactory) -> dict[str, str]:
    return User(token_factory, "learner", "coordinator").headers


@pytest.fixture
def admin(token_factory: TokenFactory) -> dict[str, str]:
    return User(token_factory, "learner", "admin").headers


@pytest.fixture
def learner(token_factory: TokenFactory) -> User:
    return User(token_factory)


@pytest.fixture
def new_user(token_factory: TokenFactory) -> Any:
    def make(*roles: str, email: str | None = None) -> User:
        return User(token_factory, *roles, email=email)

    return make


def profile_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "full_name": "Aïssatou Diallo",
        "title": "Dr",
        "position": "Conseillère en décentralisation",
        "organisation": "Agence de développement municipal",
        "country": "SN",
        "work_countries": ["ML", "GN"],
        "languages": [{"tag": "fr-SN", "level": "native"}, {"tag": "en", "level": "professional"}],
        "themes": ["local_finance", "participatory_budgeting"],
        "keywords": ["fiscalité locale", "budget participatif"],
        "bio": {
            "fr": "Spécialiste des finances locales au Sénégal et au Mali.",
            "en": "Local finance specialist in Senegal and Mali.",
        },
        "orcid": "https://orcid.org/0000-0002-1825-0097",
        "links": [{"url": "https://example.org/aissatou", "label": "Site"}],
        "years_of_experience": 18,
        "availability": "available",
        "public_listing_consent": True,
        "email": PRIVATE_EMAIL,
        "phone": PRIVATE_PHONE,
    }
    body.update(overrides)
    return body


async def apply(client: httpx.AsyncClient, user: User, **overrides: Any) -> dict[str, Any]:
    response = await client.post("/applications", json=profile_body(**overrides), headers=user.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def act(
    client: httpx.AsyncClient, headers: dict[str, str], profile_id: str, action: str, note: str | None = None
) -> httpx.Response:
    body: dict[str, Any] = {"action": action}
    if note is not None:
        body["note"] = note
    return await client.post(f"/profiles/{profile_id}/transitions", json=body, headers=headers)


async def create_expert(client: httpx.AsyncClient, coordinator: dict[str, str], **overrides: Any) -> dict[str, Any]:
    """A verified profile created by a coordinator."""
    response = await client.post("/profiles", json=profile_body(**overrides), headers=coordinator)
    assert response.status_code == 201, response.text
    return response.json()


async def outbox(db: Database) -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of every event in the outbox, oldest first."""
    async with db.session() as session:
        rows = (
            await session.execute(select(OutboxEvent).order_by(col(OutboxEvent.created_at), col(OutboxEvent.id)))
        ).scalars()
        return [(row.type, json.loads(row.payload)["data"]) for row in rows]


def session_event(
    session_id: str,
    trainers: list[str],
    *,
    verb: str = "published",
    revision: int = 1,
    event_id: str | None = None,
    **data: Any,
) -> Event:
    """A catalogue session event, in the shape of catalogue/session/service.py `event_data`."""
    status = {"published": "published", "updated": "applications_open", "cancelled": "cancelled"}.get(verb, verb)
    payload = {
        "session_id": session_id,
        "programme_id": "p-1",
        "programme_code": "ALGA-COL-LOCAL_FINANCE",
        "programme_title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "module_id": None,
        "kind": "college",
        "event_kind": None,
        "theme": "local_finance",
        "title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "status": status,
        "language": "fr",
        "delivery_mode": "residential_seminar",
        "capacity": 30,
        "starts_at": "2027-02-01T09:00:00+00:00",
        "ends_at": "2027-02-05T17:00:00+00:00",
        "timezone": "Africa/Dakar",
        "venue": {"city": "Dakar", "country": "SN", "address": None, "online": False},
        "applications_open_at": None,
        "applications_close_at": None,
        "trainer_ids": trainers,
        "audiences": ["finance_director"],
        "cancellation_reason": None,
        "revision": revision,
        **data,
    }
    return Event(
        id=event_id or str(uuid.uuid4()),
        type=f"catalogue.session.{verb}",
        source="catalogue",
        time="2026-11-29T10:00:00+00:00",
        data=payload,
    )


def record_event(record_id: str, authors: list[str], *, verb: str = "published", time: str = "", **data: Any) -> Event:
    """A publications record event: `record_id`, `title` variants, `author_expert_ids`."""
    payload = {
        "record_id": record_id,
        "title": {"fr": "Guide du budget participatif", "en": "Participatory budgeting guide"},
        "type": "toolkit",
        "year": 2026,
        "author_expert_ids": authors,
        **data,
    }
    return Event(
        id=str(uuid.uuid4()),
        type=f"publications.record.{verb}",
        source="publications",
        time=time or "2026-11-29T10:00:00+00:00",
        data=payload,
    )
