"""The coordinators' dashboard and the donor report through the gateway, every process real: the
overview composed from every service's statistics; with one service stopped, still answered with
that part marked missing; partners and their focal point, who sees the partner's figures only."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterator

import httpx
import pytest

from devstack.journeys import bearer
from devstack.stack import Stack

pytestmark = pytest.mark.system

PASSWORD = "une phrase de passe solide 2027"
PARTS = ["identity", "catalogue", "enrollment", "experts", "publications"]
#: Université Cadi Ayyad, as identity seeds it (and catalogue's seed names it).
UCA = "bb13c2fe-0cd7-599c-90a1-5292282eda48"


@pytest.fixture(scope="module")
def http(live_stack: Stack) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_stack.gateway_url, timeout=30, trust_env=False) as client:
        yield client


def test_a_coordinator_sees_every_part_and_a_learner_none(http: httpx.Client, live_stack: Stack) -> None:
    assert live_stack.demo_password is not None
    coordinator = bearer(http, "coordinator@example.org", live_stack.demo_password)
    response = http.get("/api/dashboard/overview", params={"lang": "en"}, headers=coordinator)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["missing"] == [] and list(body["parts"]) == PARTS
    assert all(part["status"] == "ok" for part in body["parts"].values())
    catalogue = body["parts"]["catalogue"]["data"]
    # The seeded Master, 18 Colleges and the series of expert seminars are published.
    published = {r["key"]: r["count"]["value"] for r in catalogue["programmes_by_status"]["rows"]}["published"]
    assert published >= 20
    users = body["parts"]["identity"]["data"]["users"]["by_role"]
    roles = {r["key"]: r["count"]["value"] for r in users["rows"]}
    assert roles["admin"] >= 1 and roles["coordinator"] >= 1  # the demo accounts, exact for coordinators
    assert body["parts"]["enrollment"]["data"]["queue"] is not None

    learner = bearer(http, "learner@example.org", live_stack.demo_password)
    for path in ("/api/dashboard/overview", "/api/dashboard/report"):
        assert http.get(path, headers=learner).status_code == 403
        assert http.get(path).status_code == 401
    for service in PARTS:
        assert http.get(f"/api/{service}/statistics/overview", headers=learner).status_code == 403
        assert http.get(f"/api/{service}/statistics/overview", headers=coordinator).status_code == 200


def test_with_a_service_stopped_the_rest_still_answers(http: httpx.Client, live_stack: Stack) -> None:
    assert live_stack.demo_password is not None
    coordinator = bearer(http, "coordinator@example.org", live_stack.demo_password)
    live_stack.stop_one("publications")
    try:
        overview = http.get("/api/dashboard/overview", headers=coordinator)
        assert overview.status_code == 200, overview.text
        body = overview.json()
        assert body["missing"] == ["publications"]
        assert body["parts"]["publications"]["status"] == "unavailable"
        assert all(body["parts"][name]["status"] == "ok" for name in PARTS if name != "publications")

        report = http.get("/api/dashboard/report", params={"format": "csv", "from": "2020-01-01"}, headers=coordinator)
        assert report.status_code == 200
        rows = list(csv.DictReader(io.StringIO(report.content.decode("utf-8-sig"))))
        assert {r["part"] for r in rows} == {"enrollment", "experts", "publications"}
        (missing,) = [r for r in rows if r["part"] == "publications"]
        assert missing["display"].startswith("missing: publications")
        assert any(r["section"] == "people_trained" and r["dimension"] == "total" for r in rows)
    finally:
        live_stack.start_one("publications")
    again = http.get("/api/dashboard/overview", headers=coordinator).json()
    assert again["missing"] == []


def test_a_partners_focal_point_sees_that_partners_figures(http: httpx.Client, live_stack: Stack) -> None:
    assert live_stack.demo_password is not None
    email = f"focal-{uuid.uuid4().hex[:8]}@example.org"
    registered = http.post(
        "/api/identity/auth/register",
        json={"email": email, "password": PASSWORD, "full_name": "Karima Focal", "country": "MA"},
    )
    assert registered.status_code == 201, registered.text
    focal_id = registered.json()["id"]
    admin = bearer(http, "admin@example.org", live_stack.demo_password)
    partnership = http.put(
        f"/api/identity/organisations/{UCA}/partnership",
        json={"is_partner": True, "focal_point_user_id": focal_id},
        headers=admin,
    )
    assert partnership.status_code == 200, partnership.text
    assert http.get("/api/identity/organisations", params={"partner": "true"}).json()["items"][0]["id"] == UCA
    # The partner's page lists its programmes from catalogue's own ids.
    programmes = http.get("/api/catalogue/programmes", params={"partner": UCA, "limit": 50}).json()
    assert programmes["total"] >= 20

    focal = bearer(http, email, PASSWORD)
    assert http.get("/api/dashboard/report", headers=focal).status_code == 403
    other = {"partner": str(uuid.uuid4())}
    assert http.get("/api/dashboard/report", params=other, headers=focal).status_code == 403
    report = http.get("/api/dashboard/report", params={"partner": UCA}, headers=focal)
    assert report.status_code == 200, report.text
    assert report.json()["missing"] == []
    assert all(part["data"]["partner"] == UCA for part in report.json()["parts"].values())
    overview = http.get("/api/dashboard/overview", params={"partner": UCA}, headers=focal).json()
    assert overview["parts"]["catalogue"]["data"]["programmes_by_status"]["total"]["value"] >= 20
    assert overview["parts"]["enrollment"]["data"]["queue"] is None  # a coordinator's work list only
    page = http.get("/api/dashboard/report", params={"partner": UCA, "format": "html"}, headers=focal)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
