"""Sessions name verified experts only (issue 5, docs/decisions/0008).

catalogue settles an id from its copy of experts' statuses (fed by events) and asks the real
experts app about the ids the copy cannot settle; when experts cannot answer, a known status
stands and an unknown id is a 503 naming its field. The last test runs the consumer on NATS."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import nats
import pytest
from sqlalchemy import func, select
from sqlmodel import col

from catalogue.db import ProcessedEvent
from catalogue.expert.consumer import DURABLE, SUBJECTS, experts_consumer
from catalogue.expert.models import ExpertStatus
from catalogue.main import create_app
from catalogue.settings import CatalogueSettings
from common.auth import TokenVerifier
from common.db import Database
from common.events import ensure_stream
from common.testing import TokenFactory, running_app, truncate_all
from common.testing.fixtures import ServiceMigrations

from .conftest import (
    PUBLIC_URL,
    create_programme,
    create_session,
    expert_event,
    session_body,
    tell,
    verified_experts,
)

pytestmark = pytest.mark.usefixtures("themes")

EXPERTS_ALEMBIC_INI = Path(__file__).resolve().parents[2] / "experts" / "alembic.ini"


def new_id() -> str:
    return str(uuid.uuid4())


def _problem(response: httpx.Response, status: int) -> dict[str, str]:
    """{field: code} of a problem+json answer with `status`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    return {e["field"]: e["code"] for e in body["errors"]}


@pytest.fixture
async def programme(client: httpx.AsyncClient, coordinator: dict[str, str]) -> dict[str, Any]:
    return await create_programme(client, coordinator)


async def _create(
    client: httpx.AsyncClient, headers: dict[str, str], programme: dict[str, Any], trainers: list[str]
) -> httpx.Response:
    return await client.post("/sessions", json=session_body(programme["id"], trainer_ids=trainers), headers=headers)


async def _status_rows(db: Database) -> dict[str, tuple[str, str | None, int]]:
    async with db.session() as session:
        rows = (await session.execute(select(ExpertStatus))).scalars()
        return {r.id: (r.status, r.merged_into_id, r.revision) for r in rows}


# ---------------------------------------------------------------------------- the local copy


async def test_the_copy_follows_experts_events_and_ignores_redeliveries(db: Database) -> None:
    expert = new_id()
    submitted = expert_event(expert, "submitted", revision=1)
    await tell(db, submitted)
    assert await _status_rows(db) == {expert: ("pending", None, 1)}

    verified = expert_event(expert, "verified", revision=2)
    await tell(db, verified)
    assert await _status_rows(db) == {expert: ("verified", None, 2)}

    # The same event again (at-least-once delivery): skipped by its id, nothing changes.
    assert await experts_consumer(db, "nats://127.0.0.1:1").apply(verified) is False
    # An older event delivered late (redelivered after a failure) does not undo the newer one.
    await tell(db, expert_event(expert, "submitted", revision=1))
    assert await _status_rows(db) == {expert: ("verified", None, 2)}

    # Archived, then merged into another profile.
    await tell(db, expert_event(expert, "archived", revision=3))
    assert await _status_rows(db) == {expert: ("archived", None, 3)}
    other, target = new_id(), new_id()
    await tell(db, expert_event(other, "archived", status="merged", merged_into=target, revision=4))
    assert (await _status_rows(db))[other] == ("merged", target, 4)
    async with db.session() as session:
        processed = await session.execute(
            select(func.count()).select_from(ProcessedEvent).where(col(ProcessedEvent.consumer) == DURABLE)
        )
    assert processed.scalar_one() == 5  # submitted, verified, the late submitted, archived, merged


def test_the_consumer_listens_to_the_profile_events() -> None:
    assert DURABLE == "catalogue-experts"
    assert sorted(SUBJECTS) == [
        "alga.experts.profile.archived",
        "alga.experts.profile.rejected",
        "alga.experts.profile.submitted",
        "alga.experts.profile.updated",
        "alga.experts.profile.verified",
    ]


