from __future__ import annotations

import email
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from fastapi import FastAPI
from sqlalchemy import select
from sqlmodel import col

from common.auth import TokenVerifier
from common.db import Database
from common.events import Event, EventConsumer
from common.testing import TokenFactory, running_app
from common.testing.fixtures import ServiceMigrations
from common.testing.processes import free_port
from notifications.consumers import build_consumers
from notifications.delivery.sender import Sender
from notifications.main import create_app
from notifications.models import metadata
from notifications.notification.models import Notification
from notifications.settings import NotificationsSettings

ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"
PUBLIC_URL = "https://campus.example.org"
SESSION_TITLE = {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"}


@pytest.fixture(scope="session")
def service_migrations() -> ServiceMigrations:
    return ServiceMigrations("notifications", ALEMBIC_INI, metadata)


def make_settings(database_url: str, var_dir: Path, **overrides: Any) -> NotificationsSettings:
    values: dict[str, Any] = {
        "env": "test",
        "database_url": database_url,
        "nats_url": None,
        "var_dir": var_dir,
        "public_url": PUBLIC_URL,
        # Tests drive the sender by hand: no background task racing them.
        "sender_enabled": False,
        "smtp_helo_name": "localhost",
    }
    values.update(overrides)
    return NotificationsSettings(**values)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> NotificationsSettings:
    return make_settings(database_url, tmp_path)


@pytest.fixture
def mail_dir(settings: NotificationsSettings) -> Path:
    return settings.mail_directory


@pytest.fixture
async def db(settings: NotificationsSettings) -> AsyncIterator[Database]:
    database = Database(settings.database_url)
    yield database
    await database.dispose()


@pytest.fixture
def consumers(db: Database, settings: NotificationsSettings) -> dict[str, EventConsumer]:
    """The service's consumers by durable name; `apply(event)` is what each does per message
    (processed-event dedup + handler, in one transaction), without NATS."""
    return {c.durable: c for c in build_consumers(db, "nats://127.0.0.1:1", settings)}


@pytest.fixture
def sender(db: Database, settings: NotificationsSettings) -> Sender:
    return Sender(db, settings)


@pytest.fixture
def verifier(settings: NotificationsSettings, token_factory: TokenFactory) -> TokenVerifier:
    return TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)


@pytest.fixture
async def app(settings: NotificationsSettings, verifier: TokenVerifier) -> FastAPI:
    return create_app(settings, verifier=verifier)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with running_app(app) as http:
        yield http


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Person:
    """Someone with an account: `id` is identity's user id, `headers` carry a token for it."""

    id: str
    email: str
    full_name: str
    language: str
    headers: dict[str, str] = field(default_factory=dict)


@pytest.fixture
def person(token_factory: TokenFactory) -> Any:
    def make(full_name: str = "Aïssatou Bâ", language: str = "fr", *roles: str) -> Person:
        user_id = str(uuid.uuid4())
        address = f"user-{user_id[:8]}@example.org"
        token = token_factory.user(user_id, roles=roles or ("learner",), email=address, name=full_name)
        return Person(user_id, address, full_name, language, bearer(token))

    return make


# ---------------------------------------------------------------------------- events


def envelope(type: str, data: dict[str, Any], *, event_id: str | None = None, time: str | None = None) -> Event:
    return Event(
        id=event_id or str(uuid.uuid4()),
        type=type,
        source=type.split(".", 1)[0],
        time=time or "2026-11-29T10:00:00+00:00",
        data=data,
    )


def user_event(someone: Person, verb: str = "registered", **overrides: Any) -> Event:
    """identity's `user.registered|updated`, shaped as identity.user.service.profile_data."""
    data: dict[str, Any] = {
        "user_id": someone.id,
        "email": someone.email,
        "full_name": someone.full_name,
        "country": "SN",
        "organisation_id": None,
        "position": "Secrétaire général",
        "preferred_language": someone.language,
        "gender": "female",
    }
    time = overrides.pop("time", None)
    data.update(overrides)
    if verb == "registered":
        data["roles"] = ["learner"]
    else:
        data.setdefault("changed", ["preferred_language"])
    return envelope(f"identity.user.{verb}", data, time=time)


