"""Applying: the minimal body, one live application, Idempotency-Key, who sees what, the review queue."""

from __future__ import annotations

import uuid

import httpx

from common.db import Database

from .conftest import Person, act, apply, configure, outbox, publish_session, register_learner


async def test_minimal_body_is_enough_and_the_timeline_starts(
    client: httpx.AsyncClient, db: Database, learner: Person
) -> None:
    session = await publish_session(db)
    body = await apply(client, learner, session["session_id"])
    assert body["status"] == "submitted"
    assert body["learner_id"] == learner.id
    assert body["session"]["title"] == "Finances locales, Dakar 2027"
    assert body["learner"]["full_name"] == "Aïssatou Bâ"  # from the token until identity's event comes
    assert body["allowed_actions"] == ["withdraw"]
    assert body["attendance_code"] is None  # no seat, nothing to scan
    assert [(t["action"], t["to_status"], t["by"]) for t in body["timeline"]] == [("submit", "submitted", learner.id)]

    (event,) = await outbox(db, "enrollment.application.submitted")
    assert event["user_id"] == learner.id and event["session_id"] == session["session_id"]
    assert event["session_title"]["en"] == "Local finance, Dakar 2027"
    assert event["language"] == "fr"


async def test_profile_from_identity_fills_country_organisation_and_language(
    client: httpx.AsyncClient, db: Database, learner: Person
) -> None:
    session = await publish_session(db)
    await register_learner(db, learner, country="CM", preferred_language="en", position="Secrétaire général")
    body = await apply(client, learner, session["session_id"])
    assert body["country"] == "CM" and body["position"] == "Secrétaire général" and body["language"] == "en"


async def test_a_second_live_application_is_409(client: httpx.AsyncClient, db: Database, learner: Person) -> None:
    session = await publish_session(db)
    first = await apply(client, learner, session["session_id"])
    second = await client.post(
        "/applications", json={"session_id": session["session_id"], "motivation": "again"}, headers=learner.headers
    )
    assert second.status_code == 409
    assert second.headers["content-type"] == "application/problem+json"
    assert second.json()["application_id"] == first["id"]
    # Withdrawn, it is no longer live: applying again works.
    await act(client, learner, first["id"], "withdraw")
    again = await apply(client, learner, session["session_id"])
    assert again["id"] != first["id"]


async def test_idempotency_key_replays_the_first_answer(
    client: httpx.AsyncClient, db: Database, learner: Person
) -> None:
    session = await publish_session(db)
    body = {"session_id": session["session_id"], "motivation": "Renforcer nos finances."}
    headers = {**learner.headers, "Idempotency-Key": "apply-123"}
    first = await client.post("/applications", json=body, headers=headers)
    retry = await client.post("/applications", json=body, headers=headers)
    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert len(await outbox(db, "enrollment.application.submitted")) == 1
    listed = await client.get("/applications", headers=learner.headers)
    assert listed.json()["total"] == 1
    # The same key with another body is a client error, not a silent replay.
    other = await client.post("/applications", json={**body, "motivation": "autre"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["type"].endswith("idempotency-key-reused")


async def test_closed_or_unknown_sessions_refuse_applications(
    client: httpx.AsyncClient, db: Database, learner: Person
) -> None:
    closed = await publish_session(db, status="applications_closed")
    response = await client.post(
        "/applications", json={"session_id": closed["session_id"], "motivation": "x"}, headers=learner.headers
    )
    assert response.status_code == 409 and response.json()["session_status"] == "applications_closed"
    unknown = await client.post(
        "/applications", json={"session_id": str(uuid.uuid4()), "motivation": "x"}, headers=learner.headers
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "session_id"
    empty = await client.post("/applications", json={"session_id": closed["session_id"]}, headers=learner.headers)
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "motivation"


async def test_another_learners_application_is_not_found(
    client: httpx.AsyncClient, db: Database, learner: Person, other_learner: Person, coordinator: Person
) -> None:
    session = await publish_session(db)
    mine = await apply(client, learner, session["session_id"])
    for path in (f"/applications/{mine['id']}", f"/applications/{mine['id']}/attendance-qr.svg"):
        response = await client.get(path, headers=other_learner.headers)
        assert response.status_code == 404, path
        assert response.json()["detail"] == "No application with this id."
    moved = await client.post(
        f"/applications/{mine['id']}/transitions", json={"action": "withdraw"}, headers=other_learner.headers
    )
    assert moved.status_code == 404
    # Same answer as for an id that does not exist at all.
    assert (await client.get(f"/applications/{uuid.uuid4()}", headers=other_learner.headers)).status_code == 404
    assert (await client.get(f"/applications/{mine['id']}", headers=learner.headers)).status_code == 200
    assert (await client.get(f"/applications/{mine['id']}", headers=coordinator.headers)).status_code == 200
    theirs = await client.get("/applications", headers=other_learner.headers)
    assert theirs.json()["total"] == 0


async def test_review_queue_filters_and_facets(
    client: httpx.AsyncClient, db: Database, token_factory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=10)
    other_session = await publish_session(db)
    people = []
    for country, gender in (("SN", "female"), ("SN", "male"), ("CM", "female")):
        person = Person(token_factory)
        await register_learner(db, person, country=country, gender=gender, organisation_id="org-" + country)
        await apply(client, person, session["session_id"])
        people.append(person)
    await apply(client, Person(token_factory), other_session["session_id"], country="MA")

    def ids(response: httpx.Response) -> set[str]:
        assert response.status_code == 200, response.text
        return {item["learner_id"] for item in response.json()["items"]}

    everything = await client.get(
        "/applications", params={"session_id": session["session_id"]}, headers=coordinator.headers
    )
    assert everything.json()["total"] == 3
    assert everything.json()["facets"]["country"] == {"SN": 2, "CM": 1}
    assert everything.json()["facets"]["gender"] == {"female": 2, "male": 1}
    base = {"session_id": session["session_id"]}
    assert ids(await client.get("/applications", params={**base, "country": "SN"}, headers=coordinator.headers)) == {
        people[0].id,
        people[1].id,
    }
    assert ids(await client.get("/applications", params={**base, "gender": "female"}, headers=coordinator.headers)) == {
        people[0].id,
        people[2].id,
    }
    assert ids(
        await client.get("/applications", params={**base, "organisation_id": "org-CM"}, headers=coordinator.headers)
    ) == {people[2].id}
    await act(client, coordinator, everything.json()["items"][0]["id"], "reject", message="Profil hors cible")
    rejected = await client.get("/applications", params={**base, "status": "rejected"}, headers=coordinator.headers)
    assert rejected.json()["total"] == 1
    assert (await client.get("/applications", headers=coordinator.headers)).json()["total"] == 4


async def test_automatic_admission_then_waiting_list(
    client: httpx.AsyncClient, db: Database, token_factory, coordinator: Person
) -> None:
    session = await publish_session(db, capacity=2)
    await configure(client, coordinator, session["session_id"], admission_mode="automatic")
    results = [(await apply(client, Person(token_factory), session["session_id"]))["status"] for _ in range(4)]
    assert results == ["accepted", "accepted", "waitlisted", "waitlisted"]
    read = await client.get(f"/sessions/{session['session_id']}")
    assert read.json()["seats_taken"] == 2 and read.json()["waitlist_length"] == 2
