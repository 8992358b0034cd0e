"""The read models: catalogue's sessions and identity's users, applied once, in revision order."""

from __future__ import annotations

import uuid

import httpx

from common.db import Database
from common.testing import TokenFactory
from enrollment.learner.models import Learner
from enrollment.session.models import CourseSession

from .conftest import (
    Person,
    act,
    apply,
    catalogue_event,
    configure,
    outbox,
    register_learner,
    session_consumer,
    session_data,
    statuses,
)


async def test_the_same_event_twice_changes_nothing(
    client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    data = session_data(capacity=4)
    sid = data["session_id"]
    consumer = session_consumer(db)
    assert await consumer.apply(catalogue_event(data)) is True
    await configure(client, coordinator, sid, admission_mode="automatic")
    apps = [await apply(client, Person(token_factory), sid) for _ in range(3)]
    cancelled = catalogue_event(
        {**data, "status": "cancelled", "cancellation_reason": "Salle indisponible", "revision": 5}, "cancelled"
    )
    assert await consumer.apply(cancelled) is True
    first = (await statuses(db, sid), len(await outbox(db)))
    assert first[0] == {"cancelled": 3}
    assert await consumer.apply(cancelled) is False  # redelivered: skipped
    # Even a copy of it under another id (a republished event) changes nothing more.
    assert await consumer.apply(catalogue_event(cancelled.data, "cancelled")) is True
    assert (await statuses(db, sid), len(await outbox(db))) == first
    told = await outbox(db, "enrollment.application.cancelled")
    assert sorted(t["user_id"] for t in told) == sorted(a["learner_id"] for a in apps)
    assert {t["message"] for t in told} == {"Salle indisponible"}
    read = (await client.get(f"/sessions/{sid}")).json()
    assert read["status"] == "cancelled" and read["seats_taken"] == 0
    closed = await client.post(
        "/applications", json={"session_id": sid, "motivation": "m"}, headers=coordinator.headers
    )
    assert closed.status_code == 409


async def test_an_older_revision_never_overwrites_a_newer_one(db: Database, client: httpx.AsyncClient) -> None:
    data = session_data(capacity=10, revision=4, title={"fr": "Titre v4"})
    consumer = session_consumer(db)
    await consumer.apply(catalogue_event(data, "updated"))
    await consumer.apply(
        catalogue_event({**data, "capacity": 3, "revision": 3, "title": {"fr": "Titre v3"}}, "updated")
    )
    read = (await client.get(f"/sessions/{data['session_id']}")).json()
    assert read["capacity"] == 10 and read["title"] == "Titre v4" and read["revision"] == 4
    await consumer.apply(catalogue_event({**data, "capacity": 12, "revision": 5}, "updated"))
    assert (await client.get(f"/sessions/{data['session_id']}")).json()["capacity"] == 12


async def test_settings_survive_catalogue_updates(db: Database, client: httpx.AsyncClient, coordinator: Person) -> None:
    data = session_data()
    consumer = session_consumer(db)
    await consumer.apply(catalogue_event(data))
    await configure(
        client,
        coordinator,
        data["session_id"],
        requires_endorsement=True,
        questions=[{"id": "budget", "label": {"fr": "Budget de votre commune ?"}, "required": True}],
    )
    await consumer.apply(catalogue_event({**data, "revision": 3, "capacity": 8}, "updated"))
    read = (await client.get(f"/sessions/{data['session_id']}")).json()
    assert read["requires_endorsement"] is True and read["questions"][0]["id"] == "budget" and read["capacity"] == 8


async def test_identity_events_keep_the_learner_copy(db: Database, token_factory: TokenFactory) -> None:
    person = Person(token_factory)
    await register_learner(db, person, country="GH", gender="male")
    from .conftest import learner_consumer

    update = {
        "user_id": person.id,
        "email": person.email,
        "full_name": "New Name",
        "country": "NG",
        "changed": ["country"],
    }
    from common.events import Event

    event = Event(str(uuid.uuid4()), "identity.user.updated", "identity", "2026-11-29T00:00:00+00:00", update)
    assert await learner_consumer(db).apply(event) is True
    assert await learner_consumer(db).apply(event) is False
    async with db.session() as s:
        learner = await s.get(Learner, person.id)
        assert learner is not None
        assert (learner.full_name, learner.country, learner.gender, learner.source) == (
            "New Name",
            "NG",
            "male",
            "identity",
        )
    # An update for someone never seen (their registration came before we subscribed) is an upsert.
    stranger = str(uuid.uuid4())
    late = Event(str(uuid.uuid4()), "identity.user.updated", "identity", "t", {"user_id": stranger, "country": "KE"})
    await learner_consumer(db).apply(late)
    async with db.session() as s:
        found = await s.get(Learner, stranger)
        assert found is not None and found.country == "KE"


async def test_questions_must_be_answered(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person
) -> None:
    data = session_data()
    await session_consumer(db).apply(catalogue_event(data))
    sid = data["session_id"]
    await configure(
        client,
        coordinator,
        sid,
        questions=[{"id": "budget", "label": {"fr": "Budget ?", "en": "Budget?"}, "required": True}],
    )
    missing = await client.post("/applications", json={"session_id": sid, "motivation": "m"}, headers=learner.headers)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "answers.budget"
    body = await apply(client, learner, sid, answers={"budget": "12 milliards FCFA"})
    assert body["answers"] == {"budget": "12 milliards FCFA"}
    await act(client, learner, body["id"], "withdraw")


async def test_unknown_session_settings_are_404(client: httpx.AsyncClient, coordinator: Person, db: Database) -> None:
    response = await client.patch(
        f"/sessions/{uuid.uuid4()}/settings", json={"admission_mode": "automatic"}, headers=coordinator.headers
    )
    assert response.status_code == 404
    async with db.session() as s:
        assert await s.get(CourseSession, "x") is None
