from __future__ import annotations

import base64
import json

import httpx
import pytest
from jose import jwk, jwt
from sqlalchemy import select

from common.db import Database
from common.testing import bad_tokens
from identity.db import OutboxEvent
from identity.user.models import Role

from .conftest import bearer, login, make_user


@pytest.fixture
async def admin_token(client: httpx.AsyncClient, db: Database) -> str:
    await make_user(db, "admin@example.org", Role.admin)
    return str((await login(client, "admin@example.org"))["access_token"])


async def test_user_list_requires_staff(client: httpx.AsyncClient, db: Database) -> None:
    await make_user(db, "learner@example.org")
    await make_user(db, "coord@example.org", Role.coordinator)
    learner = (await login(client, "learner@example.org"))["access_token"]
    coordinator = (await login(client, "coord@example.org"))["access_token"]
    assert (await client.get("/users")).status_code == 401
    forbidden = await client.get("/users", headers=bearer(learner))
    assert forbidden.status_code == 403
    assert forbidden.headers["content-type"].startswith("application/problem+json")
    listed = await client.get("/users", headers=bearer(coordinator), params={"role": "learner"})
    assert listed.status_code == 200
    assert {u["email"] for u in listed.json()["items"]} == {"learner@example.org", "coord@example.org"}


async def test_only_admins_grant_roles_and_the_change_is_an_event(
    client: httpx.AsyncClient, db: Database, admin_token: str
) -> None:
    learner_id = await make_user(db, "learner@example.org")
    await make_user(db, "coord@example.org", Role.coordinator)
    coordinator = (await login(client, "coord@example.org"))["access_token"]
    body = {"roles": ["learner", "coordinator"]}
    assert (await client.put(f"/users/{learner_id}/roles", json=body)).status_code == 401
    assert (await client.put(f"/users/{learner_id}/roles", json=body, headers=bearer(coordinator))).status_code == 403

    response = await client.put(f"/users/{learner_id}/roles", json=body, headers=bearer(admin_token))
    assert response.status_code == 200
    assert response.json()["roles"] == ["coordinator", "learner"]
    async with db.session() as session:
        events = [
            json.loads(e.payload)
            for e in (
                await session.execute(select(OutboxEvent).where(OutboxEvent.type == "identity.user.roles_changed"))
            ).scalars()
        ]
    assert len(events) == 1
    assert events[0]["data"]["roles"] == ["coordinator", "learner"]
    assert events[0]["data"]["previous_roles"] == ["learner"]

    # Their next token carries the new role.
    token = (await login(client, "learner@example.org"))["access_token"]
    assert (await client.get("/users", headers=bearer(token))).status_code == 200


async def test_unknown_role_is_422(client: httpx.AsyncClient, db: Database, admin_token: str) -> None:
    user_id = await make_user(db, "learner@example.org")
    response = await client.put(f"/users/{user_id}/roles", json={"roles": ["emperor"]}, headers=bearer(admin_token))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"].startswith("roles")


async def test_the_last_admin_keeps_the_admin_role(client: httpx.AsyncClient, db: Database, admin_token: str) -> None:
    me = (await client.get("/users/me", headers=bearer(admin_token))).json()
    response = await client.put(f"/users/{me['id']}/roles", json={"roles": ["learner"]}, headers=bearer(admin_token))
    assert response.status_code == 409


