"""Seats: never more accepted + confirmed than capacity, the waiting list in order, offers that
expire, per-country quotas, and the same under real concurrency (uvicorn, real transactions)."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import func, select, update

from common.db import Database
from common.testing import TokenFactory
from common.testing.processes import free_port
from enrollment import sweeper
from enrollment.application.models import HOLDS_SEAT, Application
from enrollment.session.models import CourseSession
from enrollment.settings import EnrollmentSettings
from enrollment.timeutil import utcnow

from .conftest import (
    Person,
    act,
    apply,
    catalogue_event,
    configure,
    make_app,
    outbox,
    publish_session,
    session_consumer,
    statuses,
)


async def seat_count(db: Database, session_id: str) -> tuple[int, int]:
    """(the counter, the applications actually holding a seat): they must always agree."""
    async with db.session() as session:
        run = await session.get(CourseSession, session_id)
        assert run is not None
        held = (
            await session.execute(
                select(func.count()).where(
                    Application.session_id == session_id,
                    Application.status.in_([s.value for s in HOLDS_SEAT]),  # type: ignore[attr-defined]
                )
            )
        ).scalar_one()
        return run.seats_taken, int(held)


async def test_accepting_beyond_capacity_is_409_and_waitlist_moves_up_in_order(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=2)
    sid = session["session_id"]
    people = [Person(token_factory) for _ in range(5)]
    apps = [await apply(client, p, sid) for p in people]
    await act(client, coordinator, apps[0]["id"], "accept", message="Bienvenue")
    await act(client, coordinator, apps[1]["id"], "accept")
    full = await act(client, coordinator, apps[2]["id"], "accept", expect=409)
    assert full["type"].endswith("session-full") and full["capacity"] == 2
    for index in (3, 2, 4):  # waitlisted in this order: 3 is first in line
        await act(client, coordinator, apps[index]["id"], "waitlist")
    positions = {
        i: (await client.get(f"/applications/{apps[i]['id']}", headers=people[i].headers)).json()["waitlist_position"]
        for i in (2, 3, 4)
    }
    assert positions == {3: 1, 2: 2, 4: 3}

    confirmed = await act(client, people[0], apps[0]["id"], "confirm")
    assert confirmed["status"] == "confirmed"
    withdrawn = await act(client, people[0], apps[0]["id"], "withdraw", message="Empêchement")
    assert withdrawn["status"] == "withdrawn"
    promoted = (await client.get(f"/applications/{apps[3]['id']}", headers=people[3].headers)).json()
    assert promoted["status"] == "accepted" and promoted["offer_expires_at"]
    assert promoted["timeline"][-1]["action"] == "offer" and promoted["timeline"][-1]["by"] == "system"
    assert await statuses(db, sid) == {"withdrawn": 1, "accepted": 2, "waitlisted": 2}
    assert await seat_count(db, sid) == (2, 2)
    offers = await outbox(db, "enrollment.application.seat_offered")
    assert [o["user_id"] for o in offers] == [people[3].id]
    assert offers[0]["offer_expires_at"] and offers[0]["session_title"]["fr"]

    # Rejecting an accepted learner frees the seat too: the next in line (2) gets it.
    await act(client, coordinator, apps[1]["id"], "reject", message="Dossier incomplet")
    assert (await client.get(f"/applications/{apps[2]['id']}", headers=people[2].headers)).json()[
        "status"
    ] == "accepted"
    assert await seat_count(db, sid) == (2, 2)


async def test_unconfirmed_offers_expire_and_the_seat_goes_on(
    client: httpx.AsyncClient,
    db: Database,
    token_factory: TokenFactory,
    coordinator: Person,
) -> None:
    session = await publish_session(db, capacity=1)
    sid = session["session_id"]
    await configure(client, coordinator, sid, admission_mode="automatic", confirmation_days=3)
    people = [Person(token_factory) for _ in range(3)]
    apps = [await apply(client, p, sid) for p in people]
    assert [a["status"] for a in apps] == ["accepted", "waitlisted", "waitlisted"]
    deadline = apps[0]["offer_expires_at"]
    assert deadline is not None

    async def backdate(application_id: str) -> None:
        async with db.session() as s:
            await s.execute(
                update(Application)
                .where(Application.id == application_id)  # type: ignore[arg-type]
                .values(offer_expires_at=utcnow() - timedelta(minutes=1))
            )
            await s.commit()

    # The periodic sweep releases the seat and offers it to the first waiting learner.
    await backdate(apps[0]["id"])
    assert await sweeper.sweep(db) == 1
    assert (await client.get(f"/applications/{apps[0]['id']}", headers=people[0].headers)).json()["status"] == "expired"
    late = await act(client, people[0], apps[0]["id"], "confirm", expect=409)
    assert late["type"].endswith("offer-expired")
    assert (await client.get(f"/applications/{apps[1]['id']}", headers=people[1].headers)).json()[
        "status"
    ] == "accepted"

    # Lazily too: reading an overdue offer releases it, without waiting for the sweep.
    await backdate(apps[1]["id"])
    read = await client.get(f"/applications/{apps[1]['id']}", headers=people[1].headers)
    assert read.json()["status"] == "expired"
    assert (await client.get(f"/applications/{apps[2]['id']}", headers=people[2].headers)).json()[
        "status"
    ] == "accepted"
    assert await seat_count(db, sid) == (1, 1)
    expired = await outbox(db, "enrollment.application.expired")
    assert [e["user_id"] for e in expired] == [people[0].id, people[1].id]


async def test_country_quotas(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=3)
    sid = session["session_id"]
    await configure(client, coordinator, sid, admission_mode="automatic", country_quotas={"sn": 1})
    no_country = await client.post(
        "/applications", json={"session_id": sid, "motivation": "x"}, headers=Person(token_factory).headers
    )
    assert no_country.status_code == 422 and no_country.json()["errors"][0]["field"] == "country"
    first = await apply(client, Person(token_factory), sid, country="SN")
    second = await apply(client, Person(token_factory), sid, country="SN")
    other = await apply(client, Person(token_factory), sid, country="CM")
    assert (first["status"], second["status"], other["status"]) == ("accepted", "waitlisted", "accepted")
    refused = await act(client, coordinator, second["id"], "accept", expect=409)
    assert refused["type"].endswith("country-quota-reached")
    # Raising the quota lets the waiting Senegalese learner in at once.
    body = await configure(client, coordinator, sid, country_quotas={"SN": 2})
    assert body["seats_taken"] == 3
    assert (await client.get(f"/applications/{second['id']}", headers=coordinator.headers)).json()[
        "status"
    ] == "accepted"


async def test_more_capacity_from_catalogue_moves_the_waiting_list(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=1)
    sid = session["session_id"]
    await configure(client, coordinator, sid, admission_mode="automatic")
    apps = [await apply(client, Person(token_factory), sid) for _ in range(3)]
    assert [a["status"] for a in apps] == ["accepted", "waitlisted", "waitlisted"]
    await session_consumer(db).apply(catalogue_event({**session, "capacity": 2, "revision": 3}, "updated"))
    assert await statuses(db, sid) == {"accepted": 2, "waitlisted": 1}
    assert await seat_count(db, sid) == (2, 2)


# ---------------------------------------------------------------------------- real concurrency


@contextlib.asynccontextmanager
async def served(settings: EnrollmentSettings, token_factory: TokenFactory) -> AsyncIterator[str]:
    """The app behind a real uvicorn on a free port (its own connections, its own transactions)."""
    port = free_port()
    config = uvicorn.Config(
        make_app(settings, token_factory), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        async with asyncio.timeout(20):
            while not server.started:  # noqa: ASYNC110  (uvicorn has no event to await)
                await asyncio.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


async def _stampede(
    settings: EnrollmentSettings,
    db: Database,
    token_factory: TokenFactory,
    coordinator: Person,
    *,
    learners: int,
    capacity: int,
) -> None:
    session = await publish_session(db, capacity=capacity)
    sid = session["session_id"]
    people = [Person(token_factory) for _ in range(learners)]
    async with served(settings, token_factory) as base_url:
        limits = httpx.Limits(max_connections=learners + 10, max_keepalive_connections=learners + 10)
        async with httpx.AsyncClient(base_url=base_url, timeout=60, limits=limits) as http:
            await configure(http, coordinator, sid, admission_mode="automatic")
            start = asyncio.Event()

            async def one(person: Person) -> httpx.Response:
                await start.wait()
                # As a real client does: a 503 (every pooled connection busy, which a loaded
                # machine can cause with 200 requests at once) is retried after Retry-After,
                # under the same Idempotency-Key so a retry can never apply twice.
                # A connection the server dropped under that load is retried the same way.
                key = str(uuid.uuid4())
                for attempt in range(10):
                    try:
                        response = await http.post(
                            "/applications",
                            json={"session_id": sid, "motivation": "Premier arrivé, premier servi."},
                            headers={**person.headers, "Idempotency-Key": key},
                        )
                    except httpx.TransportError:
                        if attempt == 9:
                            raise
                        await asyncio.sleep(1)
                        continue
                    if response.status_code != 503:
                        break
                    await asyncio.sleep(float(response.headers["retry-after"]))
                return response

            tasks = [asyncio.create_task(one(p)) for p in people]
            await asyncio.sleep(0.05)
            start.set()
            responses = await asyncio.gather(*tasks)
            assert [r.status_code for r in responses] == [201] * learners, [
                r.text for r in responses if r.status_code != 201
            ][:3]
            answered = Counter(r.json()["status"] for r in responses)
            assert answered == {"accepted": capacity, "waitlisted": learners - capacity}
            assert await statuses(db, sid) == {"accepted": capacity, "waitlisted": learners - capacity}
            assert await seat_count(db, sid) == (capacity, capacity)
            # The waiting list's order is the order the seats ran out in: positions 1..n, no gaps.
            async with db.session() as s:
                seqs = sorted(
                    (
                        await s.execute(
                            select(Application.waitlist_seq).where(
                                Application.session_id == sid,  # type: ignore[arg-type]
                                Application.status == "waitlisted",  # type: ignore[arg-type]
                            )
                        )
                    ).scalars()
                )
            assert len(set(seqs)) == learners - capacity

            # Withdrawals of accepted learners, concurrently: each promotes exactly one.
            accepted = [
                (r.json()["id"], p) for r, p in zip(responses, people, strict=True) if r.json()["status"] == "accepted"
            ]
            first_waiting = min(
                (r.json() for r in responses if r.json()["status"] == "waitlisted"),
                key=lambda a: a["waitlist_position"] or 0,
            )
            withdrawn = await http.post(
                f"/applications/{accepted[0][0]}/transitions",
                json={"action": "withdraw"},
                headers=accepted[0][1].headers,
            )
            assert withdrawn.status_code == 200, withdrawn.text
            assert await statuses(db, sid) == {
                "accepted": capacity,
                "waitlisted": learners - capacity - 1,
                "withdrawn": 1,
            }
            promoted = await http.get(f"/applications/{first_waiting['id']}", headers=coordinator.headers)
            assert promoted.json()["status"] == "accepted"
            assert await seat_count(db, sid) == (capacity, capacity)

            others = await asyncio.gather(
                *[
                    http.post(f"/applications/{app_id}/transitions", json={"action": "withdraw"}, headers=p.headers)
                    for app_id, p in accepted[1:6]
                ]
            )
            assert [r.status_code for r in others] == [200] * 5
            assert await statuses(db, sid) == {
                "accepted": capacity,
                "waitlisted": learners - capacity - 6,
                "withdrawn": 6,
            }
            assert await seat_count(db, sid) == (capacity, capacity)
            assert len(await outbox(db, "enrollment.application.seat_offered")) == 6


@pytest.mark.timeout(240)
async def test_two_hundred_learners_on_thirty_seats(
    settings: EnrollmentSettings, db: Database, token_factory: TokenFactory, coordinator: Person, db_backend: str
) -> None:
    """Issue 4's figure on PostgreSQL (SELECT … FOR UPDATE); a smaller stampede on SQLite
    (one writer at a time, taken by the transaction's first statement)."""
    if db_backend == "postgresql":
        await _stampede(settings, db, token_factory, coordinator, learners=200, capacity=30)
    else:
        await _stampede(settings, db, token_factory, coordinator, learners=60, capacity=10)


async def test_concurrent_coordinator_accepts_never_oversell(
    settings: EnrollmentSettings, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    """Review mode: coordinators accepting many applications at once on the last seats."""
    session = await publish_session(db, capacity=5)
    sid = session["session_id"]
    people = [Person(token_factory) for _ in range(20)]
    async with served(settings, token_factory) as base_url, httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        ids: list[Any] = []
        for person in people:
            response = await http.post(
                "/applications", json={"session_id": sid, "motivation": "m"}, headers=person.headers
            )
            ids.append(response.json()["id"])
        responses = await asyncio.gather(
            *[
                http.post(f"/applications/{i}/transitions", json={"action": "accept"}, headers=coordinator.headers)
                for i in ids
            ]
        )
    codes = Counter(r.status_code for r in responses)
    assert codes == {200: 5, 409: 15}
    assert await seat_count(db, sid) == (5, 5)


async def test_the_app_sweeps_expired_offers_by_itself(
    settings: EnrollmentSettings, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    """The sweeper runs in the app's lifespan: nobody needs to read the application for its seat to go on."""
    from common.testing import running_app

    session = await publish_session(db, capacity=1)
    sid = session["session_id"]
    fast = settings.model_copy(update={"sweep_interval_seconds": 0.05})
    async with running_app(make_app(fast, token_factory)) as http:
        await configure(http, coordinator, sid, admission_mode="automatic")
        first = await apply(http, Person(token_factory), sid)
        second = await apply(http, Person(token_factory), sid)
        async with db.session() as s:
            await s.execute(
                update(Application)
                .where(Application.id == first["id"])  # type: ignore[arg-type]
                .values(offer_expires_at=utcnow() - timedelta(seconds=1))
            )
            await s.commit()
        async with asyncio.timeout(10):
            while (await statuses(db, sid)).get("expired") != 1:  # noqa: ASYNC110  (polling the database)
                await asyncio.sleep(0.05)
    assert await statuses(db, sid) == {"expired": 1, "accepted": 1}
    assert second["status"] == "waitlisted"
    assert await seat_count(db, sid) == (1, 1)
