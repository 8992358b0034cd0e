from __future__ import annotations

import httpx

from common.db import Database
from identity import seed
from identity.user.models import Role

from .conftest import bearer, login, make_user


async def test_countries_lists_the_54_african_countries_in_the_asked_language(client: httpx.AsyncClient) -> None:
    french = (await client.get("/countries", params={"lang": "fr"})).json()
    assert french["total"] == 54 == len(french["items"])
    names = {c["code"]: c["name"] for c in french["items"]}
    assert names["CI"] == "Côte d'Ivoire" and names["CV"] == "Cap-Vert" and names["EG"] == "Égypte"
    english = (await client.get("/countries", headers={"Accept-Language": "en-GB,en;q=0.8"})).json()
    assert {c["code"]: c["name"] for c in english["items"]}["EG"] == "Egypt"
    assert (await client.get("/countries", params={"lang": "xx"})).status_code == 422


async def test_organisations_are_public_and_filterable(client: httpx.AsyncClient, db: Database) -> None:
    async with db.session() as session:
        await seed.seed_organisations(session)
        await session.commit()
    listed = (await client.get("/organisations", params={"country": "ma"})).json()
    assert {o["name"] for o in listed["items"]} >= {"Université Cadi Ayyad", "Commune de Marrakech"}
    assert all(o["country"] == "MA" for o in listed["items"])
    associations = (await client.get("/organisations", params={"kind": "national_association", "q": "salga"})).json()
    assert [o["country"] for o in associations["items"]] == ["ZA"]
    page = (await client.get("/organisations", params={"limit": 2, "offset": 2})).json()
    assert len(page["items"]) == 2 and page["total"] == len(seed.ORGANISATIONS)


async def test_seed_is_idempotent(db: Database) -> None:
    async with db.session() as session:
        first = await seed.seed_organisations(session)
        second = await seed.seed_organisations(session)
        await session.commit()
    assert first == len(seed.ORGANISATIONS) and second == 0


async def test_coordinators_add_organisations(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "learner@example.org")
    await make_user(db, "coord@example.org", Role.coordinator)
    body = {"name": "Commune de Ouagadougou", "kind": "local_government", "country": "bf"}
    assert (await client.post("/organisations", json=body)).status_code == 401
    learner = (await login(client, "learner@example.org"))["access_token"]
    assert (await client.post("/organisations", json=body, headers=bearer(learner))).status_code == 403
    coordinator = (await login(client, "coord@example.org"))["access_token"]
    created = await client.post("/organisations", json=body, headers=bearer(coordinator))
    assert created.status_code == 201 and created.json()["country"] == "BF"
    again = await client.post(
        "/organisations", json={**body, "name": "commune de ouagadougou"}, headers=bearer(coordinator)
    )
    assert again.status_code == 409
    bad = await client.post(
        "/organisations", json={**body, "country": "QQ", "kind": "kingdom"}, headers=bearer(coordinator)
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"country", "kind"}

    # A user can now pick it.
    registered = await client.post(
        "/auth/register",
        json={
            "email": "maire@example.org",
            "password": "a much better passphrase 9",
            "full_name": "Issa Maire",
            "country": "BF",
            "organisation_id": created.json()["id"],
        },
    )
    assert registered.status_code == 201 and registered.json()["organisation_id"] == created.json()["id"]


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok", "service": "identity"}
    ready = await client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "up", "events": "disabled"}
    assert len(ready.headers["x-request-id"]) == 32
    echoed = await client.get("/health", headers={"X-Request-ID": "abc-123"})
    assert echoed.headers["x-request-id"] == "abc-123"


async def test_unknown_routes_and_methods_answer_problem_json(client: httpx.AsyncClient) -> None:
    missing = await client.get("/nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    wrong = await client.delete("/countries")
    assert wrong.status_code == 405 and wrong.json()["status"] == 405
    broken = await client.post("/auth/login", content=b"{not json", headers={"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["title"] == "Validation failed"
