"""Joining and vetting: a person applies, coordinators verify or reject, verified experts are
archived; who may do what, which changes are refused, and the events each change publishes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from common.db import Database

from .conftest import PRIVATE_EMAIL, User, act, apply, create_expert, outbox, profile_body


async def test_a_person_applies_once_and_sees_their_pending_profile(client: httpx.AsyncClient, learner: User) -> None:
    assert (await client.get("/me", headers=learner.headers)).status_code == 404
    profile = await apply(client, learner)
    assert profile["status"] == "pending"
    assert profile["user_id"] == learner.id
    assert profile["listed"] is False
    assert profile["email"] == PRIVATE_EMAIL and profile["orcid"] == "0000-0002-1825-0097"
    assert [t["code"] for t in profile["themes"]] == ["participatory_budgeting", "local_finance"]
    assert [w["code"] for w in profile["work_countries"]] == ["GN", "ML"]
    assert profile["duplicate_candidates"] is None and profile["allowed_actions"] is None  # staff-only fields

    me = await client.get("/me", headers=learner.headers)
    assert me.status_code == 200 and me.json()["id"] == profile["id"]
    again = await client.post("/applications", json=profile_body(full_name="Someone Else"), headers=learner.headers)
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")
    # Pending profiles are nobody else's business.
    assert (await client.get(f"/experts/{profile['id']}")).status_code == 404
    assert (await client.get("/experts")).json()["total"] == 0


async def test_the_email_defaults_to_the_account_email(client: httpx.AsyncClient, new_user: Any) -> None:
    person = new_user(email="Fatou.Sarr@Example.org")
    body = profile_body(full_name="Fatou Sarr")
    del body["email"]
    created = await client.post("/applications", json=body, headers=person.headers)
    assert created.status_code == 201
    assert created.json()["email"] == "fatou.sarr@example.org"


async def test_the_minimal_application_is_a_name_and_a_country(client: httpx.AsyncClient, learner: User) -> None:
    created = await client.post(
        "/applications", json={"full_name": "Ama Owusu", "country": "gh"}, headers=learner.headers
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["country"] == "GH" and body["availability"] == "available"
    assert body["public_listing_consent"] is False and body["themes"] == [] and body["bio"] is None
    missing = await client.post("/applications", json={"country": "GH"}, headers=learner.headers)
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "full_name"


async def test_coordinators_verify_and_the_role_event_names_the_user(
    client: httpx.AsyncClient, learner: User, coordinator: dict[str, str], db: Database
) -> None:
    profile = await apply(client, learner)
    assert [t for t, _ in await outbox(db)] == ["experts.profile.submitted"]

    queue = await client.get("/applications", headers=coordinator)
    assert queue.status_code == 200
    assert [p["id"] for p in queue.json()["items"]] == [profile["id"]]
    assert queue.json()["items"][0]["allowed_actions"] == ["verify", "reject"]

    verified = await act(client, coordinator, profile["id"], "verify", note="Références vérifiées.")
    assert verified.status_code == 200, verified.text
    body = verified.json()
    assert body["status"] == "verified" and body["listed"] is True and body["verified_at"]
    assert body["allowed_actions"] == ["archive"]
    assert (await client.get("/applications", headers=coordinator)).json()["total"] == 0

    kind, data = (await outbox(db))[-1]
    assert kind == "experts.profile.verified"
    assert data["user_id"] == learner.id
    assert data["profile_id"] == profile["id"]
    assert data["full_name"] == "Aïssatou Diallo"
    assert data["verified_at"] == body["verified_at"].replace("Z", "+00:00")
    assert "email" not in data and "phone" not in data and PRIVATE_EMAIL not in str(data)

    # Now in the directory, and editable by the expert: a public change is an `updated` event.
    assert (await client.get(f"/experts/{profile['id']}")).status_code == 200
    changed = await client.patch(
        "/me", json={"position": "Directrice des études", "phone": None}, headers=learner.headers
    )
    assert changed.status_code == 200 and changed.json()["position"] == "Directrice des études"
    kind, data = (await outbox(db))[-1]
    assert kind == "experts.profile.updated" and data["changed"] == ["position"]  # the phone is not told

    archived = await act(client, coordinator, profile["id"], "archive")
    assert archived.status_code == 200 and archived.json()["status"] == "archived"
    kind, data = (await outbox(db))[-1]
    assert kind == "experts.profile.archived" and data["user_id"] == learner.id and data["reason"] == "archived"
    assert (await client.get(f"/experts/{profile['id']}")).status_code == 404
    closed = await client.patch("/me", json={"position": "x"}, headers=learner.headers)
    assert closed.status_code == 409


async def test_rejecting_needs_a_note_the_applicant_reads(
    client: httpx.AsyncClient, learner: User, coordinator: dict[str, str], db: Database
) -> None:
    profile = await apply(client, learner)
    no_note = await act(client, coordinator, profile["id"], "reject")
    assert no_note.status_code == 422 and no_note.json()["errors"][0]["field"] == "note"
    rejected = await act(client, coordinator, profile["id"], "reject", note="Merci d'ajouter vos références.")
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    me = (await client.get("/me", headers=learner.headers)).json()
    assert me["status"] == "rejected" and me["vetting_note"] == "Merci d'ajouter vos références."
    assert [t for t, _ in await outbox(db)] == ["experts.profile.submitted", "experts.profile.rejected"]
    assert (await client.patch("/me", json={"title": "Dr"}, headers=learner.headers)).status_code == 409


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        (["verify"], ["verify", "reject"]),  # verified: only archive
        (["reject"], ["verify", "reject", "archive"]),
        (["verify", "archive"], ["verify", "reject", "archive"]),
        ([], ["archive"]),  # pending cannot be archived
    ],
)
async def test_illegal_transitions_are_409(
    client: httpx.AsyncClient, learner: User, coordinator: dict[str, str], path: list[str], refused: list[str]
) -> None:
    profile = await apply(client, learner)
    for action in path:
        assert (await act(client, coordinator, profile["id"], action, note="ok")).status_code == 200
    for action in refused:
        response = await act(client, coordinator, profile["id"], action, note="again")
        assert response.status_code == 409, (path, action)
        assert response.json()["type"].endswith("/transition-not-allowed")
    unknown = await act(client, coordinator, profile["id"], "promote")
    assert unknown.status_code == 422
    missing = await act(client, coordinator, "no-such-profile", "verify")
    assert missing.status_code == 404


async def test_who_may_vet(
    client: httpx.AsyncClient, learner: User, coordinator: dict[str, str], admin: dict[str, str], new_user: Any
) -> None:
    profile = await apply(client, learner)
    expert = new_user("learner", "expert")
    for headers, expected in ((None, 401), (learner.headers, 403), (expert.headers, 403)):
        response = await client.post(
            f"/profiles/{profile['id']}/transitions", json={"action": "verify"}, headers=headers
        )
        assert response.status_code == expected
        assert (await client.get("/applications", headers=headers)).status_code == expected
        assert (await client.get(f"/profiles/{profile['id']}", headers=headers)).status_code == expected
    assert (await act(client, admin, profile["id"], "verify")).status_code == 200  # admins too


async def test_coordinators_create_profiles_directly(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User, db: Database
) -> None:
    created = await create_expert(client, coordinator, full_name="Ousmane Keita", country="ML", email="ok@example.org")
    assert created["status"] == "verified" and created["user_id"] is None and created["listed"] is True
    kind, data = (await outbox(db))[-1]
    assert kind == "experts.profile.verified" and data["user_id"] is None and data["profile_id"] == created["id"]

    pending = await client.post(
        "/profiles",
        json={**profile_body(full_name="Nadia Benali", country="DZ", email=None, orcid=None), "status": "pending",
              "user_id": learner.id},
        headers=coordinator,
    )  # fmt: skip
    assert pending.status_code == 201 and pending.json()["status"] == "pending"
    assert pending.json()["user_id"] == learner.id
    # That account has its profile now: applying again, or a second profile for it, is refused.
    assert (await client.post("/applications", json=profile_body(), headers=learner.headers)).status_code == 409
    taken = await client.post(
        "/profiles", json={**profile_body(full_name="Other"), "user_id": learner.id}, headers=coordinator
    )
    assert taken.status_code == 409
    assert (await client.get("/me", headers=learner.headers)).json()["full_name"] == "Nadia Benali"


async def test_coordinators_edit_any_profile_and_fields_are_checked_whole(
    client: httpx.AsyncClient, coordinator: dict[str, str], learner: User
) -> None:
    profile = await apply(client, learner, available_from="2027-01-01")
    edited = await client.patch(
        f"/profiles/{profile['id']}", json={"keywords": ["cadastre"], "years_of_experience": 20}, headers=coordinator
    )
    assert edited.status_code == 200 and edited.json()["keywords"] == ["cadastre"]
    # The stored available_from and the new available_until are checked together.
    bad_dates = await client.patch("/me", json={"available_until": "2026-12-01"}, headers=learner.headers)
    assert bad_dates.status_code == 422 and bad_dates.json()["errors"][0]["field"] == "available_until"
    cleared = await client.patch("/me", json={"full_name": None, "country": None}, headers=learner.headers)
    assert cleared.status_code == 422
    assert {e["field"] for e in cleared.json()["errors"]} == {"full_name", "country"}
    emptied = await client.patch("/me", json={"themes": None, "bio": None, "title": None}, headers=learner.headers)
    assert emptied.status_code == 200
    assert emptied.json()["themes"] == [] and emptied.json()["bio"] is None and emptied.json()["title"] is None
    assert (await client.patch("/me", json={"status": "verified"}, headers=learner.headers)).status_code == 422


async def test_integrator_clients_have_no_profile(client: httpx.AsyncClient, token_factory: Any) -> None:
    headers = {"Authorization": f"Bearer {token_factory.client('uca', scopes=['experts:read'])}"}
    assert (await client.post("/applications", json=profile_body(), headers=headers)).status_code == 403
    assert (await client.get("/me", headers=headers)).status_code == 403