async def test_client_credentials_flow(client: httpx.AsyncClient, db: Database, admin_token: str) -> None:
    learner_token = await _learner_token(client, db)
    body = {"name": "Université Cadi Ayyad", "scopes": ["catalogue:read", "enrollment:read"]}
    assert (await client.post("/clients", json=body)).status_code == 401
    assert (await client.post("/clients", json=body, headers=bearer(learner_token))).status_code == 403
    created = await client.post("/clients", json=body, headers=bearer(admin_token))
    assert created.status_code == 201
    integrator = created.json()
    secret = integrator["client_secret"]
    listed = await client.get("/clients", headers=bearer(admin_token))
    assert secret not in listed.text and listed.json()[0]["client_id"] == integrator["client_id"]

    basic = base64.b64encode(f"{integrator['client_id']}:{secret}".encode()).decode()
    token = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "scope": "catalogue:read"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert token.status_code == 200, token.text
    claims = jwt.get_unverified_claims(token.json()["access_token"])
    assert claims["scope"] == "catalogue:read" and claims["client_id"] == integrator["client_id"]
    assert "roles" not in claims

    by_form = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": integrator["client_id"], "client_secret": secret},
    )
    assert by_form.status_code == 200
    assert by_form.json()["scope"] == "catalogue:read enrollment:read"

    # An integrator token is not a user: no account, no staff endpoints.
    client_token = by_form.json()["access_token"]
    assert (await client.get("/users/me", headers=bearer(client_token))).status_code == 403
    assert (await client.get("/users", headers=bearer(client_token))).status_code == 403

    wrong = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": integrator["client_id"], "client_secret": "wrong"},
    )
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    scope = await client.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "scope": "publications:write",
            "client_id": integrator["client_id"],
            "client_secret": secret,
        },
    )
    assert scope.status_code == 400 and scope.json()["error"] == "invalid_scope"
    grant = await client.post(
        "/oauth/token", data={"grant_type": "password", "client_id": integrator["client_id"], "client_secret": secret}
    )
    assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"

    revoked = await client.delete(f"/clients/{integrator['id']}", headers=bearer(admin_token))
    assert revoked.status_code == 204
    after = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials", "client_id": integrator["client_id"], "client_secret": secret},
    )
    assert after.status_code == 401


async def _learner_token(client: httpx.AsyncClient, db: Database) -> str:
    await make_user(db, "learner@example.org")
    return str((await login(client, "learner@example.org"))["access_token"])


async def test_key_rotation_keeps_old_tokens_valid(client: httpx.AsyncClient, db: Database, admin_token: str) -> None:
    old_kid = jwt.get_unverified_header(admin_token)["kid"]
    learner_token = await _learner_token(client, db)
    assert (await client.post("/admin/signing-keys/rotate", headers=bearer(learner_token))).status_code == 403

    rotated = await client.post("/admin/signing-keys/rotate", headers=bearer(admin_token))
    assert rotated.status_code == 201
    new_kid = rotated.json()["kid"]
    assert new_kid != old_kid

    jwks = (await client.get("/.well-known/jwks.json")).json()
    assert {k["kid"] for k in jwks["keys"]} == {old_kid, new_kid}
    assert all(k["kty"] == "RSA" and k["alg"] == "RS256" and "d" not in k for k in jwks["keys"])

    # A token signed before the rotation still works; a new login is signed with the new key.
    assert (await client.get("/users/me", headers=bearer(admin_token))).status_code == 200
    fresh = (await login(client, "admin@example.org"))["access_token"]
    assert jwt.get_unverified_header(fresh)["kid"] == new_kid
    assert (await client.get("/users/me", headers=bearer(fresh))).status_code == 200


async def test_bad_tokens_are_refused(client: httpx.AsyncClient, admin_token: str) -> None:
    keys = client.app.state.keys  # type: ignore[attr-defined]
    await keys.jwks()
    kid, private_pem = keys._active
    public = next(k for k in (await keys.jwks())["keys"] if k["kid"] == kid)
    claims = jwt.get_unverified_claims(admin_token)
    forged = bad_tokens(
        sign=lambda c: jwt.encode(c, private_pem, algorithm="RS256", headers={"kid": kid}),
        kid=kid,
        public_pem=jwk.construct(public, algorithm="RS256").to_pem().decode(),
        claims=claims,
    )
    for name, token in forged.items():
        response = await client.get("/users", headers=bearer(token))
        assert response.status_code == 401, name
        assert response.headers["content-type"].startswith("application/problem+json"), name
    # The genuine token, for contrast.
    assert (await client.get("/users", headers=bearer(admin_token))).status_code == 200


async def test_discovery_document(client: httpx.AsyncClient) -> None:
    doc = (await client.get("/.well-known/openid-configuration")).json()
    assert doc["issuer"] == "alga-identity"
    assert doc["jwks_uri"].endswith("/api/identity/.well-known/jwks.json")
    assert doc["token_endpoint"].endswith("/api/identity/oauth/token")
    assert "catalogue:read" in doc["scopes_supported"]
