from __future__ import annotations

import json

import httpx
from sqlalchemy import select

from common.db import Database
from identity.db import OutboxEvent

from .conftest import PASSWORD, bearer, login, make_user

REGISTRATION = {
    "email": "Mariam.Traore@Example.org",
    "password": PASSWORD,
    "full_name": "Mariam Traoré",
    "country": "ml",
    "position": "Secrétaire générale",
    "preferred_language": "fr",
    "gender": "female",
}


async def test_register_creates_a_learner_and_records_the_event(client: httpx.AsyncClient, db: Database) -> None:
    response = await client.post("/auth/register", json=REGISTRATION)
    assert response.status_code == 201, response.text
    user = response.json()
    assert user["email"] == "mariam.traore@example.org"
    assert user["country"] == "ML"
    assert user["roles"] == ["learner"]
    assert "password" not in json.dumps(user) and "hash" not in json.dumps(user)

    async with db.session() as session:
        events = (await session.execute(select(OutboxEvent))).scalars().all()
    assert [e.type for e in events] == ["identity.user.registered"]
    payload = json.loads(events[0].payload)
    assert payload["data"]["user_id"] == user["id"] and payload["data"]["gender"] == "female"


async def test_minimal_registration_body_is_enough(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/auth/register",
        json={"email": "min@example.org", "password": PASSWORD, "full_name": "Min Imal", "country": "KE"},
    )
    assert response.status_code == 201
    assert response.json()["preferred_language"] == "fr"


async def test_duplicate_email_is_409_whatever_the_case(client: httpx.AsyncClient) -> None:
    assert (await client.post("/auth/register", json=REGISTRATION)).status_code == 201
    again = await client.post("/auth/register", json={**REGISTRATION, "email": "MARIAM.TRAORE@example.ORG"})
    assert again.status_code == 409
    assert again.headers["content-type"].startswith("application/problem+json")
    assert again.json()["status"] == 409


async def test_weak_password_is_422_naming_the_field(client: httpx.AsyncClient) -> None:
    for weak in ["short", "password123", "mariamtraore"]:
        response = await client.post("/auth/register", json={**REGISTRATION, "password": weak})
        assert response.status_code == 422, weak
        body = response.json()
        assert response.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in body["errors"]] == ["password"]


async def test_bad_fields_are_all_named(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/auth/register", json={"email": "not-an-email", "password": PASSWORD, "full_name": "", "country": "XX"}
    )
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"email", "full_name", "country"}


async def test_unknown_organisation_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/auth/register", json={**REGISTRATION, "organisation_id": "nope"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "organisation_id"


async def test_login_sets_httponly_cookies_and_returns_tokens(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    response = await client.post("/auth/login", json={"email": "AWA@example.org", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer" and body["expires_in"] == 900
    assert body["user"]["email"] == "awa@example.org"
    cookies = response.headers.get_list("set-cookie")
    access = next(c for c in cookies if c.startswith("alga_access="))
    refresh = next(c for c in cookies if c.startswith("alga_refresh="))
    for cookie in (access, refresh):
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/api/identity/auth" in refresh

    # The cookie alone (a browser) and the bearer token alone (a script) both work.
    me = await client.get("/users/me")
    assert me.status_code == 200 and me.json()["email"] == "awa@example.org"
    client.cookies.clear()
    me = await client.get("/users/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200 and me.json()["full_name"] == "Awa Diop"


async def test_wrong_password_and_unknown_email_answer_the_same(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    wrong = await client.post("/auth/login", json={"email": "awa@example.org", "password": "nope nope nope"})
    unknown = await client.post("/auth/login", json={"email": "nobody@example.org", "password": "nope nope nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["detail"] == "Incorrect e-mail or password."


async def test_failed_logins_are_rate_limited_per_account(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    for _ in range(5):
        assert (
            await client.post("/auth/login", json={"email": "awa@example.org", "password": "wrong!"})
        ).status_code == 401
    # Even the right password is refused now, and an unknown account behaves the same.
    blocked = await client.post("/auth/login", json={"email": "awa@example.org", "password": PASSWORD})
    assert blocked.status_code == 429 and "Retry-After" in blocked.headers
    for _ in range(5):
        await client.post("/auth/login", json={"email": "ghost@example.org", "password": "wrong!"})
    assert (await client.post("/auth/login", json={"email": "ghost@example.org", "password": "x"})).status_code == 429


async def test_login_attempts_are_rate_limited_per_ip(client: httpx.AsyncClient, settings) -> None:  # type: ignore[no-untyped-def]
    for i in range(settings.login_max_attempts_per_ip):
        response = await client.post("/auth/login", json={"email": f"u{i}@example.org", "password": "x"})
        assert response.status_code == 401
    response = await client.post("/auth/login", json={"email": "another@example.org", "password": "x"})
    assert response.status_code == 429


async def test_refresh_rotates_and_reuse_closes_the_login(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    first = await login(client, "awa@example.org")
    second = await client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    new = second.json()
    assert new["refresh_token"] != first["refresh_token"]
    assert (await client.get("/users/me", headers=bearer(new["access_token"]))).status_code == 200

    # The old refresh token again: someone copied it. Both it and its successor stop working.
    replay = await client.post("/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    client.cookies.clear()
    after = await client.post("/auth/refresh", json={"refresh_token": new["refresh_token"]})
    assert after.status_code == 401


async def test_refresh_from_the_cookie(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    response = await client.post("/auth/login", json={"email": "awa@example.org", "password": PASSWORD})
    refresh_token = response.json()["refresh_token"]
    client.cookies.clear()
    client.cookies.set("alga_refresh", refresh_token)
    refreshed = await client.post("/auth/refresh")
    assert refreshed.status_code == 200
    assert refreshed.json()["user"]["email"] == "awa@example.org"


async def test_logout_revokes_the_refresh_token_and_clears_cookies(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    tokens = await login(client, "awa@example.org")
    response = await client.post("/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert response.status_code == 204
    cleared = response.headers.get_list("set-cookie")
    assert any(c.startswith('alga_access=""') or c.startswith("alga_access=;") or "Max-Age=0" in c for c in cleared)
    again = await client.post("/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 401


async def test_me_needs_a_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/users/me")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.headers["www-authenticate"].startswith("Bearer")


async def test_update_my_profile(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    token = (await login(client, "awa@example.org"))["access_token"]
    response = await client.patch(
        "/users/me", headers=bearer(token), json={"position": "Directrice des finances", "preferred_language": "en"}
    )
    assert response.status_code == 200
    assert response.json()["position"] == "Directrice des finances"
    assert response.json()["preferred_language"] == "en"
    bad = await client.patch("/users/me", headers=bearer(token), json={"country": "ZZ"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "country"


async def test_profile_changes_are_published(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "awa@example.org")
    token = (await login(client, "awa@example.org"))["access_token"]
    await client.patch("/users/me", headers=bearer(token), json={"position": "Maire adjointe"})
    async with db.session() as session:
        events = [
            json.loads(e.payload)
            for e in (
                await session.execute(select(OutboxEvent).where(OutboxEvent.type == "identity.user.updated"))
            ).scalars()
        ]
    assert len(events) == 1
    assert events[0]["data"]["position"] == "Maire adjointe" and events[0]["data"]["changed"] == ["position"]