async def test_a_session_page_names_its_trainers_from_the_copy(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    listed, private, renamed, nameless = new_id(), new_id(), new_id(), new_id()
    await tell(
        db,
        expert_event(listed, full_name="Aminata Touré", revision=1),
        # Verified, but not consenting to the public directory: named, without a page to link to.
        expert_event(private, full_name="Kofi Mensah", listed=False, revision=1),
        expert_event(renamed, full_name="Grace Wanjiru", revision=1),
        expert_event(nameless, full_name=None, revision=1),
    )
    run = await create_session(client, coordinator, programme["id"], trainer_ids=[listed, private, renamed, nameless])
    # The profile changes its name later; an event without a name keeps the one the copy has.
    await tell(
        db,
        expert_event(renamed, "updated", full_name="Grace Wanjiru-Otieno", revision=2),
        expert_event(listed, "updated", full_name=None, revision=2),
    )

    page = (await client.get(f"/sessions/{run['id']}", params={"lang": "fr"})).json()
    assert page["trainer_ids"] == [listed, private, renamed, nameless]
    assert page["trainers"] == [
        {"id": listed, "name": "Aminata Touré", "listed": True},
        {"id": private, "name": "Kofi Mensah", "listed": False},
        {"id": renamed, "name": "Grace Wanjiru-Otieno", "listed": True},
        {"id": nameless, "name": None, "listed": True},
    ]
    people = page["json_ld"]["instructor"]
    assert people[0] == {
        "@type": "Person",
        "identifier": listed,
        "name": "Aminata Touré",
        "url": f"{PUBLIC_URL}/experts/{listed}",
    }
    assert people[1] == {"@type": "Person", "identifier": private, "name": "Kofi Mensah"}
    # Listings stay light: the names are on the session's own page only.
    listing = (await client.get("/sessions", params={"q": page["title"]})).json()
    assert all("trainers" not in item for item in listing["items"])


# ---------------------------------------------------------------------------- settled from the copy


async def test_verified_experts_are_named_without_asking_experts(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    # experts is unreachable in these tests (settings): the copy alone settles verified ids.
    first, second = new_id(), new_id()
    await verified_experts(db, first, second)
    created = await _create(client, coordinator, programme, [first, second])
    assert created.status_code == 201, created.text
    assert created.json()["trainer_ids"] == [first, second]


@pytest.mark.parametrize(
    ("verb", "status", "code"),
    [
        ("submitted", None, "expert_pending"),
        ("rejected", None, "expert_rejected"),
        ("archived", None, "expert_archived"),
        ("archived", "merged", "expert_merged"),
    ],
)
async def test_a_known_status_that_is_not_verified_is_refused(
    client: httpx.AsyncClient,
    coordinator: dict[str, str],
    programme: dict[str, Any],
    db: Database,
    verb: str,
    status: str | None,
    code: str,
) -> None:
    good, bad, target = new_id(), new_id(), new_id()
    await verified_experts(db, good)
    await tell(db, expert_event(bad, verb, status=status, merged_into=target if status else None))
    # experts cannot be asked to confirm: the status the copy knows stands (a 422, not a 503).
    response = await _create(client, coordinator, programme, [good, bad])
    assert _problem(response, 422) == {"trainer_ids.1": code}
    error = response.json()["errors"][0]
    if status == "merged":
        assert target in error["message"]  # says which id to name instead
    # Nothing was stored.
    listed = (await client.get("/sessions", params={"status": "draft"}, headers=coordinator)).json()
    assert listed["total"] == 0


async def test_other_errors_and_refused_trainers_come_together(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    pending = new_id()
    await tell(db, expert_event(pending, "submitted"))
    body = session_body(programme["id"], trainer_ids=[pending])
    body["ends_at"] = body["starts_at"]
    response = await client.post("/sessions", json=body, headers=coordinator)
    assert _problem(response, 422) == {"ends_at": "ends_before_start", "trainer_ids.0": "expert_pending"}


# ---------------------------------------------------------------------------- experts unreachable


async def test_an_id_nobody_can_settle_is_a_503_naming_its_field(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    known = new_id()
    await verified_experts(db, known)
    started = time.monotonic()
    response = await _create(client, coordinator, programme, [known, new_id()])
    assert _problem(response, 503) == {"trainer_ids.1": "experts_unavailable"}
    assert "experts" in response.json()["detail"]
    assert time.monotonic() - started < 5
    listed = (await client.get("/sessions", params={"status": "draft"}, headers=coordinator)).json()
    assert listed["total"] == 0


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel's backlog) but never answers a byte."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield int(sock.getsockname()[1])


async def test_an_experts_service_that_hangs_times_out_into_a_503(
    settings: CatalogueSettings, token_factory: TokenFactory, coordinator: dict[str, str], silent_port: int
) -> None:
    settings = settings.model_copy(update={"experts_url": f"http://127.0.0.1:{silent_port}", "experts_timeout": 0.5})
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    async with running_app(create_app(settings, verifier=verifier)) as client:
        programme = await create_programme(client, coordinator)
        started = time.monotonic()
        response = await _create(client, coordinator, programme, [new_id()])
        elapsed = time.monotonic() - started
    assert _problem(response, 503) == {"trainer_ids.0": "experts_unavailable"}
    assert 0.4 < elapsed < 3, elapsed  # the timeout, not a hang


# ---------------------------------------------------------------------------- asking the real experts


@dataclass
class Experts:
    """The real experts app, reached through an in-process transport, and a client to drive it."""

    transport: httpx.AsyncBaseTransport
    http: httpx.AsyncClient

    async def profile(self, headers: dict[str, str], name: str, status: str = "verified") -> str:
        body = {"full_name": name, "country": "SN", "status": status}
        response = await self.http.post("/profiles", json=body, headers=headers)
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    async def act(self, headers: dict[str, str], profile_id: str, action: str, note: str | None = None) -> None:
        body = {"action": action, **({"note": note} if note else {})}
        response = await self.http.post(f"/profiles/{profile_id}/transitions", json=body, headers=headers)
        assert response.status_code == 200, response.text


@pytest.fixture
async def experts(
    db_backend: str, _migrated_databases: Any, tmp_path: Path, token_factory: TokenFactory
) -> AsyncIterator[Experts]:
    from experts.main import create_app as create_experts_app
    from experts.models import metadata as experts_metadata
    from experts.settings import ExpertsSettings

    url = _migrated_databases.get(ServiceMigrations("experts", EXPERTS_ALEMBIC_INI, experts_metadata), db_backend)
    settings = ExpertsSettings(env="test", database_url=url, nats_url=None, var_dir=tmp_path, public_url=PUBLIC_URL)
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    app = create_experts_app(settings, verifier=verifier)
    try:
        async with running_app(app) as http:
            yield Experts(httpx.ASGITransport(app=app), http)
    finally:
        truncate_all(url, experts_metadata)


@pytest.fixture
async def asking(
    settings: CatalogueSettings, token_factory: TokenFactory, experts: Experts
) -> AsyncIterator[httpx.AsyncClient]:
    """catalogue, with the real experts app behind its experts URL."""
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    app = create_app(
        settings.model_copy(update={"experts_url": "http://experts"}),
        verifier=verifier,
        experts_transport=experts.transport,
    )
    async with running_app(app) as http:
        yield http


async def test_ids_the_copy_does_not_know_are_asked_of_experts(
    asking: httpx.AsyncClient, experts: Experts, coordinator: dict[str, str], db: Database
) -> None:
    programme = await create_programme(asking, coordinator)
    verified = await experts.profile(coordinator, "Aïssatou Diallo")
    pending = await experts.profile(coordinator, "Kofi Mensah", status="pending")
    rejected = await experts.profile(coordinator, "Amina Traoré", status="pending")
    await experts.act(coordinator, rejected, "reject", note="Not in local governance.")
    archived = await experts.profile(coordinator, "Jean Ndiaye")
    await experts.act(coordinator, archived, "archive")
    unknown = new_id()
    assert await _status_rows(db) == {}  # no event reached catalogue: every answer is live

    refused = await _create(asking, coordinator, programme, [verified, unknown, pending, rejected, archived])
    assert _problem(refused, 422) == {
        "trainer_ids.1": "expert_unknown",
        "trainer_ids.2": "expert_pending",
        "trainer_ids.3": "expert_rejected",
        "trainer_ids.4": "expert_archived",
    }
    messages = {e["field"]: e["message"] for e in refused.json()["errors"]}
    assert messages["trainer_ids.1"] == "No expert has this id."

    created = await _create(asking, coordinator, programme, [verified])
    assert created.status_code == 201, created.text
    assert created.json()["trainer_ids"] == [verified]


async def test_the_live_answer_beats_a_copy_that_lags_behind(
    asking: httpx.AsyncClient, experts: Experts, coordinator: dict[str, str], db: Database
) -> None:
    """Verified a moment ago: the copy still says pending (the event is on its way), experts
    says verified, and the coordinator is not turned away."""
    programme = await create_programme(asking, coordinator)
    expert = await experts.profile(coordinator, "Aïssatou Diallo", status="pending")
    await tell(db, expert_event(expert, "submitted"))
    await experts.act(coordinator, expert, "verify")
    created = await _create(asking, coordinator, programme, [expert])
    assert created.status_code == 201, created.text


async def test_a_merged_profile_names_the_one_to_use(
    asking: httpx.AsyncClient, experts: Experts, coordinator: dict[str, str]
) -> None:
    programme = await create_programme(asking, coordinator)
    kept = await experts.profile(coordinator, "Aïssatou Diallo")
    duplicate = await experts.profile(coordinator, "DIALLO Aïssatou", status="pending")
    (pair,) = (await experts.http.get("/duplicates", headers=coordinator)).json()["items"]
    resolved = await experts.http.post(
        f"/duplicates/{pair['id']}/resolution", json={"action": "merge"}, headers=coordinator
    )
    assert resolved.status_code == 200, resolved.text
    response = await _create(asking, coordinator, programme, [duplicate])
    assert _problem(response, 422) == {"trainer_ids.0": "expert_merged"}
    assert kept in response.json()["errors"][0]["message"]


# ---------------------------------------------------------------------------- editing a session


async def test_only_newly_named_trainers_are_checked(
    client: httpx.AsyncClient, coordinator: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    """An expert archived after being named stays on the session and does not block other edits
    (docs/decisions/0008); naming someone new is checked."""
    named, added, stranger = new_id(), new_id(), new_id()
    await verified_experts(db, named, added)
    run = await create_session(client, coordinator, programme["id"], trainer_ids=[named])
    await tell(db, expert_event(named, "archived", revision=2))

    # The whole form sent again (as the SPA does), trainers unchanged: fine.
    kept = await client.patch(
        f"/sessions/{run['id']}", json={"capacity": 45, "trainer_ids": [named]}, headers=coordinator
    )
    assert kept.status_code == 200, kept.text
    assert kept.json()["capacity"] == 45 and kept.json()["trainer_ids"] == [named]
    # Another verified expert added next to the archived one: only the new one is checked.
    more = await client.patch(f"/sessions/{run['id']}", json={"trainer_ids": [named, added]}, headers=coordinator)
    assert more.status_code == 200, more.text
    # An id nobody knows, while experts is unreachable: 503 for that position only.
    unknown = await client.patch(
        f"/sessions/{run['id']}", json={"trainer_ids": [named, added, stranger]}, headers=coordinator
    )
    assert _problem(unknown, 503) == {"trainer_ids.2": "experts_unavailable"}
    # Removed, the archived expert cannot come back.
    await client.patch(f"/sessions/{run['id']}", json={"trainer_ids": [added]}, headers=coordinator)
    back = await client.patch(f"/sessions/{run['id']}", json={"trainer_ids": [added, named]}, headers=coordinator)
    assert _problem(back, 422) == {"trainer_ids.1": "expert_archived"}
    stored = (await client.get(f"/sessions/{run['id']}", headers=coordinator)).json()
    assert stored["trainer_ids"] == [added]


async def test_naming_trainers_needs_a_coordinator(
    client: httpx.AsyncClient, learner: dict[str, str], programme: dict[str, Any], db: Database
) -> None:
    expert = new_id()
    await verified_experts(db, expert)
    assert (await _create(client, {}, programme, [expert])).status_code == 401
    assert (await _create(client, learner, programme, [expert])).status_code == 403


# ---------------------------------------------------------------------------- with NATS

TIMEOUT = 15.0


async def test_the_running_service_keeps_the_copy_from_nats(
    nats_server: str, settings: CatalogueSettings, token_factory: TokenFactory, db: Database
) -> None:
    settings = settings.model_copy(update={"nats_url": nats_server})
    verifier = TokenVerifier(issuer=settings.jwt_issuer, audience=settings.jwt_audience, static_jwks=token_factory.jwks)
    expert = new_id()
    verified = expert_event(expert, "verified", revision=2)
    nc = await nats.connect(nats_server)
    try:
        js = nc.jetstream()
        await ensure_stream(js)
        async with running_app(create_app(settings, verifier=verifier)):
            # Delivered twice under two message ids (past JetStream's own dedup): applied once.
            for copy in ("first", "second"):
                await js.publish(
                    "alga." + verified.type, verified.to_json(), headers={"Nats-Msg-Id": f"{verified.id}-{copy}"}
                )
            deadline = time.monotonic() + TIMEOUT
            while (await _status_rows(db)).get(expert) != ("verified", None, 2):
                assert time.monotonic() < deadline, "the verified event was not applied in time"
                await asyncio.sleep(0.05)
    finally:
        await nc.close()
    async with db.session() as session:
        processed = await session.execute(
            select(func.count()).select_from(ProcessedEvent).where(col(ProcessedEvent.event_id) == verified.id)
        )
    assert processed.scalar_one() == 1