def application_event(
    verb: str,
    someone: Person,
    *,
    application_id: str | None = None,
    session_id: str = "s-finances",
    event_id: str | None = None,
    time: str | None = None,
    entity: str = "application",
    **overrides: Any,
) -> Event:
    """An enrollment event, shaped as enrollment.application.notify.application_data."""
    status = {
        "submitted": "submitted",
        "accepted": "accepted",
        "seat_offered": "accepted",
        "waitlisted": "waitlisted",
        "rejected": "rejected",
        "confirmed": "confirmed",
        "withdrawn": "withdrawn",
        "cancelled": "cancelled",
        "expired": "expired",
        "issued": "completed",
        "completed": "completed",
    }[verb]
    data: dict[str, Any] = {
        "application_id": application_id or str(uuid.uuid4()),
        "user_id": someone.id,
        "email": someone.email,
        "full_name": someone.full_name,
        "language": someone.language,
        "session_id": session_id,
        "session_title": SESSION_TITLE,
        "programme_id": "p-finances",
        "programme_title": {"fr": "Collège ALGA : Finances locales", "en": "ALGA College: Local finance"},
        "session_language": "fr",
        "starts_at": "2027-02-01T09:00:00+00:00",
        "ends_at": "2027-02-05T17:00:00+00:00",
        "status": status,
        "message": None,
        "offer_expires_at": "2027-01-10T09:00:00+00:00" if status == "accepted" else None,
    }
    data.update(overrides)
    return envelope(f"enrollment.{entity}.{verb}", data, event_id=event_id, time=time)


def session_updated_event(session_id: str = "s-finances", *, changed: list[str], **overrides: Any) -> Event:
    """catalogue's `session.updated`, shaped as catalogue.session.service.event_data."""
    data: dict[str, Any] = {
        "session_id": session_id,
        "programme_id": "p-finances",
        "programme_code": "ALGA-COL-LOCAL_FINANCE",
        "programme_title": SESSION_TITLE,
        "module_id": None,
        "kind": "college",
        "event_kind": None,
        "theme": "local_finance",
        "title": SESSION_TITLE,
        "status": "applications_open",
        "language": "fr",
        "delivery_mode": "residential_seminar",
        "capacity": 30,
        "starts_at": "2027-03-08T09:00:00+00:00",
        "ends_at": "2027-03-12T17:00:00+00:00",
        "timezone": "Africa/Dakar",
        "venue": {"city": "Dakar", "country": "SN", "address": None, "online": False},
        "applications_open_at": None,
        "applications_close_at": None,
        "trainer_ids": [],
        "audiences": ["finance_director"],
        "cancellation_reason": None,
        "revision": 3,
        "changed": changed,
    }
    data.update(overrides)
    return envelope("catalogue.session.updated", data)


def expert_verified_event(user_id: str | None, **overrides: Any) -> Event:
    """experts' `profile.verified`, shaped as experts.profile.service.event_data (no e-mail in it)."""
    data: dict[str, Any] = {
        "profile_id": str(uuid.uuid4()),
        "user_id": user_id,
        "full_name": "Aïssatou Bâ",
        "title": "Dr",
        "status": "verified",
        "listed": True,
        "country": "SN",
        "work_countries": ["ML"],
        "themes": ["local_finance"],
        "languages": ["fr"],
        "orcid": None,
        "availability": "available",
        "verified_at": "2026-11-29T10:00:00+00:00",
        "revision": 2,
    }
    data.update(overrides)
    return envelope("experts.profile.verified", data)


# ---------------------------------------------------------------------------- reading what was stored


async def stored(db: Database, **filters: Any) -> list[Notification]:
    async with db.session() as session:
        query = select(Notification).order_by(col(Notification.created_at), col(Notification.channel))
        for name, value in filters.items():
            query = query.where(getattr(Notification, name) == value)
        return list((await session.execute(query)).scalars())


def eml_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.eml")) if directory.exists() else []


def read_eml(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    # The files are RFC 5322 on disk: CRLF line ends.
    return str(part.get_content()).replace("\r\n", "\n")


def html_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("html",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


# ---------------------------------------------------------------------------- a real SMTP server


class SmtpSink:
    """What the server received; addresses in `refuse` are answered 550 at RCPT TO."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[Envelope] = []
        self.refuse: set[str] = set()
        self.logins: list[str] = []

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        assert isinstance(raw, bytes)
        message = email.message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.envelopes.append(envelope)
        self.messages.append(message)
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on a loopback port; `start()` again after `stop()` (a server that comes back)."""

    def __init__(self, port: int, *, users: dict[str, str] | None = None) -> None:
        self.port = port
        self.sink = SmtpSink()
        self.users = users
        self._controller: Controller | None = None

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        users = self.users or {}
        if isinstance(auth_data, LoginPassword):
            login, password = auth_data.login.decode(), auth_data.password.decode()
            if users.get(login) == password:
                self.sink.logins.append(login)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> None:
        kwargs: dict[str, Any] = {"server_hostname": "localhost"}
        if self.users is not None:
            kwargs.update(authenticator=self._authenticate, auth_required=True, auth_require_tls=False)
        self._controller = Controller(self.sink, hostname="127.0.0.1", port=self.port, **kwargs)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_port() -> int:
    return free_port()


@pytest.fixture
def smtp_server(smtp_port: int) -> Iterator[SmtpServer]:
    """A server on `smtp_port`, not started: each test starts it (or leaves it down)."""
    server = SmtpServer(smtp_port)
    yield server
    server.stop()
