"""GET /api/health: every enabled service's state, asked concurrently."""

from __future__ import annotations

import time
from typing import Any

import httpx


def test_all_up_is_200(gateway: httpx.Client) -> None:
    response = gateway.get("/api/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["services"]) == {"identity", "catalogue"}
    for state in body["services"].values():
        assert state["status"] == "up"
        assert state["latency_ms"] >= 0
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-request-id"]


def test_a_stopped_service_makes_it_503_and_is_named(make_gateway: Any, refused_url: str) -> None:
    client = make_gateway(services=["identity", "catalogue", "experts"], experts_url=refused_url)
    response = client.get("/api/health")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["services"]["experts"]["status"] == "down"
    assert "experts" in body["services"]["experts"]["detail"]
    assert body["services"]["identity"]["status"] == "up"
    assert body["services"]["catalogue"]["status"] == "up"


def test_a_hanging_service_is_down_after_the_probe_timeout(make_gateway: Any, silent_url: str) -> None:
    client = make_gateway(
        services=["identity", "catalogue", "notifications"],
        notifications_url=silent_url,
        health_timeout=0.5,
    )
    started = time.monotonic()
    response = client.get("/api/health")
    elapsed = time.monotonic() - started

    assert response.status_code == 503
    assert response.json()["services"]["notifications"] == {
        "status": "down",
        "detail": "notifications did not answer within 0.5 s",
    }
    assert elapsed < 2.0


def test_health_answers_get_only(gateway: httpx.Client) -> None:
    response = gateway.post("/api/health")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert response.headers["content-type"] == "application/problem+json"
