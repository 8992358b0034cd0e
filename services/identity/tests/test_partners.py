"""Partner institutions and their focal points (seed §2.4): who may set them, the event, the token claim."""

from __future__ import annotations

import json

import httpx
from jose import jwt
from sqlalchemy import select

from common.db import Database
from identity import seed
from identity.db import OutboxEvent
from identity.user.models import Role

from .conftest import bearer, login, make_user

UCA = seed.seeded_organisation_id("Université Cadi Ayyad", "MA")
SALGA = seed.seeded_organisation_id("South African Local Government Association (SALGA)", "ZA")


async def _seeded(db: Database) -> None:
    async with db.session() as session:
        await seed.seed_organisations(session)
        await session.commit()


async def test_seeded_organisations_have_stable_ids_and_the_agreement_partner(
    client: httpx.AsyncClient, db: Database
) -> None:
    await _seeded(db)
    # catalogue's seed names the partner by this id (catalogue.seed_data.UCA_ID): it must not change.
    assert UCA == "bb13c2fe-0cd7-599c-90a1-5292282eda48"
    uca = (await client.get(f"/organisations/{UCA}")).json()
    assert uca["name"] == "Université Cadi Ayyad" and uca["is_partner"] is True
    partners = (await client.get("/organisations", params={"partner": "true"})).json()
    assert [o["id"] for o in partners["items"]] == [UCA]
    others = (await client.get("/organisations", params={"partner": "false"})).json()
    assert others["total"] == len(seed.ORGANISATIONS) - 1


async def test_coordinators_name_a_focal_point_who_then_carries_it_in_the_token(
    client: httpx.AsyncClient, db: Database
) -> None:
    await _seeded(db)
    focal_id = await make_user(db, "focal@example.org", full_name="Karima Focal", country="MA")
    await make_user(db, "coord@example.org", Role.coordinator)
    body = {"is_partner": True, "focal_point_user_id": focal_id}
    path = f"/organisations/{SALGA}/partnership"
    assert (await client.put(path, json=body)).status_code == 401
    learner = (await login(client, "focal@example.org"))["access_token"]
    assert (await client.put(path, json=body, headers=bearer(learner))).status_code == 403
    assert "focal_point_of" not in jwt.get_unverified_claims(learner)

    coordinator = (await login(client, "coord@example.org"))["access_token"]
    response = await client.put(path, json=body, headers=bearer(coordinator))
    assert response.status_code == 200, response.text
    assert response.json()["is_partner"] is True and response.json()["focal_point_user_id"] == focal_id

    async with db.session() as session:
        rows = (
            (await session.execute(select(OutboxEvent).where(OutboxEvent.type == "identity.organisation.updated")))
            .scalars()
            .all()
        )
    assert len(rows) == 1
    data = json.loads(rows[0].payload)["data"]
    assert data["organisation_id"] == SALGA and data["is_partner"] is True
    assert data["focal_point_user_id"] == focal_id and data["changed"] == ["focal_point_user_id", "is_partner"]

    # The same again changes nothing and tells no one.
    assert (await client.put(path, json=body, headers=bearer(coordinator))).status_code == 200
    async with db.session() as session:
        count = len((await session.execute(select(OutboxEvent))).scalars().all())
    assert count == 1

    # The focal point's next token names the partner; their account says so too.
    token = (await login(client, "focal@example.org"))["access_token"]
    assert jwt.get_unverified_claims(token)["focal_point_of"] == [SALGA]
    me = (await client.get("/users/me", headers=bearer(token))).json()
    assert me["focal_point_of"] == [SALGA]

    # Only staff see who the focal point is.
    assert (await client.get(f"/organisations/{SALGA}")).json()["focal_point_user_id"] is None
    staff_view = (await client.get(f"/organisations/{SALGA}", headers=bearer(coordinator))).json()
    assert staff_view["focal_point_user_id"] == focal_id

    # Ending the partnership drops the focal point, and the claim with it.
    ended = await client.put(
        path, json={"is_partner": False, "focal_point_user_id": focal_id}, headers=bearer(coordinator)
    )
    assert ended.json()["is_partner"] is False and ended.json()["focal_point_user_id"] is None
    token = (await login(client, "focal@example.org"))["access_token"]
    assert "focal_point_of" not in jwt.get_unverified_claims(token)


async def test_the_focal_point_must_be_a_known_user(client: httpx.AsyncClient, db: Database) -> None:
    await _seeded(db)
    await make_user(db, "coord@example.org", Role.coordinator)
    coordinator = (await login(client, "coord@example.org"))["access_token"]
    unknown = await client.put(
        f"/organisations/{UCA}/partnership",
        json={"is_partner": True, "focal_point_user_id": "0b7f0c1e-0000-4000-8000-000000000000"},
        headers=bearer(coordinator),
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "focal_point_user_id"
    malformed = await client.put(
        f"/organisations/{UCA}/partnership",
        json={"is_partner": True, "focal_point_user_id": "nobody"},
        headers=bearer(coordinator),
    )
    assert malformed.status_code == 422
    missing = await client.put(
        "/organisations/0b7f0c1e-0000-4000-8000-000000000000/partnership",
        json={"is_partner": True},
        headers=bearer(coordinator),
    )
    assert missing.status_code == 404
