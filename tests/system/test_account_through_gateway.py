"""A learner's first steps through the gateway, with every process real."""

from __future__ import annotations

import asyncio
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import nats
import pytest

from devstack.stack import Stack

pytestmark = pytest.mark.system


def test_register_login_and_read_my_account(live_stack: Stack) -> None:
    email = f"learner-{uuid.uuid4().hex[:8]}@example.org"
    with httpx.Client(base_url=live_stack.gateway_url, timeout=10) as http:
        registered = http.post(
            "/api/identity/auth/register",
            json={
                "email": email,
                "password": "un mot de passe solide 2026",
                "full_name": "Aïssatou Bâ",
                "country": "SN",
            },
        )
        assert registered.status_code == 201, registered.text
        assert registered.headers["x-request-id"]

        login = http.post("/api/identity/auth/login", json={"email": email, "password": "un mot de passe solide 2026"})
        assert login.status_code == 200
        assert "alga_access" in http.cookies  # the browser's way: HttpOnly cookie on the gateway origin

        me = http.get("/api/identity/users/me", headers={"X-Request-ID": "journey-1"})
        assert me.status_code == 200
        assert me.json()["full_name"] == "Aïssatou Bâ"
        assert me.headers["x-request-id"] == "journey-1"

        http.cookies.clear()
        bearer = http.get("/api/identity/users/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
        assert bearer.status_code == 200

        assert http.get("/api/identity/users/me").status_code == 401
        logout = http.post("/api/identity/auth/logout", json={"refresh_token": login.json()["refresh_token"]})
        assert logout.status_code == 204


def test_demo_accounts_exist_for_every_role(live_stack: Stack) -> None:
    with httpx.Client(base_url=live_stack.gateway_url, timeout=10) as http:
        for role in ("admin", "coordinator", "learner", "expert"):
            response = http.post(
                "/api/identity/auth/login", json={"email": f"{role}@example.org", "password": live_stack.demo_password}
            )
            assert response.status_code == 200, role
            assert role in response.json()["user"]["roles"]


def test_registration_event_reaches_nats(live_stack: Stack) -> None:
    email = f"evented-{uuid.uuid4().hex[:8]}@example.org"
    with httpx.Client(base_url=live_stack.gateway_url, timeout=10) as http:
        user = http.post(
            "/api/identity/auth/register",
            json={
                "email": email,
                "password": "another solid passphrase 7",
                "full_name": "Evented User",
                "country": "GH",
            },
        ).json()

    async def find_event() -> dict:  # type: ignore[type-arg]
        nc = await nats.connect(f"nats://127.0.0.1:{live_stack.nats_port}")
        try:
            js = nc.jetstream()
            sub = await js.pull_subscribe("alga.identity.user.registered", stream="ALGA")
            async with asyncio.timeout(20):
                while True:
                    try:
                        for msg in await sub.fetch(50, timeout=1):
                            body = json.loads(msg.data)
                            if body["data"]["user_id"] == user["id"]:
                                return body  # type: ignore[no-any-return]
                    except TimeoutError:
                        continue
        finally:
            await nc.close()

    # In a thread of its own: the Playwright journeys keep an event loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        event = pool.submit(asyncio.run, find_event()).result()
    assert event["type"] == "identity.user.registered"
    assert event["data"]["email"] == email


def test_gateway_health_and_merged_openapi(live_stack: Stack) -> None:
    with httpx.Client(base_url=live_stack.gateway_url, timeout=10) as http:
        health = http.get("/api/health")
        assert health.status_code == 200
        assert health.json()["services"]["identity"]["status"] == "up"
        spec = http.get("/api/openapi.json").json()
        assert "/api/identity/auth/login" in spec["paths"]
        assert "/api/identity/users/me" in spec["paths"]
        docs = http.get("/api/docs")
        assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
