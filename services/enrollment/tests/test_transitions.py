"""Every action from every status: allowed ones move the application (and the timeline records
who, when, why), the others answer 409 and change nothing; the wrong caller gets 403."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from common.db import Database
from common.testing import TokenFactory
from enrollment.application.models import HOLDS_SEAT, LIVE, Application, ApplicationTransition, Status
from enrollment.application.workflow import RULES
from enrollment.session.models import CourseSession

from .conftest import Person, iso, publish_session

STAFF_ACTIONS = {a for a, r in RULES.items() if r.who == "staff"}
OWNER_ACTIONS = {a for a, r in RULES.items() if r.who == "owner"}


async def application_at(db: Database, session_id: str, person: Person, status: Status) -> str:
    """An application put straight into `status` (the seat counter kept right)."""
    async with db.session() as session:
        run = await session.get(CourseSession, session_id)
        assert run is not None
        app = Application(
            session_id=session_id,
            learner_id=person.id,
            status=status,
            motivation="m",
            live_slot=f"{person.id}:{session_id}" if status in LIVE else None,
            submitted_at=None if status == Status.draft else datetime.now(UTC),
        )
        if status in HOLDS_SEAT:
            run.seats_taken += 1
        if status == Status.waitlisted:
            run.waitlist_seq += 1
            app.waitlist_seq = run.waitlist_seq
        if status == Status.accepted:
            app.offer_expires_at = datetime.now(UTC) + timedelta(days=5)
        session.add_all([app, run])
        await session.commit()
        return app.id


async def running_session(db: Database) -> str:
    """Applications open, already started (so `complete` is possible), completed by hand."""
    now = datetime.now(UTC)
    data = await publish_session(
        db,
        capacity=10,
        delivery_mode="e_learning",
        starts_at=iso(now - timedelta(days=1)),
        ends_at=iso(now + timedelta(days=20)),
        applications_close_at=iso(now + timedelta(days=10)),
    )
    return str(data["session_id"])


EXPECTED_TARGET = {a: r.target for a, r in RULES.items()}


@pytest.mark.parametrize("action", sorted(RULES))
async def test_each_action_from_each_status(
    action: str, client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    rule = RULES[action]
    session_id = await running_session(db)
    for status in Status:
        person = Person(token_factory)
        app_id = await application_at(db, session_id, person, status)
        actor = coordinator if action in STAFF_ACTIONS else person
        response = await client.post(
            f"/applications/{app_id}/transitions",
            json={"action": action, "message": f"because {action}"},
            headers=actor.headers,
        )
        async with db.session() as session:
            stored = await session.get(Application, app_id)
            assert stored is not None
            steps = (
                await session.execute(
                    ApplicationTransition.__table__.select().where(
                        ApplicationTransition.__table__.c.application_id == app_id
                    )
                )
            ).all()
        if status in rule.sources:
            assert response.status_code == 200, f"{action} from {status}: {response.text}"
            assert stored.status == EXPECTED_TARGET[action] == response.json()["status"], (action, status)
            last = response.json()["timeline"][-1]
            assert (last["action"], last["from_status"], last["to_status"]) == (action, status, stored.status)
            assert last["by"] == actor.id and last["message"] == f"because {action}"
            assert last["by_role"] == ("coordinator" if actor is coordinator else "learner")
        else:
            assert response.status_code == 409, f"{action} from {status} should be refused: {response.text}"
            assert response.headers["content-type"] == "application/problem+json"
            body = response.json()
            assert body["status_now"] == status
            assert stored.status == status and steps == []


@pytest.mark.parametrize("action", sorted(STAFF_ACTIONS))
async def test_learners_cannot_take_coordinator_actions(
    action: str, client: httpx.AsyncClient, db: Database, token_factory: TokenFactory
) -> None:
    session_id = await running_session(db)
    person = Person(token_factory)
    source = sorted(RULES[action].sources)[0]
    app_id = await application_at(db, session_id, person, source)
    response = await client.post(f"/applications/{app_id}/transitions", json={"action": action}, headers=person.headers)
    assert response.status_code == 403
    async with db.session() as session:
        stored = await session.get(Application, app_id)
        assert stored is not None and stored.status == source


@pytest.mark.parametrize("action", sorted(OWNER_ACTIONS))
async def test_coordinators_cannot_act_for_the_learner(
    action: str, client: httpx.AsyncClient, db: Database, token_factory: TokenFactory, coordinator: Person
) -> None:
    session_id = await running_session(db)
    source = sorted(RULES[action].sources)[0]
    app_id = await application_at(db, session_id, Person(token_factory), source)
    response = await client.post(
        f"/applications/{app_id}/transitions", json={"action": action}, headers=coordinator.headers
    )
    assert response.status_code == 403


async def test_unknown_action_is_422(client: httpx.AsyncClient, db: Database, learner: Person) -> None:
    session_id = await running_session(db)
    app_id = await application_at(db, session_id, learner, Status.submitted)
    response = await client.post(
        f"/applications/{app_id}/transitions", json={"action": "promote"}, headers=learner.headers
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "action"


async def test_completing_a_residential_seminar_needs_attendance(
    client: httpx.AsyncClient, db: Database, learner: Person, coordinator: Person
) -> None:
    now = datetime.now(UTC)
    data = await publish_session(
        db, capacity=5, starts_at=iso(now - timedelta(days=4)), ends_at=iso(now - timedelta(hours=1))
    )
    app_id = await application_at(db, data["session_id"], learner, Status.confirmed)
    refused = await client.post(
        f"/applications/{app_id}/transitions", json={"action": "complete"}, headers=coordinator.headers
    )
    assert refused.status_code == 409
    assert refused.json()["days_present"] == 0 and refused.json()["completion_threshold"] == 80


async def test_drafts_are_submitted_later(client: httpx.AsyncClient, db: Database, learner: Person) -> None:
    session_id = await running_session(db)
    draft = await client.post(
        "/applications",
        json={"session_id": session_id, "motivation": "brouillon", "draft": True},
        headers=learner.headers,
    )
    assert draft.status_code == 201 and draft.json()["status"] == "draft"
    assert draft.json()["allowed_actions"] == ["submit", "withdraw"]
    submitted = await client.post(
        f"/applications/{draft.json()['id']}/transitions", json={"action": "submit"}, headers=learner.headers
    )
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert [t["to_status"] for t in submitted.json()["timeline"]] == ["draft", "submitted"]
